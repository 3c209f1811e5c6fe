package io.forwardlog.pipeline;

import static io.forwardlog.pipeline.PipelineTestSupport.await;
import static io.forwardlog.pipeline.PipelineTestSupport.sequences;
import static io.forwardlog.pipeline.PipelineTestSupport.upstreamFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.HeartbeatType;
import io.forwardlog.internal.balance.HostResolver;
import io.forwardlog.internal.pipeline.DeliveryPipeline;
import io.forwardlog.pipeline.PipelineTestSupport.Event;
import io.forwardlog.pipeline.PipelineTestSupport.RecordingStatus;
import io.forwardlog.testkit.ForwardReceiver;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose host has several addresses, for real: two receivers on the loopback addresses 127.0.0.2
 * and 127.0.0.3 (Linux serves all of 127.0.0.0/8 on its loopback interface) share one port, and the
 * host name {@code aggregators.test} resolves to both through a resolver the test gives the pipeline,
 * standing in for a DNS name with two A records (a Kubernetes headless Service). Connections are
 * recycled under load with acks on: whatever the scheduling, every event arrives exactly once.
 */
class DnsAndRecyclingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HOST = "aggregators.test";

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();
    private final List<ForwardReceiver> receivers = new ArrayList<>();
    private final AtomicReference<List<String>> addresses = new AtomicReference<>();
    private final List<String> lookups = new java.util.concurrent.CopyOnWriteArrayList<>();
    private DeliveryPipeline pipeline;
    private long sequence;

    private final HostResolver names = host -> {
        lookups.add(host);
        if (!host.equals(HOST)) {
            throw new java.net.UnknownHostException(host);
        }
        List<InetAddress> found = new ArrayList<>();
        for (String address : addresses.get()) {
            found.add(InetAddress.getByName(address));
        }
        return found;
    };

    @AfterEach
    void tearDown() {
        if (pipeline != null) {
            pipeline.stop();
        }
        receivers.forEach(ForwardReceiver::close);
    }

    @Test
    void withDnsRoundRobinConnectionsGoToEveryAddressAndRecyclingLosesAndRepeatsNothing() throws Exception {
        ForwardReceiver[] twins = twinReceivers();
        addresses.set(List.of("127.0.0.2", "127.0.0.3"));
        start(twins[0].port(), s -> s.dnsRoundRobin(true).keepaliveMaxRecycle(5));

        log(5000);
        await("5,000 events", WAIT, () -> sequences(twins).size() >= 5000, this::context);

        assertEquals(5000, twins[0].eventCount() + twins[1].eventCount(), "no event arrived twice");
        assertTrue(twins[0].eventCount() > 0 && twins[1].eventCount() > 0, context());
        assertTrue(twins[0].connectionsAccepted() + twins[1].connectionsAccepted() >= 4, context());
        assertEquals(0, pipeline.stats().totalDropped());
        assertEquals(0, pipeline.stats().batchesResent(), "recycling sends nothing again");
    }

    @Test
    void anAddressAddedToTheHostGetsTrafficOnceTheConnectionIsRecycled() throws Exception {
        ForwardReceiver[] twins = twinReceivers();
        addresses.set(List.of("127.0.0.2"));
        start(twins[0].port(), s -> s.dnsRoundRobin(true).keepaliveMaxRecycle(5));
        log(500);
        await("500 events", WAIT, () -> sequences(twins).size() >= 500, this::context);
        assertEquals(0, twins[1].eventCount(), "127.0.0.3 is not an address of the host yet");

        // the aggregators are scaled out: the name now has two addresses
        addresses.set(List.of("127.0.0.2", "127.0.0.3"));
        log(3000);
        await("3,500 events", WAIT, () -> sequences(twins).size() >= 3500, this::context);

        assertTrue(twins[1].eventCount() > 0, context());
        assertEquals(3500, twins[0].eventCount() + twins[1].eventCount(), "no event arrived twice");
    }

    @Test
    void withoutRoundRobinEveryConnectionGoesToTheFirstAddress() throws Exception {
        ForwardReceiver[] twins = twinReceivers();
        addresses.set(List.of("127.0.0.2", "127.0.0.3"));
        start(twins[0].port(), s -> s.keepaliveMaxRecycle(5));

        log(2000);
        await("2,000 events", WAIT, () -> sequences(twins).size() >= 2000, this::context);

        assertEquals(2000, twins[0].eventCount());
        assertEquals(0, twins[1].connectionsAccepted());
        assertTrue(twins[0].connectionsAccepted() >= 4, context());
    }

    @Test
    void aConnectionOlderThanKeepaliveTimeoutIsReplacedAndNothingIsLostOrRepeated() throws Exception {
        ForwardReceiver[] twins = twinReceivers();
        addresses.set(List.of("127.0.0.2"));
        start(twins[0].port(), s -> s.keepaliveTimeout(Duration.ofMillis(100)));

        // traffic goes on until a few connections have come and gone, however fast this machine is
        await("a fourth connection", WAIT, () -> {
            log(20);
            return twins[0].connectionsAccepted() >= 4;
        }, this::context);
        long logged = sequence;
        await("every event", WAIT, () -> sequences(twins).size() >= logged, this::context);

        assertEquals(logged, twins[0].eventCount(), "no event arrived twice");
        assertEquals(0, pipeline.stats().totalDropped());
    }

    @Test
    void expireDnsCacheKeepsTheAddressesForTheNextConnects() throws Exception {
        ForwardReceiver[] twins = twinReceivers();
        addresses.set(List.of("127.0.0.2"));
        start(twins[0].port(), s -> s.keepaliveMaxRecycle(5).expireDnsCache(Duration.ofHours(1)));

        log(1000);
        await("1,000 events", WAIT, () -> sequences(twins).size() >= 1000, this::context);

        assertTrue(twins[0].connectionsAccepted() >= 4, context());
        assertEquals(List.of(HOST), lookups, "one lookup for every connection of the hour");
    }

    @Test
    void dnsRoundRobinAsANodeKeyWithUdpHeartbeatsIsRefusedAtItsLine() throws Exception {
        Path upstream = upstreamFile(dir, "\n[NODE]\n    name node-1\n    host " + HOST
                + "\n    port 24224\n    dns_round_robin on\n");
        ForwardPipeline refused = new ForwardPipeline(ForwardSettings.builder().upstream(upstream)
                .heartbeatType(HeartbeatType.UDP).jmx(false).build(), status);

        ForwardStartException e = assertThrows(ForwardStartException.class, refused::start);

        assertEquals(upstream + ":8: [NODE] 'node-1': heartbeatType must be transport or none to use dns_round_robin,"
                + " as in Fluentd (it is udp: a UDP heartbeat goes to one of the host's addresses, not to the one each"
                + " connection picks)", e.getMessage());
        assertTrue(lookups.isEmpty());
    }

    @Test
    void anUpstreamWhoseNodesAllHaveWeightZeroIsRefused() throws Exception {
        Path upstream = upstreamFile(dir, "\n[NODE]\n    name node-1\n    host 127.0.0.1\n    port 24224\n    weight 0\n",
                "\n[NODE]\n    name node-2\n    host 127.0.0.1\n    port 24225\n    weight 0\n");
        ForwardPipeline refused = new ForwardPipeline(ForwardSettings.builder().upstream(upstream).jmx(false).build(),
                status);

        ForwardStartException e = assertThrows(ForwardStartException.class, refused::start);

        assertEquals(upstream + ":14: [NODE] 'node-2': every node has weight 0, and a node of weight 0 never gets a"
                + " batch (as in Fluentd): give at least one node a weight above 0", e.getMessage());
    }

    /** Receivers on 127.0.0.2 and 127.0.0.3 with one port number, as one host's two addresses. */
    private ForwardReceiver[] twinReceivers() throws IOException {
        for (int attempt = 1; ; attempt++) {
            ForwardReceiver first = ForwardReceiver.builder().name("127.0.0.2").host("127.0.0.2").start();
            try {
                ForwardReceiver second = ForwardReceiver.builder().name("127.0.0.3").host("127.0.0.3")
                        .port(first.port()).start();
                receivers.add(first);
                receivers.add(second);
                return new ForwardReceiver[] {first, second};
            } catch (BindException taken) {
                first.close(); // the port is taken on 127.0.0.3 by something else: try another one
                if (attempt == 5) {
                    throw taken;
                }
            }
        }
    }

    private void start(int port, UnaryOperator<ForwardSettings.Builder> settings) throws Exception {
        Path upstream = upstreamFile(dir, "\n[NODE]\n    name aggregators\n    host " + HOST + "\n    port " + port + "\n");
        pipeline = new DeliveryPipeline(settings.apply(ForwardSettings.builder().upstream(upstream)
                .requireAckResponse(true).flushInterval(Duration.ofMillis(10)).chunkSize(1024).jmx(false)).build(),
                status, System::nanoTime, names);
        pipeline.start();
    }

    private void log(int events) {
        for (int i = 0; i < events; i++) {
            pipeline.append(new Event("event " + sequence, "main", sequence++));
        }
    }

    private String context() {
        return "receivers: " + receivers + "\nconnections: " + receivers.stream().map(r -> r.connectionsAccepted())
                .toList() + "\nnodes: " + pipeline.stats().nodes() + "\nstatus:\n" + status;
    }
}
