package io.forwardlog.compat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The exception every child logs: one with a cause, and the text the JDK prints for it. */
final class Failure {

    /** Where the child writes the JDK's text of the exception, for the parent to compare. */
    static final String STACK_TRACE_FILE = "stack-trace.txt";

    private Failure() {
    }

    static IllegalStateException withCause() {
        return new IllegalStateException("declined", new IOException("timeout"));
    }

    /** Writes what {@code printStackTrace} prints for {@code failure}, with {@code \n} line ends. */
    static void writePrinted(Throwable failure, Path dir) throws IOException {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text, true));
        Files.writeString(dir.resolve(STACK_TRACE_FILE), text.toString().replace(System.lineSeparator(), "\n")
                .stripTrailing());
    }
}
