package io.forwardlog.upstream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks the sections of a whole upstream file (with its includes) and builds the {@link Upstream}. */
final class UpstreamAssembler {

    private final Form form;
    private final Environment environment;
    private final Warnings warnings;

    UpstreamAssembler(Form form, Environment environment, Warnings warnings) {
        this.form = form;
        this.environment = environment;
        this.warnings = warnings;
    }

    Upstream assemble(Path source, List<RawSection> sections) throws UpstreamFileException {
        RawSection upstream = theUpstream(source, sections);
        String name = upstreamName(upstream);
        NodeReader reader = new NodeReader(environment, warnings);
        Map<String, NodeValues> byName = new HashMap<>();
        List<UpstreamNode> nodes = new ArrayList<>();
        for (RawSection section : sections) {
            if (section.kind() != RawSection.Kind.NODE) {
                continue;
            }
            NodeValues node = reader.read(section);
            NodeValues first = byName.putIfAbsent(node.name, node);
            if (first != null) {
                throw new UpstreamFileException(node.file, node.nameLine, "[NODE] '" + node.name
                        + "': the name is already used by the node at " + first.file + ":" + first.line
                        + "; node names must be unique");
            }
            nodes.add(new UpstreamNode(node));
        }
        if (nodes.isEmpty()) {
            throw new UpstreamFileException(upstream.file(), upstream.line(), form.noNodes(name));
        }
        return new Upstream(name, nodes, source);
    }

    private RawSection theUpstream(Path source, List<RawSection> sections) throws UpstreamFileException {
        RawSection found = null;
        for (RawSection section : sections) {
            if (section.kind() != RawSection.Kind.UPSTREAM) {
                continue;
            }
            if (found != null) {
                throw new UpstreamFileException(section.file(), section.line(),
                        form.secondUpstream(found.file() + ":" + found.line()));
            }
            found = section;
        }
        if (found == null) {
            throw new UpstreamFileException(source, 0, form.noUpstream());
        }
        return found;
    }

    private String upstreamName(RawSection upstream) throws UpstreamFileException {
        String name = null;
        FirstValues firstValues = new FirstValues(form.upstream(), warnings);
        for (RawEntry entry : upstream.entries()) {
            Environment.requireKeyName(entry, form.upstream());
            if (!firstValues.keep(entry)) {
                continue;
            }
            if (entry.key().equals("name")) {
                name = environment.value(entry, form.upstream());
            } else {
                warnings.warn(entry.file(), entry.line(), form.ignoredUpstreamKey(Shown.key(entry)));
            }
        }
        if (name == null) {
            throw new UpstreamFileException(upstream.file(), upstream.line(), form.upstream() + ": 'name' is missing");
        }
        return name;
    }
}
