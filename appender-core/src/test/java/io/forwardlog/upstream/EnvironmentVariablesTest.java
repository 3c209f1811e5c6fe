package io.forwardlog.upstream;

import static io.forwardlog.upstream.UpstreamFixture.classicWithNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentVariablesTest {

    @TempDir
    Path dir;

    private UpstreamFixture fx;

    @BeforeEach
    void setUp() {
        fx = new UpstreamFixture(dir);
    }

    @Test
    void replacesVariablesInNodeValues() throws Exception {
        fx.env.putAll(Map.of("FLUENT_HOST", "fluent.internal", "FLUENT_PORT", "24224", "KEY", "s3cr3t"));
        fx.write("up.conf", classicWithNode("    name node-1", "    host ${FLUENT_HOST}", "    port ${FLUENT_PORT}",
                "    shared_key ${KEY}"));

        UpstreamNode node = fx.load("up.conf").nodes().get(0);

        assertEquals("fluent.internal", node.host());
        assertEquals(24224, node.port());
        assertEquals(Optional.of("s3cr3t"), node.sharedKey());
    }

    @Test
    void replacesSeveralVariablesAmongTextInOneValue() throws Exception {
        fx.env.putAll(Map.of("APP", "shop", "ENV", "prod"));
        fx.write("up.conf", classicWithNode("    name node-1", "    host h", "    port 1", "    tag ${APP}.${ENV}.$x"));

        assertEquals(Optional.of("shop.prod.$x"), fx.load("up.conf").nodes().get(0).tag());
    }

    @Test
    void replacesVariablesInTheUpstreamAndNodeNames() throws Exception {
        fx.env.putAll(Map.of("CLUSTER", "eu", "ZONE", "a"));
        fx.write("up.conf", "[UPSTREAM]", "    name fwd-${CLUSTER}", "[NODE]", "    name node-${ZONE}", "    host h",
                "    port 1");

        Upstream upstream = fx.load("up.conf");

        assertEquals("fwd-eu", upstream.name());
        assertEquals("node-a", upstream.nodes().get(0).name());
    }

    @Test
    void replacesVariablesInBooleanKeysToo() throws Exception {
        fx.env.put("VERIFY", "off");
        fx.write("up.conf", classicWithNode("    name n", "    host h", "    port 1", "    tls.verify ${VERIFY}"));

        assertFalse(fx.load("up.conf").nodes().get(0).tlsVerify());
    }

    @Test
    void replacesVariablesInTheYamlForm() throws Exception {
        fx.env.put("FLUENT_PORT", "24224");
        fx.write("up.yaml", "upstream_servers:", "  - name: up", "    nodes:",
                "      - {name: n, host: h, port: '${FLUENT_PORT}'}");

        assertEquals(24224, fx.load("up.yaml").nodes().get(0).port());
    }

    @Test
    void rejectsAnUnsetVariableNamingItAndTheLine() {
        fx.write("up.conf", classicWithNode("    name node-1", "    host ${FLUENT_HOST}", "    port 1"));

        assertEquals(fx.at("up.conf", 6, "[NODE] 'node-1': host: environment variable 'FLUENT_HOST' is not set"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAnUnsetVariableInTheNodeNameByTheNodesLine() {
        fx.write("up.conf", classicWithNode("    name ${NODE_NAME}", "    host h", "    port 1"));

        assertEquals(fx.at("up.conf", 5, "[NODE] at line 4: name: environment variable 'NODE_NAME' is not set"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAnUnsetVariableInTheUpstreamName() {
        fx.write("up.conf", "[UPSTREAM]", "    name ${UPSTREAM}");

        assertEquals(fx.at("up.conf", 2, "[UPSTREAM]: name: environment variable 'UPSTREAM' is not set"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAnUnclosedVariableWithoutShowingTheValue() {
        fx.write("up.conf", classicWithNode("    name n", "    host h", "    port 1", "    password zq${x9",
                "    username u", "    shared_key k"));

        UpstreamFileException e = fx.failure("up.conf");

        assertEquals(fx.at("up.conf", 8, "[NODE] 'n': password: '${' has no closing '}'"), e.getMessage());
        assertFalse(e.getMessage().contains("zq"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyVariableName() {
        fx.write("up.conf", classicWithNode("    name n", "    host ${}", "    port 1"));

        assertEquals(fx.at("up.conf", 6, "[NODE] 'n': host: '${}' names no environment variable"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void rejectsAValueThatIsEmptyOnceVariablesAreReplaced() {
        fx.env.put("EMPTY", "");
        fx.write("up.conf", classicWithNode("    name n", "    host ${EMPTY}", "    port 1"));

        assertEquals(fx.at("up.conf", 6, "[NODE] 'n': key 'host' is empty once its ${...} variables are replaced"),
                fx.failure("up.conf").getMessage());
    }

    @Test
    void doesNotReplaceVariablesInAReplacement() throws Exception {
        fx.env.putAll(Map.of("A", "${B}", "B", "b"));
        fx.write("up.conf", classicWithNode("    name n", "    host h", "    port 1", "    tag ${A}"));

        assertEquals(Optional.of("${B}"), fx.load("up.conf").nodes().get(0).tag());
    }

    @Test
    void looksVariablesUpInTheProcessEnvironmentByDefault() throws Exception {
        Map.Entry<String, String> variable = System.getenv().entrySet().stream()
                .filter(e -> e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") && !e.getValue().isBlank()
                        && !e.getValue().contains("${"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the test needs one environment variable with a value"));
        fx.write("up.conf", classicWithNode("    name n", "    host h", "    port 1",
                "    tag ${" + variable.getKey() + "}"));

        Upstream upstream = UpstreamFile.load(dir.resolve("up.conf"));

        assertEquals(Optional.of(variable.getValue()), upstream.nodes().get(0).tag());
        assertTrue(upstream.nodes().get(0).unknownKeys().isEmpty());
    }
}
