package io.forwardlog.upstream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fluent Bit reads the first of a repeated key; so do we, and we say so. */
final class FirstValues {

    private FirstValues() {
    }

    /** The section's entries in file order, each key once (its first occurrence); a warning for each repeat. */
    static List<RawEntry> of(RawSection section, String subject, Warnings warnings) {
        Map<String, RawEntry> first = new HashMap<>();
        List<RawEntry> kept = new ArrayList<>();
        for (RawEntry entry : section.entries()) {
            RawEntry earlier = first.putIfAbsent(entry.key(), entry);
            if (earlier == null) {
                kept.add(entry);
            } else {
                warnings.warn(entry.file(), entry.line(), subject + ": key '" + entry.key()
                        + "' is repeated; keeping the first value (line " + earlier.line() + ")");
            }
        }
        return kept;
    }
}
