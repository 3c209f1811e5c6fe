package io.forwardlog.benchmarks.framework;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * The child JVM that finds a sink's own ceiling: it sends events of the benchmarks' shape as fast as a
 * client can, each a copy of one encoded event with its id written into twelve digits, in PackedForward
 * frames of 4,096 entries (or as JSON lines), over one connection, and speaks {@link ChildProtocol}
 * like {@link LoggingChild}. Arguments: {@code FORWARD|JSON_LINES HOST PORT EVENTS}.
 */
public final class SinkBlaster {

    private static final int ID_DIGITS = 12;
    private static final int ENTRIES_PER_FRAME = 4096;

    private SinkBlaster() {
    }

    public static void main(String[] args) throws Exception {
        Contender.SinkKind kind = Contender.SinkKind.valueOf(args[0]);
        long events = Long.parseLong(args[3]);
        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Socket socket = new Socket(args[1], Integer.parseInt(args[2]))) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            byte[] template = kind == Contender.SinkKind.FORWARD ? forwardEntry() : jsonLine();
            int idAt = indexOfId(template);
            byte[] batch = new byte[template.length * ENTRIES_PER_FRAME];
            for (int i = 0; i < ENTRIES_PER_FRAME; i++) {
                System.arraycopy(template, 0, batch, i * template.length, template.length);
            }
            ChildProtocol.say(ChildProtocol.READY);
            ChildProtocol.expect(parent, ChildProtocol.GO);
            long first = System.nanoTime();
            for (long sent = 0; sent < events; ) {
                int n = (int) Math.min(ENTRIES_PER_FRAME, events - sent);
                writeId(batch, idAt, sent);
                for (int i = 1; i < n; i++) {
                    nextId(batch, (i - 1) * template.length + idAt, i * template.length + idAt);
                }
                if (kind == Contender.SinkKind.FORWARD) {
                    out.write(frameHeader(n * template.length));
                }
                out.write(batch, 0, n * template.length);
                sent += n;
            }
            out.flush();
            long last = System.nanoTime();
            ChildProtocol.say(ChildProtocol.MEASURED + " " + first + " " + last + " 0 0");
            ChildProtocol.expect(parent, ChildProtocol.STOP);
            ChildProtocol.say(ChildProtocol.SENDER + " -1");
        }
        ChildProtocol.say(ChildProtocol.STOPPED);
    }

    /** {@code [EventTime, record]}: the record of forwardlog's schema for one event of {@link OrderLog}. */
    private static byte[] forwardEntry() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MessagePacker packer = MessagePack.newDefaultPacker(bytes)) {
            packer.packArrayHeader(2);
            packer.packExtensionTypeHeader((byte) 0, 8);
            packer.writePayload(new byte[] {0x69, 0x55, (byte) 0xB9, 0x00, 0x07, 0x5B, (byte) 0xCD, 0x15});
            packer.packMapHeader(7);
            packer.packString("message").packString(OrderLog.message(0).replace(" 0 ", " " + "0".repeat(ID_DIGITS) + " "));
            packer.packString("level").packString("INFO");
            packer.packString("logger").packString(OrderLog.LOGGER);
            packer.packString("thread").packString(OrderLog.THREAD_PREFIX + 1);
            for (String[] entry : OrderLog.context(1)) {
                packer.packString(entry[0]).packString(entry[1]);
            }
        }
        return bytes.toByteArray();
    }

    /** One line of what {@link ConfigFiles#JSON_TEMPLATE} makes of one event. */
    private static byte[] jsonLine() {
        StringBuilder line = new StringBuilder("{\"time\":1767225600.123456789,\"level\":\"INFO\",\"logger\":\"")
                .append(OrderLog.LOGGER).append("\",\"thread\":\"").append(OrderLog.THREAD_PREFIX).append(1)
                .append("\",\"message\":\"").append(OrderLog.message(0).replace(" 0 ", " " + "0".repeat(ID_DIGITS) + " "))
                .append('"');
        for (String[] entry : OrderLog.context(1)) {
            line.append(",\"").append(entry[0]).append("\":\"").append(entry[1]).append('"');
        }
        return line.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code [tag, bin header]} of a PackedForward frame of two elements whose entries take {@code length} bytes. */
    private static byte[] frameHeader(int length) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MessagePacker packer = MessagePack.newDefaultPacker(bytes)) {
            packer.packArrayHeader(2).packString(OrderLog.TAG).packBinaryHeader(length);
        }
        return bytes.toByteArray();
    }

    private static int indexOfId(byte[] template) {
        byte[] zeros = (" " + "0".repeat(ID_DIGITS) + " ").getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= template.length - zeros.length; i++) {
            for (int j = 0; j < zeros.length; j++) {
                if (template[i + j] != zeros[j]) {
                    continue outer;
                }
            }
            return i + 1;
        }
        throw new IllegalStateException("no id digits in the template");
    }

    private static void writeId(byte[] batch, int at, long id) {
        for (int i = ID_DIGITS - 1; i >= 0; i--) {
            batch[at + i] = (byte) ('0' + id % 10);
            id /= 10;
        }
    }

    /** Writes the id after the one at {@code previous} at {@code at}: a decimal increment, no division. */
    private static void nextId(byte[] batch, int previous, int at) {
        System.arraycopy(batch, previous, batch, at, ID_DIGITS);
        for (int i = at + ID_DIGITS - 1; i >= at; i--) {
            if (batch[i] != '9') {
                batch[i]++;
                return;
            }
            batch[i] = '0';
        }
    }
}
