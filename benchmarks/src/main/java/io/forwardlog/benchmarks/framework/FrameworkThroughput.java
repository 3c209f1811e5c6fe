package io.forwardlog.benchmarks.framework;

import io.forwardlog.benchmarks.CallerLatency;
import java.io.IOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * End to end through the real frameworks: {@code logger.info("order {} processed in {} ms", id, ms)}
 * from 2 threads with 3 MDC entries, through each contender configured as its users would, to one
 * node, a sink in this JVM that counts every event and checks that each arrived exactly once. Each run
 * is a child JVM of its own ({@link ChildJvm#FLAGS}, the same class path); runs alternate contenders,
 * A B A B, mode by mode, round by round.
 *
 * <ul>
 *   <li>Logback: forwardlog's {@code ForwardAppender} against logback-more-appenders'
 *       {@code FluencyLogbackAppender}.</li>
 *   <li>Log4j2: forwardlog's {@code <Forward>} against Log4j2's own {@code Socket} appender with
 *       {@code JsonTemplateLayout} (JSON lines, Fluent Bit's {@code tcp} input) and
 *       {@code log4j-plugin-fluency} 1.3.2.</li>
 *   <li>Steady state: a warm-up, then the measured events, timed from the first measured call until
 *       the sink has counted them all. Cold: a fresh JVM, no warm-up, timed from its first log call.</li>
 *   <li>Modes: no acks, acks, gzip (forwardlog only: no peer can send it).</li>
 * </ul>
 *
 * <p>First it measures the sinks' own ceilings ({@link SinkCeiling}). Prints one line per run and, per
 * framework and phase, a Markdown table of medians with forwardlog's ratio to each peer, then the
 * issue's targets against what was measured.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.forwardlog.benchmarks.framework.FrameworkThroughput}
 * with the options of {@link ThroughputOptions}. Exits with 1 when a run did not deliver every event
 * exactly once, 2 on a wrong option.
 */
public final class FrameworkThroughput {

    /** What forwardlog's gzip mode took end to end before issue 14, events/s. */
    private static final double GZIP_BEFORE = 312_000;

    private FrameworkThroughput() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        ThroughputOptions options;
        try {
            options = ThroughputOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("FrameworkThroughput: " + e.getMessage());
            System.exit(2);
            return;
        }
        printSetup(options);
        boolean pluginThere = !ChildJvm.ownClassPath().isEmpty();
        if (!pluginThere && options.frameworks().contains(Framework.LOG4J2)) {
            System.out.println("log4j-plugin-fluency: not run: its jars are not in " + ChildJvm.ownClassPathDirectory()
                    + " (the module's package phase copies them there from Maven Central)");
        }
        printCeilings(options);

        boolean allComplete = true;
        List<String> targets = new ArrayList<>();
        for (Framework framework : options.frameworks()) {
            List<Contender> contenders = contenders(framework, pluginThere);
            for (ThroughputOptions.Phase phase : options.phases()) {
                ThroughputTable table = new ThroughputTable(contenders.get(0), contenders.subList(1, contenders.size()));
                System.out.println(framework + ", " + phase + ":");
                for (int round = 1; round <= options.rounds(); round++) {
                    for (FrameworkMode mode : FrameworkMode.values()) {
                        for (Contender contender : contenders) {
                            if (!contender.supports(mode)) {
                                continue;
                            }
                            FrameworkRun.Outcome outcome = FrameworkRun.run(spec(options, phase, contender, mode));
                            print(round, phase, outcome);
                            allComplete &= outcome.complete();
                            table.add(outcome);
                        }
                    }
                }
                System.out.println();
                System.out.println(framework + ", " + phase + " (" + String.format(Locale.ROOT, "%,d",
                        phase == ThroughputOptions.Phase.STEADY ? options.events() : options.coldEvents())
                        + " events a run, medians of " + options.rounds() + " runs):");
                System.out.println();
                System.out.println(table.render(List.of(FrameworkMode.values())));
                targets.addAll(targets(framework, phase, table, contenders));
            }
        }
        System.out.println("Targets of issue 14 against this run:");
        targets.forEach(line -> System.out.println("- " + line));
        System.out.println();
        System.out.println("load average at the end: " + CallerLatency.loadAverage());
        if (!allComplete) {
            System.out.println("Some runs did not deliver every event exactly once: see the lines above.");
            System.exit(1);
        }
    }

    /** forwardlog first, then its peers in that framework. */
    static List<Contender> contenders(Framework framework, boolean pluginThere) {
        return framework == Framework.LOGBACK ? List.of(Contender.LOGBACK_FORWARDLOG, Contender.LOGBACK_FLUENCY)
                : pluginThere ? List.of(Contender.LOG4J2_FORWARDLOG, Contender.LOG4J2_SOCKET_JSON, Contender.LOG4J2_FLUENCY_PLUGIN)
                : List.of(Contender.LOG4J2_FORWARDLOG, Contender.LOG4J2_SOCKET_JSON);
    }

    private static FrameworkRun.Spec spec(ThroughputOptions options, ThroughputOptions.Phase phase, Contender contender,
                                          FrameworkMode mode) {
        boolean steady = phase == ThroughputOptions.Phase.STEADY;
        return new FrameworkRun.Spec(contender, mode, options.threads(), steady ? options.warmUp() : 0,
                steady ? options.events() : options.coldEvents(), false, options.bufferBytes(), options.flushMillis());
    }

    /** The targets that this table answers. */
    private static List<String> targets(Framework framework, ThroughputOptions.Phase phase, ThroughputTable table,
                                        List<Contender> contenders) {
        List<String> lines = new ArrayList<>();
        Contender forwardlog = contenders.get(0);
        boolean steady = phase == ThroughputOptions.Phase.STEADY;
        for (Contender peer : contenders.subList(1, contenders.size())) {
            Double ratio = table.ratio(peer, FrameworkMode.NO_ACKS);
            String goal = framework == Framework.LOGBACK ? (steady ? " (target ≥ 3)" : " (target ≥ 2)") : "";
            lines.add(framework + " " + phase + ", no acks: forwardlog / " + peer + " = " + format(ratio) + goal);
        }
        if (steady) {
            Double gzip = table.median(forwardlog, FrameworkMode.GZIP);
            lines.add(framework + " steady state, gzip: " + (gzip == null ? "n/a" : String.format(Locale.ROOT,
                    "%,.0f events/s = %.2f × %,.0f (target ≥ 2)", gzip, gzip / GZIP_BEFORE, GZIP_BEFORE)));
            Double acks = table.median(forwardlog, FrameworkMode.ACKS);
            Double none = table.median(forwardlog, FrameworkMode.NO_ACKS);
            lines.add(framework + " steady state, forwardlog acks / no acks = "
                    + format(acks == null || none == null ? null : acks / none) + " (target ≥ 0.90)");
        }
        return lines;
    }

    private static String format(Double ratio) {
        return ratio == null ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static void print(int round, ThroughputOptions.Phase phase, FrameworkRun.Outcome outcome) {
        FrameworkRun.Spec spec = outcome.spec();
        String problems = outcome.problems();
        System.out.println(String.format(Locale.ROOT, "  round %d  %-7s %-12s %-8s %-28s %,10.0f events/s  callers %.2f s, "
                        + "all counted %.2f s, caller CPU per event %,.0f ns, load %s%s",
                round, spec.contender().framework(), phase, spec.mode(), spec.contender(), outcome.eventsPerSecond(),
                outcome.callerSeconds(), outcome.seconds(), (double) outcome.callerCpuNanos() / spec.events(),
                CallerLatency.loadAverage().split(" ")[0], problems.isEmpty() ? "" : "  INCOMPLETE: " + problems));
    }

    private static void printCeilings(ThroughputOptions options) throws IOException, InterruptedException {
        List<Contender.SinkKind> kinds = options.frameworks().contains(Framework.LOG4J2)
                ? List.of(Contender.SinkKind.FORWARD, Contender.SinkKind.JSON_LINES) : List.of(Contender.SinkKind.FORWARD);
        for (Contender.SinkKind kind : kinds) {
            SinkCeiling.measure(kind, options.events()); // warms the sink's code in this JVM
            SinkCeiling.Result result = SinkCeiling.measure(kind, options.events());
            System.out.println(String.format(Locale.ROOT, "sink ceiling (%s, every id checked, from a client that "
                            + "only copies bytes, in a child JVM): %,.0f events/s%s",
                    kind == Contender.SinkKind.FORWARD ? "Forward" : "JSON lines", result.eventsPerSecond(),
                    result.problem().isEmpty() ? "" : "  INCOMPLETE: " + result.problem()));
        }
        System.out.println();
    }

    private static void printSetup(ThroughputOptions options) {
        Runtime runtime = Runtime.getRuntime();
        System.out.println("forwardlog end to end through the frameworks, " + OffsetDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS));
        System.out.println("  machine: " + runtime.availableProcessors() + " processors, Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", load average " + CallerLatency.loadAverage());
        System.out.println("  each run in a child JVM: " + String.join(" ", ChildJvm.FLAGS) + ", this JVM's class path"
                + " (log4j-plugin-fluency: its own jars first); the sink in this JVM");
        System.out.println(String.format(Locale.ROOT, "  %d threads, 3 MDC entries, logger.info(\"%s\", id, ms); steady state: "
                        + "%,d events after a warm-up of %,d; cold: %,d events from a fresh JVM's first log call; %d runs each",
                options.threads(), OrderLog.PATTERN, options.events(), options.warmUp(), options.coldEvents(),
                options.rounds()));
        System.out.println(String.format(Locale.ROOT, "  every contender its defaults but: buffer limit %d MiB%s",
                options.bufferBytes() / (1024 * 1024), options.flushMillis() == 0 ? "" : ", flush interval "
                        + options.flushMillis() + " ms (forwardlog flushInterval, Fluency bufferChunkRetentionTimeMillis "
                        + "and flushAttemptIntervalMillis, log4j-plugin-fluency flushIntervalMillis)"));
        System.out.println("  Logback " + CallerLatency.version("ch.qos.logback", "logback-classic") + ", logback-more-appenders "
                + CallerLatency.version("com.sndyuk", "logback-more-appenders") + " (Fluency " + builtWith("fluency")
                + "), Log4j2 " + CallerLatency.version("org.apache.logging.log4j", "log4j-core"));
        System.out.println();
    }

    /** A version this module was built with ({@code versions.properties}, filled by Maven), or "unknown". */
    static String builtWith(String library) {
        try (java.io.InputStream in = FrameworkThroughput.class.getResourceAsStream("/io/forwardlog/benchmarks/versions.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty(library, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
