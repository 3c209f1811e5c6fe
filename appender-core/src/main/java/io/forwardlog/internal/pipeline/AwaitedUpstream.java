package io.forwardlog.internal.pipeline;

import io.forwardlog.ForwardStartException;
import io.forwardlog.Settings;
import io.forwardlog.internal.status.StatusReporter;
import io.forwardlog.internal.util.Durations;
import io.forwardlog.upstream.Upstream;
import io.forwardlog.upstream.UpstreamFile;
import io.forwardlog.upstream.UpstreamFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The upstream file may not be there yet: in Kubernetes it often comes with a volume a moment after
 * the JVM starts, and a framework such as Spring Boot turns a start error into a failed application.
 * A file that is missing or cannot be read at start is waited for, with one warning, while events are
 * buffered within their bounds; the file is read again every {@code upstreamCheckInterval} (every
 * second when that is 0, which turns off only the reloading of a file in use) and used as soon as it
 * can be. A file that is there but wrong stays a start error, since waiting would not fix it.
 */
final class AwaitedUpstream {

    /** How often a missing file is looked for when reloading is off. */
    static final Duration LOOK_AGAIN_WITHOUT_RELOADING = Duration.ofSeconds(1);

    private AwaitedUpstream() {
    }

    /**
     * The upstream in the file, or {@code null} after warning that the pipeline waits for the file.
     *
     * @param lookAgain how often the file will be read again while it is awaited
     * @throws ForwardStartException when the file is there but wrong, naming its path and line
     */
    static Upstream loadAtStart(Path file, Duration lookAgain, StatusReporter status) throws ForwardStartException {
        try {
            return UpstreamFile.loader().warnings(status::warn).load(file);
        } catch (UpstreamFileException e) {
            if (!isAbsent(e, file)) {
                throw new ForwardStartException(e.getMessage(), e);
            }
            status.warn("waiting for the upstream file " + file + " (" + e.problem() + "); events are buffered until"
                    + " it can be read, checked every " + Durations.format(lookAgain));
            return null;
        }
    }

    /**
     * The upstream in the file, which must be there now: {@code verifyConnectionAtStartup} has nodes to
     * connect to only then.
     *
     * @throws ForwardStartException when the file is missing, cannot be read, or is wrong, naming its path
     */
    static Upstream loadNow(Path file, StatusReporter status) throws ForwardStartException {
        try {
            return UpstreamFile.loader().warnings(status::warn).load(file);
        } catch (UpstreamFileException e) {
            if (!isAbsent(e, file)) {
                throw new ForwardStartException(e.getMessage(), e);
            }
            throw new ForwardStartException(Settings.VERIFY_CONNECTION_AT_STARTUP + " is on and the upstream file "
                    + file + " cannot be read (" + e.problem() + "), so no node can be connected to", e);
        }
    }

    /**
     * Whether the file itself is missing or cannot be read, as opposed to there and wrong (a
     * directory, too large, a bad line, a missing include: each named by its own message).
     */
    static boolean isAbsent(UpstreamFileException e, Path file) {
        return e.line() == 0 && e.file().equals(file) && e.getCause() instanceof IOException;
    }

    /** The message once the awaited file could be read. */
    static String found(Path file, Upstream upstream) {
        int n = upstream.nodes().size();
        return "the upstream file " + file + " can be read now: upstream '" + upstream.name() + "' with " + n
                + " node" + (n == 1 ? "" : "s") + "; sending the buffered events";
    }
}
