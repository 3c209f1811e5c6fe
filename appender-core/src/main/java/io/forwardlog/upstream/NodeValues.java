package io.forwardlog.upstream;

import io.forwardlog.Compression;
import io.forwardlog.TlsVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings of one node while it is being read; {@link UpstreamNode} is the checked, immutable result. */
final class NodeValues {

    final Path file;
    final int line;
    int nameLine;

    String name;
    String host;
    int port;

    boolean tls;
    boolean tlsVerify = true;
    boolean tlsVerifyHostname = true;
    int tlsDebug = 1;
    Path tlsCaFile;
    Path tlsCaPath;
    Path tlsCrtFile;
    Path tlsKeyFile;
    String tlsKeyPasswd;
    String tlsVhost;
    TlsVersion tlsMinVersion;
    TlsVersion tlsMaxVersion;
    List<String> tlsCiphers;

    String sharedKey;
    boolean emptySharedKey;
    String selfHostname;
    String username;
    String password;

    Boolean timeAsInteger;
    Boolean sendOptions;
    Boolean requireAckResponse;
    Compression compress;
    String tag;

    int weight = 60;
    boolean standby;
    Boolean dnsRoundRobin;
    Duration expireDnsCache;

    /** The line of each key given, for messages about a key's value that only later checks find wrong. */
    final Map<String, Integer> keyLines = new HashMap<>();

    final Map<String, String> unknownKeys = new LinkedHashMap<>();

    NodeValues(Path file, int line) {
        this.file = file;
        this.line = line;
    }
}
