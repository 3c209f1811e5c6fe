package io.forwardlog.samples;

import io.forwardlog.ForwardAppenderMXBean;
import io.forwardlog.NodeStatus;
import io.forwardlog.upstream.Upstream;
import io.forwardlog.upstream.UpstreamFile;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The demo: starts a local Forward receiver for each node of {@code samples/upstream.conf} (two
 * plain, one TLS with a shared key, and a standby that stands in for the nodes that are down), logs
 * through Logback and through Log4j2 with
 * their sample configuration files, stops nodes on the way and brings them back, and prints where
 * every event went. With {@code --upstream PATH} it instead sends a few sample events to each node of
 * a real upstream file and tells whether each node accepted them.
 */
public final class Demo {

    private static final int EVENTS_PER_PHASE = 1000;
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final List<String> PHASES = List.of(
            "all nodes up", "node-1 stopped", "node-1, node-2, node-3 stopped", "all nodes back");

    private final PrintStream out;

    Demo(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && "--upstream".equals(args[0])) {
            System.exit(new UpstreamChecker(System.out).check(Path.of(args[1])));
        }
        if (args.length != 0) {
            System.err.println("usage: java -jar forwardlog-demo.jar [--upstream PATH]");
            System.exit(2);
        }
        System.exit(new Demo(System.out).run());
    }

    /** Runs the demo; returns 0 when every event arrived and none was dropped. */
    int run() throws Exception {
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("forwardlog-demo");
        Path upstreamFile = work.resolve("upstream.conf");
        try (InputStream in = Demo.class.getResourceAsStream("/upstream.conf")) {
            Files.copy(in, upstreamFile, StandardCopyOption.REPLACE_EXISTING);
        }
        Upstream upstream = UpstreamFile.load(upstreamFile);
        System.setProperty("forwardlog.upstream", upstreamFile.toString());
        out.println("forwardlog demo: upstream '" + upstream.name() + "' with " + upstream.nodes().size()
                + " nodes (samples/upstream.conf); " + EVENTS_PER_PHASE + " events per phase from Logback and from Log4j2, acks on");
        try (DemoReceivers receivers = DemoReceivers.start(upstream, work)) {
            DemoLogging logging = DemoLogging.start();
            int sent = 0;
            for (int phase = 1; phase <= PHASES.size(); phase++) {
                out.println("phase " + phase + ": " + PHASES.get(phase - 1));
                prepare(phase, receivers);
                logging.log(phase, sent, EVENTS_PER_PHASE);
                sent += EVENTS_PER_PHASE;
                int expected = 2 * sent;
                await("the events of phase " + phase, () -> distinct(receivers) >= expected);
            }
            long dropped = appenders().stream().mapToLong(a -> a.getEventsDropped().values().stream()
                    .mapToLong(Long::longValue).sum()).sum();
            logging.close();
            DemoReport report = new DemoReport(PHASES, receivers.names(), receivers.events());
            out.println();
            report.print(out, sent, sent, dropped, (System.nanoTime() - start) / 1e9);
            return report.distinct() == 2L * sent && dropped == 0 ? 0 : 1;
        }
    }

    private void prepare(int phase, DemoReceivers receivers) throws Exception {
        switch (phase) {
            case 2 -> {
                receivers.get("node-1").stop();
                // the standby stands in for node-1 as soon as both appenders see it down
                await("node-1 to be down in both appenders", () -> appenders().stream()
                        .allMatch(a -> a.getNodes().stream().filter(n -> n.getName().equals("node-1"))
                                .map(NodeStatus::getState).allMatch("down"::equals)));
            }
            case 3 -> {
                receivers.get("node-2").stop();
                receivers.get("node-3").stop();
            }
            case 4 -> {
                for (String node : List.of("node-1", "node-2", "node-3")) {
                    receivers.get(node).restart();
                }
                await("node-1, node-2 and node-3 to be back in both appenders", () -> appenders().stream()
                        .allMatch(a -> a.getNodes().stream().filter(n -> !n.getName().equals("standby"))
                                .map(NodeStatus::getState).allMatch("up"::equals)));
            }
            default -> { }
        }
    }

    private static long distinct(DemoReceivers receivers) {
        return new DemoReport(PHASES, receivers.names(), receivers.events()).distinct();
    }

    /** Both appenders, through the JMX MBeans forwardlog registers. */
    private static List<ForwardAppenderMXBean> appenders() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<ForwardAppenderMXBean> appenders = new ArrayList<>();
        try {
            for (ObjectName name : server.queryNames(new ObjectName("io.forwardlog:type=ForwardAppender,*"), null)) {
                appenders.add(JMX.newMXBeanProxy(server, name, ForwardAppenderMXBean.class));
            }
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
        return appenders;
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                out.println("  still waiting for " + what + " after " + SETTLE.toSeconds() + "s; going on");
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
