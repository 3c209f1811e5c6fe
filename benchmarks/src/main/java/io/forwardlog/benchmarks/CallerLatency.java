package io.forwardlog.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a log call costs the application's thread, not only on average: p50, p99, p99.9 and max of
 * {@code logger.info(...)} through the real Logback API, one thread logging at a fixed rate, while the
 * only node is up (steady state), down with the buffer filling and full (outage), back (recovery), and
 * accepting but reading nothing (stall). The same run times forwardlog's {@code ForwardAppender},
 * logback-more-appenders' {@code FluencyLogbackAppender} and, as the floor, Logback's own
 * {@code AsyncAppender} over a no-op appender, each in a Logback context of its own, one after the
 * other, with the same buffer limit and otherwise their defaults. Prints a Markdown table with each
 * p99 over the floor's, and per client the goals: in steady state a p99 within 1.5× of the floor's;
 * during an outage no call of 10 ms or more after the first wait.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.forwardlog.benchmarks.CallerLatency
 * [--rate=20000] [--seconds=10] [--recovery-seconds=30] [--buffer-mb=8] [--warmup-seconds=10]}; about
 * three minutes with the defaults. Exits with 2 on a wrong option.
 */
public final class CallerLatency {

    private CallerLatency() {
    }

    public static void main(String[] args) throws IOException {
        LatencyOptions options;
        try {
            options = LatencyOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("CallerLatency: " + e.getMessage());
            System.exit(2);
            return;
        }
        printSetup(options);
        LatencyRun run = new LatencyRun(options);
        List<LatencyRun.Result> results = new ArrayList<>();
        for (LoggingClient client : LoggingClient.values()) {
            System.out.println("  " + client + " ... (load average " + loadAverage() + ")");
            // the previous client's garbage is collected now, not on this one's clock
            System.gc();
            results.add(run.run(client));
        }
        LatencyTable table = new LatencyTable(results, options);
        System.out.println();
        System.out.println(table.render());
        table.summaries().forEach(line -> System.out.println("- " + line));
        System.out.println();
        System.out.println("load average at the end: " + loadAverage());
    }

    private static void printSetup(LatencyOptions options) {
        Runtime runtime = Runtime.getRuntime();
        System.out.println("caller latency through Logback, " + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        System.out.println("  machine: " + runtime.availableProcessors() + " processors, Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + "), max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", load average " + loadAverage());
        System.out.println("  Logback " + version("ch.qos.logback", "logback-classic") + ", logback-more-appenders "
                + version("com.sndyuk", "logback-more-appenders") + " with Fluency 2.7.3; one thread logging " + String.format(Locale.ROOT, "%,d", options.rate()) + " calls/s; phases of "
                + options.phase().toSeconds() + " s (recovery " + options.recovery().toSeconds() + " s) after "
                + options.warmUp().toSeconds() + " s of warm-up; buffer limit " + options.bufferBytes() / (1024 * 1024)
                + " MiB each");
        System.out.println();
    }

    /** A library's version from the {@code pom.properties} its jar carries, or "unknown". */
    public static String version(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (java.io.InputStream in = CallerLatency.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The 1, 5 and 15 minute load averages, or "unknown" where /proc/loadavg is not there. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
