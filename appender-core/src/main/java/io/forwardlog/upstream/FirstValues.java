package io.forwardlog.upstream;

import java.util.HashMap;
import java.util.Map;

/** Fluent Bit reads the first of a repeated key; so do we, and we say so. One instance per section. */
final class FirstValues {

    private final String subject;
    private final Warnings warnings;
    private final Map<String, RawEntry> first = new HashMap<>();

    /** @param subject who the section is, the start of the warning ({@code [NODE] 'node-1'}) */
    FirstValues(String subject, Warnings warnings) {
        this.subject = subject;
        this.warnings = warnings;
    }

    /** True for the first entry of its key; false, with a warning, for a repeat. Call in file order. */
    boolean keep(RawEntry entry) {
        RawEntry earlier = first.putIfAbsent(entry.key(), entry);
        if (earlier != null) {
            warnings.warn(entry.file(), entry.line(), subject + ": " + Shown.key(entry)
                    + " is repeated; keeping the first value (line " + earlier.line() + ")");
        }
        return earlier == null;
    }
}
