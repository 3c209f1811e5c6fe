package io.forwardlog.upstream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The sections of an upstream file and its includes, in file order, as the parsers find them. It refuses the
 * node past {@link #MAX_NODES} when it is found, so that a huge file stops being read there.
 */
final class SectionList {

    /**
     * The most nodes an upstream may have: each node has its own connection and heartbeats, and Fluent Bit
     * users balance across a handful; a thousand is a mistake, not a deployment.
     */
    static final int MAX_NODES = 1024;

    private final List<RawSection> sections = new ArrayList<>();
    private int nodes;

    void add(RawSection section) throws UpstreamFileException {
        if (section.kind() == RawSection.Kind.NODE && ++nodes > MAX_NODES) {
            throw new UpstreamFileException(section.file(), section.line(), "a " + (MAX_NODES + 1)
                    + "th node; an upstream file has at most " + MAX_NODES + " nodes");
        }
        sections.add(section);
    }

    List<RawSection> list() {
        return Collections.unmodifiableList(sections);
    }
}
