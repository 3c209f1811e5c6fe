package io.forwardlog.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough of the TLS record layer to read a client's first flight and answer it by hand, as a
 * server limited to an old protocol version would.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8446#section-4.1.2">RFC 8446, ClientHello</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5246#section-7.4.1.3">RFC 5246, ServerHello</a>
 */
final class TlsRecords {

    static final int TLS_1_0 = 0x0301;
    static final int TLS_1_1 = 0x0302;
    static final int TLS_1_2 = 0x0303;
    static final int TLS_1_3 = 0x0304;

    private static final int HANDSHAKE = 22;
    private static final int ALERT = 21;
    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_HELLO = 2;
    private static final int SUPPORTED_VERSIONS = 43;
    private static final int TLS_RSA_WITH_AES_128_CBC_SHA = 0x002f;

    private TlsRecords() {
    }

    /**
     * What a ClientHello offers: its legacy version field, its cipher suites by the names BouncyCastle's
     * {@code org.bouncycastle.tls.CipherSuite} gives their codes, and its {@code supported_versions} extension.
     */
    record ClientHello(int legacyVersion, List<String> cipherSuites, List<Integer> supportedVersions) {
    }

    /** Reads one record holding a ClientHello. */
    static ClientHello readClientHello(InputStream in) throws IOException {
        ByteBuffer hello = ByteBuffer.wrap(readRecord(in, HANDSHAKE));
        expect("handshake type", CLIENT_HELLO, hello.get() & 0xff);
        hello.position(hello.position() + 3); // length
        int legacyVersion = hello.getShort() & 0xffff;
        hello.position(hello.position() + 32); // random
        skip(hello, hello.get() & 0xff); // session id
        List<String> suites = new ArrayList<>();
        for (int count = (hello.getShort() & 0xffff) / 2; count > 0; count--) {
            suites.add(cipherSuiteName(hello.getShort() & 0xffff));
        }
        skip(hello, hello.get() & 0xff); // compression methods
        List<Integer> versions = new ArrayList<>();
        int end = (hello.getShort() & 0xffff) + hello.position();
        while (hello.position() < end) {
            int type = hello.getShort() & 0xffff;
            int length = hello.getShort() & 0xffff;
            if (type == SUPPORTED_VERSIONS) {
                int count = (hello.get() & 0xff) / 2;
                for (int i = 0; i < count; i++) {
                    versions.add(hello.getShort() & 0xffff);
                }
            } else {
                skip(hello, length);
            }
        }
        return new ClientHello(legacyVersion, List.copyOf(suites), List.copyOf(versions));
    }

    /** The name of a cipher suite code among BouncyCastle's constants, or its code in hex. */
    private static String cipherSuiteName(int code) {
        for (Field field : org.bouncycastle.tls.CipherSuite.class.getFields()) {
            try {
                if (field.getType() == int.class && Modifier.isStatic(field.getModifiers()) && field.getInt(null) == code) {
                    return field.getName();
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.format("0x%04x", code);
    }

    /**
     * A ServerHello record choosing {@code version}, an RSA cipher suite and no extensions, as a TLS 1.0
     * or 1.1 server sends it.
     */
    static byte[] serverHello(int version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeShort(body, version);
        byte[] random = new byte[32];
        Arrays.fill(random, (byte) 0x5a); // anything but the TLS 1.3 downgrade sentinel
        body.writeBytes(random);
        body.write(0); // no session id
        writeShort(body, TLS_RSA_WITH_AES_128_CBC_SHA);
        body.write(0); // no compression
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        handshake.write(SERVER_HELLO);
        handshake.write(0);
        writeShort(handshake, body.size());
        handshake.writeBytes(body.toByteArray());
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(HANDSHAKE);
        writeShort(record, version);
        writeShort(record, handshake.size());
        record.writeBytes(handshake.toByteArray());
        return record.toByteArray();
    }

    /** Reads one alert record; returns its description, e.g. 70 for protocol_version. */
    static int readAlertDescription(InputStream in) throws IOException {
        byte[] alert = readRecord(in, ALERT);
        return alert[1] & 0xff;
    }

    private static byte[] readRecord(InputStream in, int expectedType) throws IOException {
        DataInputStream data = new DataInputStream(in);
        expect("record type", expectedType, data.readUnsignedByte());
        data.readUnsignedShort(); // record version
        byte[] fragment = new byte[data.readUnsignedShort()];
        data.readFully(fragment);
        return fragment;
    }

    private static void expect(String what, int expected, int actual) throws IOException {
        if (expected != actual) {
            throw new IOException("expected " + what + " " + expected + ", got " + actual);
        }
    }

    private static void skip(ByteBuffer buffer, int bytes) {
        buffer.position(buffer.position() + bytes);
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value & 0xff);
    }
}
