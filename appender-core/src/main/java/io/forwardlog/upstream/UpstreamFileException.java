package io.forwardlog.upstream;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The one error an upstream file can cause: it names the file, the 1-based line and what is wrong, so a
 * person can fix it without reading code.
 *
 * <p>{@link #getMessage()} is {@code "<path>:<line>: <problem>"}, for example
 * {@code upstream.conf:14: [NODE] 'node-3': port 'abc' is not a number}, or {@code "<path>: <problem>"}
 * when the problem is the whole file (it is missing, unreadable or too large). Messages never contain the
 * value of {@code shared_key}, {@code password} or {@code tls.key_passwd}, nor the text of a line that may
 * hold a secret (a word alone on its line, a key joined to its value), and never a raw control character:
 * those are escaped ({@code \u0000}).
 */
public final class UpstreamFileException extends Exception {

    private final Path file;
    private final int line;
    private final String problem;

    UpstreamFileException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    UpstreamFileException(Path file, int line, String problem, Throwable cause) {
        super(format(file, line, Shown.escape(problem)), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.problem = Shown.escape(problem);
    }

    /** The file the problem is in: the file given to the loader, or a file it includes. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }

    /** The message without the {@code "path:line: "} prefix. */
    public String problem() {
        return problem;
    }

    private static String format(Path file, int line, String problem) {
        String where = Shown.escape(file.toString());
        return line > 0 ? where + ":" + line + ": " + problem : where + ": " + problem;
    }
}
