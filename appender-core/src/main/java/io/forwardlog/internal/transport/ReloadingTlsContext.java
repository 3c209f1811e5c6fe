package io.forwardlog.internal.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The TLS context of one node, built again when one of its files changes on disk, so a rotated
 * certificate is used by the next connection without a restart. A rotation caught half-written is
 * reported and the previous context stays in use until the files read cleanly.
 */
final class ReloadingTlsContext {

    private final TlsOptions options;
    private final TlsContextLoader loader;
    private final Consumer<String> warnings;
    private SSLContext context;
    private List<Object> stamp;
    private String lastReloadProblem;

    private ReloadingTlsContext(TlsOptions options, TlsContextLoader loader, Consumer<String> warnings) {
        this.options = options;
        this.loader = loader;
        this.warnings = warnings;
    }

    /** Reads the files now: a missing or unreadable file fails here, at start-up. */
    static ReloadingTlsContext load(TlsOptions options, TlsContextLoader loader, Consumer<String> warnings)
            throws TlsMaterialException {
        ReloadingTlsContext reloading = new ReloadingTlsContext(options, loader, warnings);
        synchronized (reloading) {
            reloading.stamp = reloading.stamp();
            reloading.context = loader.load(options);
        }
        return reloading;
    }

    /** The context to use for a new connection, rebuilt first if a file changed. */
    synchronized SSLContext current() {
        List<Object> now = stamp();
        if (!now.equals(stamp)) {
            try {
                context = loader.load(options);
                stamp = now;
                lastReloadProblem = null;
            } catch (TlsMaterialException e) {
                if (!e.getMessage().equals(lastReloadProblem)) {
                    lastReloadProblem = e.getMessage();
                    warnings.accept("TLS files changed but cannot be used: " + e.getMessage()
                            + "; keeping the previous ones");
                }
            }
        }
        return context;
    }

    /** Size and modification time of every file (and of the files in tls.ca_path). */
    private List<Object> stamp() {
        List<Object> stamp = new ArrayList<>();
        for (Path file : TlsContextLoader.files(options)) {
            addStamp(stamp, file);
            if (Files.isDirectory(file)) {
                try (var entries = Files.list(file)) {
                    entries.sorted().forEach(entry -> addStamp(stamp, entry));
                } catch (IOException e) {
                    stamp.add(e.getClass().getName());
                }
            }
        }
        return stamp;
    }

    private static void addStamp(List<Object> stamp, Path file) {
        stamp.add(file.toString());
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            stamp.add(attributes.lastModifiedTime());
            stamp.add(attributes.size());
            stamp.add(attributes.fileKey());
        } catch (IOException e) {
            stamp.add("unreadable");
        }
    }
}
