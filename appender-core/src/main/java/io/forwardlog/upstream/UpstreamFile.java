package io.forwardlog.upstream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads a Fluent Bit upstream file: the same file a user gives Fluent Bit's {@code forward} output with
 * {@code Upstream}, in the classic form or (for a name ending in {@code .yaml} / {@code .yml}) the YAML form.
 *
 * <pre>
 * [UPSTREAM]
 *     name       forward-balancing
 *
 * [NODE]
 *     name       node-1
 *     host       127.0.0.1
 *     port       43000
 *     shared_key ${FLUENT_SHARED_KEY}
 * </pre>
 *
 * <p><b>Classic form.</b> Section headers ({@code [UPSTREAM]}, {@code [NODE]}) start in column 1; section
 * names and keys ignore case. A key line is indented with spaces or tabs; the key runs to the first space or
 * tab and the value is the rest of the line, trimmed, spaces included. A line whose first non-blank character
 * is {@code #} is a comment; there are no end-of-line comments ({@code shared_key abc#1} is {@code abc#1}).
 * LF and CRLF line ends both work and a UTF-8 byte order mark is ignored.
 *
 * <p><b>Includes.</b> {@code @INCLUDE path} in column 1 (in YAML: {@code includes: [path, ...]}) reads another
 * file of the same form, relative to the including file's directory. A {@code *} in the file name (not in a
 * directory) includes every matching file in file-name order. A pattern that matches no file is an error, as
 * in Fluent Bit, which stops loading with "no match". A file may be included once: including it again, or
 * including a file that is being read (a cycle, reported as {@code a.conf -> b.conf -> a.conf}), is an error.
 * Keys after an {@code @INCLUDE} still belong to the section above it, as in Fluent Bit.
 *
 * <p><b>Values.</b> {@code ${VAR}} in a value is replaced by the environment variable; an unset variable is
 * an error. A repeated key keeps its first value, as in Fluent Bit, with a warning. Booleans are
 * {@code on/off}, {@code true/false} or {@code yes/no} in any case; anything else is an error (Fluent Bit
 * silently reads it as neither). Unknown sections and unknown keys are ignored (unknown node keys are kept in
 * {@link UpstreamNode#unknownKeys()}) with a warning. The keys each node understands are described on
 * {@link UpstreamNode}; {@code tls.verify_hostname} defaults to on, stricter than Fluent Bit.
 *
 * <p><b>Limits.</b> Only regular files are read, each at most 1 MiB, all of them within 5 seconds; includes
 * nest at most 32 files deep; an upstream has at most 1,024 nodes.
 *
 * <p>Every problem is an {@link UpstreamFileException} naming the file and line. Loading reads files (on a
 * reader thread, see {@link Loader#load}) and nothing else; a {@link Loader} is immutable and may be shared
 * between threads.
 */
public final class UpstreamFile {

    /** How long loading a file with its includes may take; past it the load fails (see {@link Loader#load}). */
    static final Duration DEADLINE = Duration.ofSeconds(5);

    private static final Loader DEFAULT = new Loader(System::getenv, warning -> { }, DEADLINE);

    private UpstreamFile() {
    }

    /**
     * Loads {@code file} with {@link System#getenv(String)} for {@code ${VAR}} and warnings dropped.
     *
     * @throws UpstreamFileException when the file (or a file it includes) is missing, unreadable, not a regular
     *                               file, larger than 1 MiB or not a valid upstream file, or cannot be read
     *                               within 5 seconds
     */
    public static Upstream load(Path file) throws UpstreamFileException {
        return DEFAULT.load(file);
    }

    /** A loader to configure: where {@code ${VAR}} values come from and where warnings go. */
    public static Loader loader() {
        return DEFAULT;
    }

    /** What a load gives back to the caller's thread: an upstream or a failure, and the warnings before it. */
    private record Outcome(Upstream upstream, UpstreamFileException failure, List<String> warnings) {
    }

    /** Loads upstream files with a given environment and warning sink. Immutable. */
    public static final class Loader {

        private final Function<String, String> environment;
        private final Consumer<String> warnings;
        private final Duration deadline;

        private Loader(Function<String, String> environment, Consumer<String> warnings, Duration deadline) {
            this.environment = environment;
            this.warnings = warnings;
            this.deadline = deadline;
        }

        /**
         * A loader that looks {@code ${VAR}} up with {@code env}; a {@code null} result means the variable is
         * not set. {@code env} is called on the thread that reads the files, not the caller's.
         */
        public Loader environment(Function<String, String> env) {
            return new Loader(Objects.requireNonNull(env, "env"), warnings, deadline);
        }

        /**
         * A loader that hands each warning to {@code sink}, already formatted as {@code "path:line: text"}, for
         * example {@code upstream.conf:7: [NODE] 'node-1': unknown key 'retry' is kept but not used}.
         */
        public Loader warnings(Consumer<String> sink) {
            return new Loader(environment, Objects.requireNonNull(sink, "sink"), deadline);
        }

        /** A loader with another deadline than {@link #DEADLINE}, for tests of what happens when it passes. */
        Loader deadline(Duration limit) {
            return new Loader(environment, warnings, Objects.requireNonNull(limit, "limit"));
        }

        /**
         * Reads {@code file} and the files it includes and checks them, within 5 seconds. Only regular files
         * are read (a link is followed); a FIFO, a device or a directory is refused without being opened. The
         * files are read on a thread of forwardlog's, so a file system that does not answer makes the load
         * fail at its deadline instead of blocking the caller. Warnings reach the sink on the caller's thread,
         * before the method returns or throws.
         *
         * @throws UpstreamFileException when a file is missing, unreadable, not a regular file, larger than
         *                               1 MiB or not a valid upstream file, or the files cannot be read within
         *                               the deadline; it names the file and the line
         */
        public Upstream load(Path file) throws UpstreamFileException {
            Objects.requireNonNull(file, "file");
            Outcome outcome = LoadDeadline.run(file, deadline, () -> read(file));
            // the reader thread is done with the outcome: its warnings are handed over here, on the caller's thread
            outcome.warnings().forEach(warnings);
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            return outcome.upstream();
        }

        /** Runs on a reader thread; keeps warnings for the caller's thread instead of calling the sink. */
        private Outcome read(Path file) {
            List<String> kept = new ArrayList<>();
            Form form = Form.of(file);
            Warnings sink = new Warnings(kept::add);
            try {
                SectionList sections = new SectionList();
                Includes includes = new Includes();
                includes.readTop(file, form.parser(includes, sink, sections));
                Upstream upstream = new UpstreamAssembler(form, new Environment(environment), sink)
                        .assemble(file, sections.list());
                return new Outcome(upstream, null, kept);
            } catch (UpstreamFileException e) {
                return new Outcome(null, e, kept);
            }
        }
    }
}
