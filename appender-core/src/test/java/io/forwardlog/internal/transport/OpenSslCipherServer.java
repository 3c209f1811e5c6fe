package io.forwardlog.internal.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js script {@code tls-cipher-names.js}: a TLS server on OpenSSL that tells, for each handshake,
 * the suite agreed by OpenSSL's name and by its IANA name, so that forwardlog's OpenSSL names can be
 * checked against OpenSSL itself. The build installs the script beside the Node Forward server.
 */
final class OpenSslCipherServer implements AutoCloseable {

    private static final String SCRIPT = "tls-cipher-names.js";
    private static final String READY = "READY ";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int port;

    private OpenSslCipherServer(Process process) throws IOException, InterruptedException {
        this.process = process;
        Thread reader = new Thread(this::readLines, "openssl-cipher-server");
        reader.setDaemon(true);
        reader.start();
        String ready = next();
        if (!ready.startsWith(READY)) {
            throw new IOException(SCRIPT + " did not start: " + ready);
        }
        port = Integer.parseInt(ready.substring(READY.length()).trim());
    }

    /** Serves with each key and its certificate: one pair per key type. */
    static OpenSslCipherServer start(List<SelfSignedKey> keys) throws IOException, InterruptedException {
        String dir = System.getProperty("forwardlog.nodeInterop.dir");
        if (dir == null || !Files.isRegularFile(Path.of(dir, SCRIPT))) {
            throw new IllegalStateException(SCRIPT + " is not installed (" + dir + "): run the tests through Maven,"
                    + " which copies it with the Node server (mvn -pl appender-core -am verify)");
        }
        List<String> command = new ArrayList<>(List.of("node", Path.of(dir, SCRIPT).toString()));
        for (SelfSignedKey key : keys) {
            command.add(key.keyPem().toString());
            command.add(key.certificatePem().toString());
        }
        return new OpenSslCipherServer(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return port;
    }

    /**
     * The next line: {@code <protocol> <OpenSSL name> <IANA name>} for a handshake, {@code ERROR <reason>}
     * for a failed one.
     */
    String next() throws InterruptedException {
        String line = lines.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError(SCRIPT + " printed nothing within " + TIMEOUT
                    + (process.isAlive() ? "" : "; it exited with " + process.exitValue()));
        }
        return line;
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("ERROR reading the script's output: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close(); // the script exits when its stdin ends
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
