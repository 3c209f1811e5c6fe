package io.forwardlog.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.TlsVersion;
import io.forwardlog.upstream.Upstream;
import io.forwardlog.upstream.UpstreamFile;
import io.forwardlog.upstream.UpstreamNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every sample upstream file loads, without a warning, into the nodes its comments promise. */
class UpstreamSamplesTest {

    private final List<String> warnings = new ArrayList<>();

    private Upstream load(String name, Map<String, String> env) throws Exception {
        return UpstreamFile.loader().environment(env::get).warnings(warnings::add).load(SampleFiles.file(name));
    }

    @Test
    void theDemosUpstreamIsTheSeedsThreeNodesPlusAStandby() throws Exception {
        Upstream upstream = load("upstream.conf", Map.of());

        assertEquals("forward-balancing", upstream.name());
        assertEquals(List.of("node-1", "node-2", "node-3", "standby"), upstream.nodes().stream().map(UpstreamNode::name).toList());
        UpstreamNode node3 = upstream.nodes().get(2);
        assertTrue(node3.tls());
        assertFalse(node3.tlsVerify());
        assertEquals("secret", node3.sharedKey().orElseThrow());
        assertTrue(upstream.nodes().get(3).standby());
        assertEquals(List.of(), warnings);
    }

    @Test
    void theSingleNodeSampleHasOneLocalNode() throws Exception {
        Upstream upstream = load("upstreams/single-node.conf", Map.of());

        assertEquals(1, upstream.nodes().size());
        assertEquals(24224, upstream.nodes().get(0).port());
        assertEquals(List.of(), warnings);
    }

    @Test
    void theSeedsExampleReadsTheSameInTheClassicAndTheYamlForm() throws Exception {
        Upstream classic = load("upstreams/forward-balancing.conf", Map.of());
        Upstream yaml = load("upstreams/forward-balancing.yaml", Map.of());

        assertEquals(classic.nodes(), yaml.nodes());
        assertEquals(3, classic.nodes().size());
        assertEquals(List.of(), warnings);
    }

    @Test
    void theWeightedSampleSplitsOneToTwoWithAStandby() throws Exception {
        Upstream upstream = load("upstreams/weighted-standby.conf", Map.of());

        assertEquals(List.of(20, 40, 60), upstream.nodes().stream().map(UpstreamNode::weight).toList());
        assertEquals(List.of(false, false, true), upstream.nodes().stream().map(UpstreamNode::standby).toList());
        assertEquals(List.of(), warnings);
    }

    @Test
    void theMutualTlsSampleTakesItsSecretsFromTheEnvironmentAndItsFilesNextToIt() throws Exception {
        Upstream upstream = load("upstreams/mutual-tls.conf",
                Map.of("FLUENT_SHARED_KEY", "k", "FLUENT_PASSWORD", "p", "FLUENT_KEY_PASSWORD", "kp"));

        UpstreamNode node = upstream.nodes().get(0);
        Path dir = SampleFiles.file("upstreams").toAbsolutePath();
        assertTrue(node.tls() && node.tlsVerify() && node.tlsVerifyHostname());
        assertEquals(dir.resolve("certs/ca.crt").normalize(), node.tlsCaFile().orElseThrow().toAbsolutePath().normalize());
        assertEquals(dir.resolve("certs/client.key").normalize(), node.tlsKeyFile().orElseThrow().toAbsolutePath().normalize());
        assertEquals("k", node.sharedKey().orElseThrow());
        assertEquals("app", node.username().orElseThrow());
        assertFalse(node.toString().contains("kp") || node.toString().contains("=p"), node.toString());
        assertEquals(List.of(), warnings);
    }

    @Test
    void thePinnedTlsSampleOffersTls13OnlyToOneNodeAndTls12OnlyToTheOther() throws Exception {
        Upstream upstream = load("upstreams/tls-pinned.conf", Map.of());

        UpstreamNode a = upstream.nodes().get(0);
        UpstreamNode b = upstream.nodes().get(1);
        assertEquals(Optional.of(TlsVersion.TLS_1_3), a.tlsMinVersion());
        assertEquals(Optional.of(List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256")), a.tlsCiphers());
        assertEquals(Optional.of(TlsVersion.TLS_1_2), b.tlsMaxVersion());
        assertEquals(Optional.of(List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")),
                b.tlsCiphers());
        assertEquals(List.of(), warnings);
    }
}
