package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.internal.transport.TcpTransport;
import io.forwardlog.testkit.ForwardReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A connection measures each ack's round trip on its injected clock, from the write of the batch's frame to
 * the ack: a receiver that reads nothing until the clock has moved makes the measure exact.
 */
class AckRoundTripTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L);

    private final AtomicLong clock = new AtomicLong(5_000);
    private final List<Long> roundTrips = new CopyOnWriteArrayList<>();

    @Test
    void eachAckRoundTripIsTheClocksAdvanceFromTheFramesWriteToTheAck() throws Exception {
        try (ForwardReceiver receiver = ForwardReceiver.start()) {
            DrivenConnection connection = new DrivenConnection(new NodeAddress("node-1", receiver.host(), receiver.port()),
                    new TcpTransport(), WireOptions.defaults().withRequireAck(true), ConnectionSetup.NONE, new Recorder(),
                    clock::get);
            try {
                connection.open();
                roundTrip(receiver, connection, 1, Duration.ofMillis(7));
                roundTrip(receiver, connection, 2, Duration.ofSeconds(3));

                assertEquals(List.of(Duration.ofMillis(7).toNanos(), Duration.ofSeconds(3).toNanos()), roundTrips);
            } finally {
                connection.close();
            }
        }
    }

    /** Sends one batch while the receiver reads nothing, moves the clock by {@code rtt}, then lets it read and ack. */
    private void roundTrip(ForwardReceiver receiver, DrivenConnection connection, int n, Duration rtt) throws Exception {
        receiver.faults().stopReading(true);
        connection.send(TestBatch.numbered("app.rtt", n, TIME));
        clock.addAndGet(rtt.toNanos());
        receiver.faults().stopReading(false);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (roundTrips.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no ack for batch " + n + " within " + WAIT);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Reads the round trip when told of the ack, on the connection's own thread, as the node's channel does. */
    private final class Recorder implements ConnectionListener {
        @Override
        public void established(ForwardConnection connection) {
        }

        @Override
        public void written(ForwardConnection connection, OutboundBatch batch) {
        }

        @Override
        public void acknowledged(ForwardConnection connection, OutboundBatch batch) {
            roundTrips.add(connection.lastAckRoundTripNanos());
        }

        @Override
        public void ended(ForwardConnection connection, DeliveryException failure) {
        }
    }
}
