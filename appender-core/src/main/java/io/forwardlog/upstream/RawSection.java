package io.forwardlog.upstream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An {@code [UPSTREAM]} or {@code [NODE]} section (or its YAML equivalent) with its entries in file order. */
final class RawSection {

    enum Kind { UPSTREAM, NODE }

    private final Kind kind;
    private final Path file;
    private final int line;
    private final List<RawEntry> entries = new ArrayList<>();

    RawSection(Kind kind, Path file, int line) {
        this.kind = kind;
        this.file = file;
        this.line = line;
    }

    Kind kind() {
        return kind;
    }

    Path file() {
        return file;
    }

    int line() {
        return line;
    }

    void add(RawEntry entry) {
        entries.add(entry);
    }

    List<RawEntry> entries() {
        return Collections.unmodifiableList(entries);
    }
}
