package io.forwardlog.benchmarks;

import java.time.Duration;

/**
 * {@link CallerLatency}'s command line: {@code --rate=N} log calls per second from one thread (default
 * 20,000), {@code --seconds=S} each phase lasts (default 10), {@code --recovery-seconds=R} how long the
 * recovery is timed (default 30: forwardlog's {@code recoverWait} alone is 10 s), {@code --buffer-mb=M}
 * every client's buffer limit (default 8) and {@code --warmup-seconds=W} of untimed logging first
 * (default 10).
 */
record LatencyOptions(int rate, Duration phase, Duration recovery, long bufferBytes, Duration warmUp) {

    static final LatencyOptions DEFAULTS = new LatencyOptions(20_000, Duration.ofSeconds(10), Duration.ofSeconds(30),
            8L * 1024 * 1024, Duration.ofSeconds(10));

    /** @throws IllegalArgumentException naming the option that is wrong */
    static LatencyOptions parse(String... args) {
        long rate = DEFAULTS.rate;
        long seconds = DEFAULTS.phase.toSeconds();
        long recovery = DEFAULTS.recovery.toSeconds();
        long bufferMb = DEFAULTS.bufferBytes / (1024 * 1024);
        long warmUp = DEFAULTS.warmUp.toSeconds();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            switch (name) {
                case "--rate" -> rate = ComparisonOptions.number(name, value, 1, 1_000_000);
                case "--seconds" -> seconds = ComparisonOptions.number(name, value, 1, 3600);
                case "--recovery-seconds" -> recovery = ComparisonOptions.number(name, value, 1, 3600);
                case "--buffer-mb" -> bufferMb = ComparisonOptions.number(name, value, 1, 64 * 1024);
                case "--warmup-seconds" -> warmUp = ComparisonOptions.number(name, value, 0, 3600);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'; the options are --rate=N, "
                        + "--seconds=S, --recovery-seconds=R, --buffer-mb=M and --warmup-seconds=W");
            }
        }
        return new LatencyOptions((int) rate, Duration.ofSeconds(seconds), Duration.ofSeconds(recovery),
                bufferMb * 1024 * 1024, Duration.ofSeconds(warmUp));
    }

    /** How long {@code phase} is timed. */
    Duration length(LatencyPhase phase) {
        return phase == LatencyPhase.RECOVERY ? recovery : this.phase;
    }
}
