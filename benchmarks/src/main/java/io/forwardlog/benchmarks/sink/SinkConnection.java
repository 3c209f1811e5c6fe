package io.forwardlog.benchmarks.sink;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Reads the frames of one connection, counts their events and acknowledges each frame that carries a
 * {@code chunk}. The server tells the modes apart by the second element: an array (Forward), bin or
 * str (PackedForward, CompressedPackedForward with {@code "compressed": "gzip"} or {@code "zstd"}), or a time
 * (Message).
 *
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1">Forward Protocol Specification v1</a>
 */
final class SinkConnection implements Runnable {

    private static final int READ_BUFFER = 256 * 1024;

    private final Socket socket;
    private final BooleanSupplier stopping;
    private final ReadGate gate;
    private final SinkCounters counters;
    private final long ackDelayNanos;
    private final String threadName;
    private final EntryCounter entries;
    private byte[] payload = new byte[READ_BUFFER];

    /**
     * @param stopping whether the sink is closing, so that the failures closing causes are not problems
     * @param gate     holds the reader between frames while the sink reads nothing
     * @param ids      where the events' ids go, or {@code null} to count only
     */
    SinkConnection(Socket socket, BooleanSupplier stopping, ReadGate gate, SinkCounters counters, long ackDelayNanos,
                   String threadName, EventIds ids) {
        this.socket = socket;
        this.stopping = stopping;
        this.gate = gate;
        this.counters = counters;
        this.ackDelayNanos = ackDelayNanos;
        this.threadName = threadName;
        this.entries = new EntryCounter(ids);
    }

    @Override
    public void run() {
        Thread ackThread = null;
        try {
            MessageUnpacker in = MessagePack.DEFAULT_UNPACKER_CONFIG.withBufferSize(READ_BUFFER)
                    .newUnpacker(socket.getInputStream());
            AckWriter writer = new AckWriter(socket.getOutputStream(), counters);
            DelayedAcks delayed = null;
            if (ackDelayNanos > 0) {
                delayed = new DelayedAcks(writer, ackDelayNanos, stopping, counters);
                ackThread = new Thread(delayed, threadName + "-acks");
                ackThread.setDaemon(true);
                ackThread.start();
            }
            while (passGate() && in.hasNext()) {
                String chunk = readFrame(in);
                if (chunk == null) {
                    continue;
                }
                if (delayed != null) {
                    delayed.schedule(chunk);
                } else {
                    writer.write(chunk);
                }
            }
        } catch (EOFException | MessageInsufficientBufferException e) {
            if (!stopping.getAsBoolean()) {
                counters.problem(threadName + ": the connection ended inside a frame");
            }
        } catch (IOException | MessagePackException e) {
            if (!stopping.getAsBoolean()) {
                counters.problem(threadName + ": " + describe(e));
            }
        } finally {
            if (ackThread != null) {
                ackThread.interrupt();
            }
            try {
                socket.close();
            } catch (IOException e) {
                // the connection is done with either way
            }
        }
    }

    /** Waits while reading is stopped; returns whether to go on reading (not when interrupted). */
    private boolean passGate() {
        try {
            gate.pass();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Reads one frame and counts its events; returns its {@code chunk}, or {@code null} when it has none. */
    private String readFrame(MessageUnpacker in) throws IOException {
        if (in.getNextFormat().getValueType() != ValueType.ARRAY) {
            throw new SinkProtocolException("a frame is not an array but " + in.getNextFormat().getValueType());
        }
        int elements = in.unpackArrayHeader();
        if (elements < 2 || elements > 4) {
            throw new SinkProtocolException("a frame has " + elements + " elements; a Forward frame has 2 to 4");
        }
        in.skipValue(); // the tag: counting does not need it
        MessageFormat second = in.getNextFormat();
        long events;
        int payloadLength = -1;
        int read = 2;
        switch (second.getValueType()) {
            case ARRAY -> events = entries.countInline(in, in.unpackArrayHeader());
            case BINARY, STRING -> {
                payloadLength = second.getValueType() == ValueType.BINARY ? in.unpackBinaryHeader()
                        : in.unpackRawStringHeader();
                readPayload(in, payloadLength);
                events = 0;
            }
            case INTEGER, EXTENSION -> {
                entries.countMessage(in); // Message mode: [tag, time, record, option?]
                read = 3;
                events = 1;
            }
            default -> throw new SinkProtocolException("the second element of a frame is " + second.getValueType()
                    + "; expected entries, packed entries or a time");
        }
        String chunk = null;
        String compressed = null;
        if (elements > read + 1) {
            throw new SinkProtocolException("a frame has " + elements + " elements, " + (elements - read) + " after its events");
        }
        if (elements == read + 1) {
            int options = in.unpackMapHeader();
            for (int i = 0; i < options; i++) {
                String key = text(in);
                switch (key) {
                    case "chunk" -> chunk = text(in);
                    case "compressed" -> compressed = checkCompression(text(in));
                    default -> in.skipValue();
                }
            }
        }
        if (payloadLength >= 0) {
            events = compressed == null ? entries.count(payload, payloadLength)
                    : compressed.equals("gzip") ? entries.countGzip(payload, payloadLength)
                    : entries.countZstd(payload, payloadLength);
        }
        entries.frameDone();
        counters.frame(events);
        return chunk;
    }

    private void readPayload(MessageUnpacker in, int length) throws IOException {
        if (payload.length < length) {
            payload = new byte[Math.max(length, payload.length * 2)];
        }
        in.readPayload(payload, 0, length);
    }

    private static String checkCompression(String value) throws SinkProtocolException {
        if (!"gzip".equals(value) && !"zstd".equals(value)) {
            throw new SinkProtocolException("compressed is '" + value + "'; the sink reads gzip and zstd");
        }
        return value;
    }

    /** A str or bin option value as text. */
    private static String text(MessageUnpacker in) throws IOException {
        ValueType type = in.getNextFormat().getValueType();
        if (type == ValueType.STRING) {
            return in.unpackString();
        }
        if (type == ValueType.BINARY) {
            return new String(in.readPayload(in.unpackBinaryHeader()), StandardCharsets.UTF_8);
        }
        throw new SinkProtocolException("an option key or text value is " + type);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
