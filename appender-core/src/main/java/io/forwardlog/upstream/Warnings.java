package io.forwardlog.upstream;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Formats a warning as {@code "path:line: text"} and hands it to the caller's sink. */
final class Warnings {

    private final Consumer<String> sink;

    Warnings(Consumer<String> sink) {
        this.sink = sink;
    }

    void warn(Path file, int line, String text) {
        sink.accept(Shown.escape(file + ":" + line + ": " + text));
    }
}
