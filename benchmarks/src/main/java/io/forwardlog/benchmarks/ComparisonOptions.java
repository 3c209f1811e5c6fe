package io.forwardlog.benchmarks;

import java.time.Duration;

/**
 * The end-to-end comparison's command line: {@code --events=N} (default 2,000,000),
 * {@code --threads=T} (default 4), {@code --rounds=R} measured rounds after the warm-up (default 3),
 * {@code --buffer-mb=M} each client's buffer (default 256), {@code --ack-delay-ms=D} how late the sink
 * acks in the late-ack mode (default 1).
 */
public record ComparisonOptions(long events, int threads, int rounds, long bufferBytes, Duration ackDelay) {

    static final ComparisonOptions DEFAULTS = new ComparisonOptions(2_000_000, 4, 3, 256L * 1024 * 1024,
            Duration.ofMillis(1));

    /** @throws IllegalArgumentException naming the option that is wrong */
    static ComparisonOptions parse(String... args) {
        long events = DEFAULTS.events;
        int threads = DEFAULTS.threads;
        int rounds = DEFAULTS.rounds;
        long bufferMb = DEFAULTS.bufferBytes / (1024 * 1024);
        long ackDelayMs = DEFAULTS.ackDelay.toMillis();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            switch (name) {
                case "--events" -> events = number(name, value, 1, Long.MAX_VALUE);
                case "--threads" -> threads = (int) number(name, value, 1, 256);
                case "--rounds" -> rounds = (int) number(name, value, 1, 100);
                case "--buffer-mb" -> bufferMb = number(name, value, 2, 64 * 1024);
                case "--ack-delay-ms" -> ackDelayMs = number(name, value, 1, 10_000);
                default -> throw new IllegalArgumentException("unknown option '" + arg
                        + "'; the options are --events=N, --threads=T, --rounds=R, --buffer-mb=M and --ack-delay-ms=D");
            }
        }
        return new ComparisonOptions(events, threads, rounds, bufferMb * 1024 * 1024, Duration.ofMillis(ackDelayMs));
    }

    /** A whole number option between {@code min} and {@code max}, "_" and "," allowed as separators. */
    public static long number(String option, String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, as in " + option + "=" + min
                    + "; got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }
}
