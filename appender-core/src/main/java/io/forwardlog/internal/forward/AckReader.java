package io.forwardlog.internal.forward;

import io.forwardlog.internal.util.Errors;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * Reads what the node sends once the connection is established: acks ({@code {"ack": chunk}}) and,
 * without acks, nothing but the end of the stream, which tells us early that the node went away.
 */
final class AckReader implements Runnable {

    private final MessageUnpacker unpacker;
    private final InFlightWindow window;
    private final ForwardConnection connection;
    private final ConnectionListener listener;

    AckReader(MessageUnpacker unpacker, InFlightWindow window, ForwardConnection connection, ConnectionListener listener) {
        this.unpacker = unpacker;
        this.window = window;
        this.connection = connection;
        this.listener = listener;
    }

    @Override
    public void run() {
        try {
            while (!connection.isBroken()) {
                if (!unpacker.hasNext()) {
                    connection.fail(new DeliveryException(DeliveryException.Kind.CLOSED_BY_PEER,
                            closedMessage(window.size())));
                    return;
                }
                handle(unpacker.unpackValue());
            }
        } catch (DeliveryException e) {
            connection.fail(e);
        } catch (EOFException e) {
            connection.fail(new DeliveryException(DeliveryException.Kind.CLOSED_BY_PEER, closedMessage(window.size()), e));
        } catch (IOException | RuntimeException e) {
            if (!connection.isBroken()) {
                connection.fail(new DeliveryException(DeliveryException.Kind.CLOSED_BY_PEER,
                        "connection lost (" + Errors.describe(e) + ")" + unacknowledged(window.size()), e));
            }
        }
    }

    private void handle(Value message) throws DeliveryException {
        String chunk = ackOf(message);
        if (chunk == null && isHelo(message)) {
            throw new DeliveryException(DeliveryException.Kind.AUTHENTICATION,
                    "the node requires the shared-key handshake (it sent HELO) but no shared_key is set for it");
        }
        if (chunk == null) {
            throw new DeliveryException(DeliveryException.Kind.PROTOCOL,
                    "unexpected message from the node: " + Messages.abbreviate(message.toJson()));
        }
        OutboundBatch batch = window.acknowledge(chunk);
        if (batch == null) {
            throw new DeliveryException(DeliveryException.Kind.ACK_MISMATCH,
                    "the node acknowledged chunk '" + Messages.abbreviate(chunk) + "', which matches no batch in flight");
        }
        listener.acknowledged(connection, batch);
    }

    private static String ackOf(Value message) {
        if (!message.isMapValue()) {
            return null;
        }
        for (Map.Entry<Value, Value> entry : message.asMapValue().entrySet()) {
            Value key = entry.getKey();
            if (key.isRawValue() && "ack".equals(key.asRawValue().asString())) {
                Value ack = entry.getValue();
                return ack.isRawValue() ? ack.asRawValue().asString() : null;
            }
        }
        return null;
    }

    private static boolean isHelo(Value message) {
        return message.isArrayValue() && message.asArrayValue().size() > 0
                && message.asArrayValue().get(0).isRawValue()
                && "HELO".equals(message.asArrayValue().get(0).asRawValue().asString());
    }

    private static String closedMessage(int inFlight) {
        return "the node closed the connection" + unacknowledged(inFlight);
    }

    private static String unacknowledged(int inFlight) {
        return inFlight == 0 ? "" : " with " + inFlight + " unacknowledged batch" + (inFlight == 1 ? "" : "es");
    }
}
