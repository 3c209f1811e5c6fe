package io.forwardlog.upstream;

import java.nio.file.Path;
import java.util.Locale;

/** The two ways to write an upstream file, and the few messages whose words differ between them. */
enum Form {
    /** Fluent Bit's classic {@code [UPSTREAM]} / {@code [NODE]} form. */
    CLASSIC("[UPSTREAM]", "'name'") {
        @Override
        Includes.FileParser parser(Includes includes, Warnings warnings, SectionList sections) {
            return new ClassicParser(includes, warnings, sections);
        }

        @Override
        String noUpstream() {
            return "no [UPSTREAM] section; add one with a name";
        }

        @Override
        String secondUpstream(String first) {
            return "a second [UPSTREAM] section (the first is at " + first + "); an upstream file holds exactly one";
        }

        @Override
        String noNodes(String name) {
            return "[UPSTREAM] '" + name + "' has no [NODE] section; add at least one";
        }
    },
    /** Fluent Bit's YAML form: {@code upstream_servers: [{name, nodes: [...]}]}. */
    YAML("upstream_servers entry", "'name' and 'nodes'") {
        @Override
        Includes.FileParser parser(Includes includes, Warnings warnings, SectionList sections) {
            return new YamlParser(includes, warnings, sections);
        }

        @Override
        String noUpstream() {
            return "no upstream_servers entry; add 'upstream_servers:' with one entry that has a name and nodes";
        }

        @Override
        String secondUpstream(String first) {
            return "a second upstream_servers entry (the first is at " + first
                    + "); an upstream file holds exactly one";
        }

        @Override
        String noNodes(String name) {
            return "upstream_servers entry '" + name + "' has no nodes; add at least one under 'nodes:'";
        }
    };

    private final String upstream;
    private final String upstreamKeys;

    Form(String upstream, String upstreamKeys) {
        this.upstream = upstream;
        this.upstreamKeys = upstreamKeys;
    }

    /** YAML for a name ending in {@code .yaml} or {@code .yml} (any case), as in Fluent Bit; classic otherwise. */
    static Form of(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : CLASSIC;
    }

    abstract Includes.FileParser parser(Includes includes, Warnings warnings, SectionList sections);

    /** How messages refer to the upstream: {@code [UPSTREAM]} or {@code upstream_servers entry}. */
    String upstream() {
        return upstream;
    }

    /** @param key the key as a message shows it: {@code key 'mode'}, or not at all ({@link Shown#key}) */
    String ignoredUpstreamKey(String key) {
        return upstream + ": " + key + " is ignored; it takes only " + upstreamKeys;
    }

    abstract String noUpstream();

    abstract String secondUpstream(String first);

    abstract String noNodes(String name);
}
