package io.forwardlog.internal.forward;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * A scripted server for one connection that greets as Fluent Bit's in_forward does: a HELO whose
 * {@code nonce} and {@code auth} are str holding 16 bytes that are not UTF-8, and no
 * {@code keepalive}. Like Fluent Bit it closes without a PONG when the PING's shared-key digest is
 * wrong, answers a wrong user with PONG false, and otherwise sends PONG true with its own digest,
 * then acknowledges one frame. It hands back the PING it received, for the test to check.
 */
final class FluentBitLikeServer implements AutoCloseable {

    static final String HOSTNAME = "fluent-bit";
    /** Invalid UTF-8 on purpose: a lone continuation byte, an overlong form, a truncated sequence. */
    static final byte[] NONCE = bytes(
            0xff, 0x80, 0xc0, 0xaf, 0xe2, 0x28, 0xa1, 0x00, 0xf0, 0x28, 0x8c, 0xbc, 0xfe, 0x41, 0xc3, 0x28);
    static final byte[] AUTH = bytes(
            0xc3, 0x28, 0xa0, 0xa1, 0xf8, 0x88, 0x80, 0x80, 0x80, 0xfc, 0x84, 0x80, 0x80, 0x80, 0x80, 0xed);

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HexFormat HEX = HexFormat.of();

    private final ServerSocket server;
    private final byte[] sharedKey;
    private final Optional<Map.Entry<String, String>> user;
    private final CompletableFuture<List<Value>> ping = new CompletableFuture<>();
    private final Thread thread;
    private volatile Socket accepted;

    private FluentBitLikeServer(ServerSocket server, String sharedKey, Optional<Map.Entry<String, String>> user) {
        this.server = server;
        this.sharedKey = sharedKey.getBytes(StandardCharsets.UTF_8);
        this.user = user;
        this.thread = new Thread(this::serve, "fluent-bit-like-server-" + server.getLocalPort());
        this.thread.setDaemon(true);
    }

    /** Starts a server with {@code sharedKey} and no users. */
    static FluentBitLikeServer start(String sharedKey) throws IOException {
        return start(sharedKey, Optional.empty());
    }

    /** Starts a server with {@code sharedKey} and one user. */
    static FluentBitLikeServer start(String sharedKey, String username, String password) throws IOException {
        return start(sharedKey, Optional.of(Map.entry(username, password)));
    }

    private static FluentBitLikeServer start(String sharedKey, Optional<Map.Entry<String, String>> user)
            throws IOException {
        FluentBitLikeServer server = new FluentBitLikeServer(
                new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), sharedKey, user);
        server.thread.start();
        return server;
    }

    String host() {
        return server.getInetAddress().getHostAddress();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The PING the client sent, once it has arrived. */
    List<Value> awaitPing() throws InterruptedException {
        try {
            return ping.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the server failed before the PING arrived: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no PING within " + TIMEOUT, e);
        }
    }

    /** The lowercase hex SHA-512 of the concatenated parts, as every Forward server computes it. */
    static String sha512Hex(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HEX.formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve() {
        try (Socket socket = server.accept()) {
            accepted = socket;
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            MessageUnpacker in = MessagePack.newDefaultUnpacker(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            write(out, packer -> {
                packer.packArrayHeader(2).packString("HELO").packMapHeader(2);
                packer.packString("nonce").packRawStringHeader(NONCE.length).writePayload(NONCE);
                packer.packString("auth").packRawStringHeader(AUTH.length).writePayload(AUTH);
            });
            List<Value> received = in.unpackValue().asArrayValue().list();
            ping.complete(received);
            answer(received, in, out);
        } catch (Exception | AssertionError e) {
            ping.completeExceptionally(e);
        }
    }

    private void answer(List<Value> received, MessageUnpacker in, OutputStream out) throws IOException {
        byte[] salt = raw(received.get(2));
        if (!sha512Hex(salt, raw(received.get(1)), NONCE, sharedKey).equals(text(received.get(3)))) {
            return; // Fluent Bit closes without a PONG
        }
        if (user.isPresent() && !userMatches(text(received.get(4)), text(received.get(5)))) {
            write(out, packer -> packer.packArrayHeader(5).packString("PONG").packBoolean(false)
                    .packString("username/password mismatch").packString("").packString(""));
            return;
        }
        String digest = sha512Hex(salt, bytes(HOSTNAME), NONCE, sharedKey);
        write(out, packer -> packer.packArrayHeader(5).packString("PONG").packBoolean(true).packString("")
                .packString(HOSTNAME).packString(digest));
        Value frame = in.unpackValue();
        Value options = frame.asArrayValue().get(frame.asArrayValue().size() - 1);
        Value chunk = HandshakeMessages.field(options.asMapValue().map(), "chunk");
        write(out, packer -> packer.packMapHeader(1).packString("ack").packValue(chunk));
        // keep the connection open, as a real server does, until the client closes it
        while (in.hasNext()) {
            in.skipValue();
        }
    }

    private boolean userMatches(String username, String passwordDigest) {
        String name = user.orElseThrow().getKey();
        return name.equals(username)
                && sha512Hex(AUTH, bytes(name), bytes(user.orElseThrow().getValue())).equals(passwordDigest);
    }

    private interface Message {
        void pack(MessagePacker packer) throws IOException;
    }

    private static void write(OutputStream out, Message message) throws IOException {
        MessagePacker packer = MessagePack.newDefaultPacker(out);
        message.pack(packer);
        packer.flush();
    }

    private static byte[] raw(Value value) {
        return value.asRawValue().asByteArray();
    }

    private static String text(Value value) {
        return value.isStringValue() ? value.asStringValue().asString() : "(not a str: " + value + ")";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        Socket socket = accepted;
        if (socket != null) {
            socket.close();
        }
        thread.join(TIMEOUT.toMillis());
    }
}
