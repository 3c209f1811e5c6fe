package io.forwardlog.upstream;

import static io.forwardlog.upstream.UpstreamFixture.classicWithNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamNodeTest {

    @TempDir
    Path dir;

    private UpstreamFixture fx;

    @BeforeEach
    void setUp() {
        fx = new UpstreamFixture(dir);
    }

    private UpstreamNode node(String file, String... lines) throws UpstreamFileException {
        fx.write(file, lines);
        return fx.load(file).nodes().get(0);
    }

    @Test
    void neverShowsSecretsOrUnknownValuesInToString() throws Exception {
        UpstreamNode node = node("up.conf", classicWithNode("    name node-3", "    host 127.0.0.1",
                "    port 45000", "    tls on", "    tls.key_file client.key", "    tls.key_passwd Kp4ss-w0rd",
                "    shared_key Sh4red-k3y", "    username alice", "    password Us3r-p4ss",
                "    http_passwd Unkn0wn-s3cret"));

        String text = node.toString();

        for (String secret : List.of("Kp4ss-w0rd", "Sh4red-k3y", "Us3r-p4ss", "Unkn0wn-s3cret")) {
            assertFalse(text.contains(secret), text);
        }
        assertTrue(text.startsWith("UpstreamNode{name=node-3, address=127.0.0.1:45000, tls=true, "), text);
        assertTrue(text.contains("handshake=true"), text);
        assertTrue(text.contains("username=alice"), text);
        assertTrue(text.contains("unknown keys=[http_passwd]"), text);
        assertFalse(fx.load("up.conf").toString().contains("Sh4red-k3y"));
    }

    @Test
    void showsTheNonSecretSettingsInToString() throws Exception {
        UpstreamNode node = node("up.conf", classicWithNode("    name n", "    host h", "    port 1",
                "    compress gzip", "    weight 10", "    standby on"));

        assertEquals("UpstreamNode{name=n, address=h:1, tls=false, tls.verify=true, tls.verify_hostname=true,"
                + " tls.debug=1, handshake=false, compress=gzip, weight=10, standby=true}", node.toString());
    }

    @Test
    void isEqualToTheSameNodeDeclaredElsewhere() throws Exception {
        UpstreamNode first = node("a.conf", classicWithNode("    name n", "    host h", "    port 1",
                "    shared_key k", "    x-extra 1"));
        UpstreamNode moved = node("b.conf", "# a comment moves the node down", "[NODE]", "    x-extra 1",
                "    shared_key k", "    port 1", "    host h", "    name n", "[UPSTREAM]", "    name other");

        assertEquals(first, moved);
        assertEquals(first.hashCode(), moved.hashCode());
        assertNotEquals(first.line(), moved.line());
    }

    @Test
    void isNotEqualWhenOnlyASecretChanges() throws Exception {
        UpstreamNode before = node("a.conf", classicWithNode("    name n", "    host h", "    port 1",
                "    shared_key k1"));
        UpstreamNode after = node("b.conf", classicWithNode("    name n", "    host h", "    port 1",
                "    shared_key k2"));

        assertNotEquals(before, after);
    }

    @Test
    void isNotEqualWhenAnUnknownKeyChanges() throws Exception {
        UpstreamNode before = node("a.conf", classicWithNode("    name n", "    host h", "    port 1",
                "    x-extra 1"));
        UpstreamNode after = node("b.conf", classicWithNode("    name n", "    host h", "    port 1",
                "    x-extra 2"));

        assertNotEquals(before, after);
    }

    @Test
    void comparesUpstreamsByNameNodesAndSource() throws Exception {
        Path file = fx.write("up.conf", classicWithNode("    name n", "    host h", "    port 1"));

        Upstream first = fx.load(file);
        Upstream again = fx.load(file);

        assertEquals(first, again);
        assertEquals(first.hashCode(), again.hashCode());
        assertEquals("Upstream{name=up, source=" + file + ", nodes=[" + first.nodes().get(0) + "]}", first.toString());
    }

    @Test
    void keepsTheNodeListAndUnknownKeysReadOnly() throws Exception {
        fx.write("up.conf", classicWithNode("    name n", "    host h", "    port 1", "    x-extra 1"));
        Upstream upstream = fx.load("up.conf");

        assertThrows(UnsupportedOperationException.class, () -> upstream.nodes().clear());
        assertThrows(UnsupportedOperationException.class, () -> upstream.nodes().get(0).unknownKeys().clear());
    }
}
