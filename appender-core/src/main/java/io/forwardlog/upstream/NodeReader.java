package io.forwardlog.upstream;

import io.forwardlog.TlsVersion;
import io.forwardlog.internal.transport.TlsOffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns one {@code [NODE]} section into checked {@link NodeValues}; every message names the node. */
final class NodeReader {

    private final Environment environment;
    private final Warnings warnings;

    NodeReader(Environment environment, Warnings warnings) {
        this.environment = environment;
        this.warnings = warnings;
    }

    NodeValues read(RawSection section) throws UpstreamFileException {
        String subject = subject(section);
        NodeValues node = new NodeValues(section.file(), section.line());
        Path dir = section.file().getParent();
        Map<String, RawEntry> given = new HashMap<>();
        FirstValues firstValues = new FirstValues(subject, warnings);
        for (RawEntry entry : section.entries()) {
            Environment.requireKeyName(entry, subject);
            if (!firstValues.keep(entry)) {
                continue;
            }
            String value = environment.value(entry, subject);
            given.put(entry.key(), entry);
            node.keyLines.put(entry.key(), entry.line());
            try {
                if (!NodeKeys.apply(node, entry.key(), value, dir)) {
                    node.unknownKeys.put(entry.key(), value);
                    warnings.warn(entry.file(), entry.line(), subject + ": unknown key '" + entry.key()
                            + "' is kept but not used" + NodeKeys.hint(entry.key()));
                }
            } catch (NodeKeys.InvalidValue e) {
                throw new UpstreamFileException(entry.file(), entry.line(), subject + ": " + e.getMessage());
            }
        }
        for (String required : List.of("name", "host", "port")) {
            if (!given.containsKey(required)) {
                throw new UpstreamFileException(section.file(), section.line(),
                        subject + ": '" + required + "' is missing");
            }
        }
        node.nameLine = given.get("name").line();
        checkCredentials(node, given, subject);
        checkTlsOffer(node, given, subject);
        if (node.emptySharedKey) {
            node.sharedKey = "";
        }
        return node;
    }

    private static void checkCredentials(NodeValues node, Map<String, RawEntry> given, String subject)
            throws UpstreamFileException {
        RawEntry sharedKey = given.get("shared_key");
        if (node.emptySharedKey && sharedKey != null) {
            throw fail(sharedKey, subject + ": shared_key and empty_shared_key on contradict each other; keep one");
        }
        RawEntry username = given.get("username");
        RawEntry password = given.get("password");
        if (username != null && password == null) {
            throw fail(username, subject + ": username is set but password is not; set both or neither");
        }
        if (password != null && username == null) {
            throw fail(password, subject + ": password is set but username is not; set both or neither");
        }
        if (username != null && sharedKey == null && !node.emptySharedKey) {
            throw fail(username, subject + ": username and password are sent only in the shared key handshake;"
                    + " set shared_key (or empty_shared_key on) as well");
        }
    }

    /**
     * The node's own TLS versions and suites must leave something to offer; with the appender's settings they
     * are checked where the two meet. Only a highest version can rule the others out (TLS 1.2 is the lowest
     * there is), so the problem is reported at the line of {@code tls.max_version}.
     */
    private static void checkTlsOffer(NodeValues node, Map<String, RawEntry> given, String subject)
            throws UpstreamFileException {
        RawEntry max = given.get("tls.max_version");
        if (max == null) {
            return;
        }
        try {
            TlsOffer.of(new TlsOffer.Named<>("tls.min_version", Objects.requireNonNullElse(node.tlsMinVersion,
                            TlsVersion.TLS_1_2)), new TlsOffer.Named<>("tls.max_version", node.tlsMaxVersion),
                    new TlsOffer.Named<>("tls.ciphers", Objects.requireNonNullElse(node.tlsCiphers, List.of())));
        } catch (IllegalArgumentException e) {
            throw fail(max, subject + ": " + e.getMessage());
        }
    }

    /** {@code [NODE] 'node-3'}, or {@code [NODE] at line 9} while the node has no usable name. */
    private String subject(RawSection section) throws UpstreamFileException {
        String unnamed = "[NODE] at line " + section.line();
        for (RawEntry entry : section.entries()) {
            if (entry.key().equals("name")) {
                return "[NODE] '" + environment.value(entry, unnamed) + "'";
            }
        }
        return unnamed;
    }

    private static UpstreamFileException fail(RawEntry entry, String problem) {
        return new UpstreamFileException(entry.file(), entry.line(), problem);
    }
}
