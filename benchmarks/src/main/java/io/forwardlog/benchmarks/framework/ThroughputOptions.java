package io.forwardlog.benchmarks.framework;

import io.forwardlog.benchmarks.ComparisonOptions;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@link FrameworkThroughput}'s command line: {@code --events=N} measured events of a steady-state run
 * (default 6,000,000), {@code --warmup=N} events before them (2,000,000), {@code --cold-events=N}
 * events of a cold run (1,000,000), {@code --threads=T} calling threads (2), {@code --rounds=R} runs
 * of each contender in each mode (3), {@code --buffer-mb=M} every contender's buffer limit (512, Fluency's
 * default), {@code --flush-ms=F} every contender's flush interval (50; 0 leaves each at its default),
 * {@code --framework=logback|log4j2|all} and {@code --phase=steady|cold|all}.
 */
record ThroughputOptions(long events, long warmUp, long coldEvents, int threads, int rounds, long bufferBytes,
                         long flushMillis, Set<Framework> frameworks, Set<Phase> phases) {

    /** Steady state (warmed up) or cold (a fresh JVM, no warm-up). */
    enum Phase {
        STEADY("steady state"), COLD("cold");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The most events of any kind: measured ids stay below the warm-up ids ({@code EventIds.WARM_UP_BASE}). */
    private static final long MOST = 1L << 36;

    static final ThroughputOptions DEFAULTS = new ThroughputOptions(6_000_000, 2_000_000, 1_000_000, 2, 3,
            512L * 1024 * 1024, 50, EnumSet.allOf(Framework.class), EnumSet.allOf(Phase.class));

    /** @throws IllegalArgumentException naming the option that is wrong */
    static ThroughputOptions parse(String... args) {
        long events = DEFAULTS.events;
        long warmUp = DEFAULTS.warmUp;
        long coldEvents = DEFAULTS.coldEvents;
        int threads = DEFAULTS.threads;
        int rounds = DEFAULTS.rounds;
        long bufferMb = DEFAULTS.bufferBytes / (1024 * 1024);
        long flushMillis = DEFAULTS.flushMillis;
        Set<Framework> frameworks = DEFAULTS.frameworks;
        Set<Phase> phases = DEFAULTS.phases;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            switch (name) {
                case "--events" -> events = ComparisonOptions.number(name, value, 1, MOST);
                case "--warmup" -> warmUp = ComparisonOptions.number(name, value, 0, MOST);
                case "--cold-events" -> coldEvents = ComparisonOptions.number(name, value, 1, MOST);
                case "--threads" -> threads = (int) ComparisonOptions.number(name, value, 1, 64);
                case "--rounds" -> rounds = (int) ComparisonOptions.number(name, value, 1, 100);
                case "--buffer-mb" -> bufferMb = ComparisonOptions.number(name, value, 1, 64 * 1024);
                case "--flush-ms" -> flushMillis = ComparisonOptions.number(name, value, 0, 60_000);
                case "--framework" -> frameworks = choice(name, value, Framework.class);
                case "--phase" -> phases = choice(name, value, Phase.class);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'; the options are --events=N, "
                        + "--warmup=N, --cold-events=N, --threads=T, --rounds=R, --buffer-mb=M, --flush-ms=F, "
                        + "--framework=logback|log4j2|all and --phase=steady|cold|all");
            }
        }
        return new ThroughputOptions(events, warmUp, coldEvents, threads, rounds, bufferMb * 1024 * 1024, flushMillis,
                frameworks, phases);
    }

    /** One of the enum's constants by its name in lower case, or all of them for {@code all}. */
    static <E extends Enum<E>> Set<E> choice(String option, String value, Class<E> type) {
        if (value.equals("all")) {
            return EnumSet.allOf(type);
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return EnumSet.of(constant);
            }
        }
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(constant.name().toLowerCase(Locale.ROOT)).append(", ");
        }
        throw new IllegalArgumentException(option + " is one of " + names + "or all; got '" + value + "'");
    }
}
