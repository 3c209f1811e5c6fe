package io.forwardlog.upstream;

import io.forwardlog.Compression;
import io.forwardlog.internal.forward.ZstdLibrary;
import io.forwardlog.internal.transport.TlsSyntax;
import java.nio.file.InvalidPathException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the value of each node key that forwardlog understands into {@link NodeValues}. */
final class NodeKeys {

    /** A value that is not valid for its key; the message leaves out who the node is. */
    static final class InvalidValue extends Exception {
        InvalidValue(String problem) {
            super(problem, null, false, false);
        }
    }

    private static final int MAX_TLS_DEBUG = 4;
    private static final Pattern TIME = Pattern.compile("([0-9]{1,12}(?:\\.[0-9]{1,9})?)([smhd]?)");

    /** Every key {@link #apply} understands. */
    static final Set<String> KNOWN = Set.of("name", "host", "port",
            "tls", "tls.verify", "tls.verify_hostname", "tls.debug", "tls.ca_file", "tls.ca_path", "tls.crt_file",
            "tls.key_file", "tls.key_passwd", "tls.vhost",
            "tls.min_version", "tls.max_version", "tls.ciphers",
            "shared_key", "empty_shared_key", "self_hostname", "username", "password",
            "time_as_integer", "send_options", "require_ack_response", "compress", "tag",
            "weight", "standby", "dns_round_robin", "expire_dns_cache");

    /** The keys whose values are secrets: never shown in a message or {@code toString}. */
    static final Set<String> SECRETS = Set.of("shared_key", "password", "tls.key_passwd");

    private NodeKeys() {
    }

    /**
     * Sets {@code key} on {@code node}.
     *
     * @param dir the directory of the file that declares the node, against which relative paths resolve
     * @return false when forwardlog does not know the key
     */
    static boolean apply(NodeValues node, String key, String value, Path dir) throws InvalidValue {
        switch (key) {
            case "name" -> node.name = value;
            case "host" -> node.host = HostSyntax.check(value);
            case "port" -> node.port = port(value);
            case "tls" -> node.tls = bool(key, value);
            case "tls.verify" -> node.tlsVerify = bool(key, value);
            case "tls.verify_hostname" -> node.tlsVerifyHostname = bool(key, value);
            case "tls.debug" -> node.tlsDebug = tlsDebug(value);
            case "tls.ca_file" -> node.tlsCaFile = path(key, value, dir);
            case "tls.ca_path" -> node.tlsCaPath = path(key, value, dir);
            case "tls.crt_file" -> node.tlsCrtFile = path(key, value, dir);
            case "tls.key_file" -> node.tlsKeyFile = path(key, value, dir);
            case "tls.key_passwd" -> node.tlsKeyPasswd = value;
            case "tls.vhost" -> node.tlsVhost = value;
            case "tls.min_version" -> node.tlsMinVersion = tls(() -> TlsSyntax.version(key, value));
            case "tls.max_version" -> node.tlsMaxVersion = tls(() -> TlsSyntax.version(key, value));
            case "tls.ciphers" -> node.tlsCiphers = tls(() -> TlsSyntax.cipherSuites(key, value));
            case "shared_key" -> node.sharedKey = value;
            case "empty_shared_key" -> node.emptySharedKey = bool(key, value);
            case "self_hostname" -> node.selfHostname = value;
            case "username" -> node.username = value;
            case "password" -> node.password = value;
            case "time_as_integer" -> node.timeAsInteger = bool(key, value);
            case "send_options" -> node.sendOptions = bool(key, value);
            case "require_ack_response" -> node.requireAckResponse = bool(key, value);
            case "compress" -> node.compress = compression(value);
            case "tag" -> node.tag = value;
            case "weight" -> node.weight = weight(value);
            case "standby" -> node.standby = bool(key, value);
            case "dns_round_robin" -> node.dnsRoundRobin = bool(key, value);
            case "expire_dns_cache" -> node.expireDnsCache = time(key, value);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A hint for a likely misspelling, such as {@code tls_verify} in Fluent Bit's own YAML example. */
    static String hint(String unknownKey) {
        String dotted = unknownKey.replaceFirst("^tls_", "tls.");
        return KNOWN.contains(dotted) ? " (did you mean '" + dotted + "'?)" : "";
    }

    static boolean bool(String key, String value) throws InvalidValue {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> {
                return true;
            }
            case "off", "false", "no" -> {
                return false;
            }
            default -> throw new InvalidValue(key + " '" + value
                    + "' is not a boolean; use on/off, true/false or yes/no");
        }
    }

    private static int port(String value) throws InvalidValue {
        if (!value.matches("[0-9]{1,9}")) {
            throw new InvalidValue("port '" + value + "' is not a number");
        }
        int port = Integer.parseInt(value);
        if (port < 1 || port > 65535) {
            throw new InvalidValue("port " + port + " is out of range; use 1 to 65535");
        }
        return port;
    }

    private static int tlsDebug(String value) throws InvalidValue {
        if (!value.matches("[0-9]") || Integer.parseInt(value) > MAX_TLS_DEBUG) {
            throw new InvalidValue("tls.debug '" + value + "' is not a level from 0 to " + MAX_TLS_DEBUG);
        }
        return Integer.parseInt(value);
    }

    private static int weight(String value) throws InvalidValue {
        try {
            if (value.matches("[0-9]+")) {
                return Integer.parseInt(value);
            }
        } catch (NumberFormatException tooLarge) {
            throw new InvalidValue("weight '" + value + "' is too large; the largest is " + Integer.MAX_VALUE);
        }
        throw new InvalidValue("weight '" + value + "' is not a whole number of 0 or more");
    }

    /** A time as Fluentd writes one: seconds, or a number with {@code s}, {@code m}, {@code h} or {@code d}. */
    private static Duration time(String key, String value) throws InvalidValue {
        Matcher m = TIME.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidValue(key + " '" + value + "' is not a time: write seconds (60) or a number with s, m, h"
                    + " or d (30s, 5m), as Fluentd does");
        }
        long secondsPerUnit = switch (m.group(2)) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86_400;
            default -> 1;
        };
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(secondsPerUnit * 1_000_000_000L));
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new InvalidValue(key + " '" + value + "' is too long");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    private static Compression compression(String value) throws InvalidValue {
        Compression compression;
        try {
            compression = Compression.fromConfig(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("compress " + e.getMessage());
        }
        if (compression == Compression.ZSTD) {
            Optional<String> problem = ZstdLibrary.problem();
            if (problem.isPresent()) {
                throw new InvalidValue(problem.get());
            }
        }
        return compression;
    }

    /** The TLS values are read as the appender's settings read them, by the same code and in the same words. */
    private static <T> T tls(Supplier<T> read) throws InvalidValue {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(e.getMessage());
        }
    }

    private static Path path(String key, String value, Path dir) throws InvalidValue {
        try {
            Path path = Path.of(value);
            return dir == null ? path : dir.resolve(path);
        } catch (InvalidPathException e) {
            throw new InvalidValue(key + " '" + value + "' is not a valid path: " + e.getReason());
        }
    }
}
