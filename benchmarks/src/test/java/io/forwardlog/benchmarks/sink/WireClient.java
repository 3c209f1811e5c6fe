package io.forwardlog.benchmarks.sink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/** Writes hand-made Forward frames to a sink and reads what it answers. */
final class WireClient implements AutoCloseable {

    private final Socket socket;
    private final MessagePacker out;
    private final MessageUnpacker in;

    WireClient(CountingSink sink) throws IOException {
        socket = new Socket(sink.host(), sink.port());
        socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
        out = MessagePack.newDefaultPacker(socket.getOutputStream());
        in = MessagePack.newDefaultUnpacker(socket.getInputStream());
    }

    MessagePacker packer() {
        return out;
    }

    void flush() throws IOException {
        out.flush();
    }

    /** The next message from the sink, e.g. {@code {"ack":"..."}}, as JSON. */
    String readAnswer() throws IOException {
        Value answer = in.unpackValue();
        return answer.toJson();
    }

    /** {@code count} entries {@code [EventTime, {"n": i}]} packed one after another. */
    static byte[] entries(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MessagePacker packer = MessagePack.newDefaultPacker(bytes);
        for (int i = 0; i < count; i++) {
            packer.packArrayHeader(2);
            packEventTime(packer, 1_767_225_600L, i);
            packer.packMapHeader(2);
            packer.packString("n");
            packer.packInt(i);
            packer.packString("tags");
            packer.packArrayHeader(2).packString("a").packString("b");
        }
        packer.close();
        return bytes.toByteArray();
    }

    /** Fixext 8, type 0: uint32 seconds, uint32 nanoseconds. */
    static void packEventTime(MessagePacker packer, long seconds, int nanos) throws IOException {
        packer.packExtensionTypeHeader((byte) 0, 8);
        byte[] time = new byte[8];
        for (int i = 0; i < 4; i++) {
            time[i] = (byte) (seconds >>> (24 - 8 * i));
            time[4 + i] = (byte) (nanos >>> (24 - 8 * i));
        }
        packer.writePayload(time);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
