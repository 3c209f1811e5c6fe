package io.forwardlog.upstream;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A loaded upstream file: its name and its nodes, in file order. Immutable. Load one with
 * {@link UpstreamFile#load(Path)}.
 */
public final class Upstream {

    private final String name;
    private final List<UpstreamNode> nodes;
    private final Path source;

    Upstream(String name, List<UpstreamNode> nodes, Path source) {
        this.name = name;
        this.nodes = List.copyOf(nodes);
        this.source = source;
    }

    /** The {@code name} of the {@code [UPSTREAM]} section (or of the {@code upstream_servers} entry). */
    public String name() {
        return name;
    }

    /** The nodes, at least one, with unique names, in the order the files declare them. */
    public List<UpstreamNode> nodes() {
        return nodes;
    }

    /** The file the upstream was loaded from, as given to the loader. */
    public Path source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Upstream u && name.equals(u.name) && nodes.equals(u.nodes) && source.equals(u.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nodes, source);
    }

    /** The name, the source and every node's {@link UpstreamNode#toString()}; never a secret. */
    @Override
    public String toString() {
        return "Upstream{name=" + name + ", source=" + source + ", nodes=" + nodes + "}";
    }
}
