package io.forwardlog.upstream;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads Fluent Bit's YAML form, {@code upstream_servers: [{name, nodes: [{name, host, port, ...}]}]}, into
 * the same sections as the classic form. It composes nodes rather than constructing objects, so every
 * scalar stays the text the user wrote ({@code on}, {@code 43000}) and every node keeps its line.
 */
final class YamlParser implements Includes.FileParser {

    private final Includes includes;
    private final Warnings warnings;
    private final SectionList sections;

    YamlParser(Includes includes, Warnings warnings, SectionList sections) {
        this.includes = includes;
        this.warnings = warnings;
        this.sections = sections;
    }

    @Override
    public void parse(Path file, String text) throws UpstreamFileException {
        Optional<Node> root = compose(file, text);
        if (root.isEmpty()) {
            return;
        }
        if (!(root.get() instanceof MappingNode top)) {
            throw shape(file, root.get(), "the top level must be a mapping with 'upstream_servers:'");
        }
        for (NodeTuple tuple : top.getValue()) {
            String key = key(file, tuple.getKeyNode()).toLowerCase(Locale.ROOT);
            switch (key) {
                case "upstream_servers" -> upstreamServers(file, tuple.getValueNode());
                case "includes" -> includes(file, tuple.getValueNode());
                default -> warnings.warn(file, line(tuple.getKeyNode()), hasValue(tuple.getValueNode())
                        && Shown.isKeyName(key) ? "unknown section '" + key + "' is ignored"
                        : "an unknown section is ignored (" + Shown.HIDDEN_LINE + ")");
            }
        }
    }

    private void upstreamServers(Path file, Node value) throws UpstreamFileException {
        if (!(value instanceof SequenceNode list)) {
            throw shape(file, value, "'upstream_servers' must be a list of upstreams, each with a name and nodes");
        }
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode entry)) {
                throw shape(file, item, "an upstream_servers entry must be a mapping with a name and nodes");
            }
            upstream(file, entry);
        }
    }

    private void upstream(Path file, MappingNode entry) throws UpstreamFileException {
        RawSection upstream = new RawSection(RawSection.Kind.UPSTREAM, file, line(entry));
        sections.add(upstream);
        int nodesLine = 0;
        for (NodeTuple tuple : entry.getValue()) {
            String key = translate(key(file, tuple.getKeyNode()));
            int keyLine = line(tuple.getKeyNode());
            if (!key.equals("nodes")) {
                upstream.add(entry(key, tuple.getValueNode(), file, keyLine));
            } else if (nodesLine == 0) {
                nodesLine = keyLine;
                nodes(file, tuple.getValueNode());
            } else {
                warnings.warn(file, keyLine, "upstream_servers entry: key 'nodes' is repeated; keeping the first"
                        + " value (line " + nodesLine + ")");
            }
        }
    }

    private void nodes(Path file, Node value) throws UpstreamFileException {
        if (!(value instanceof SequenceNode list)) {
            throw shape(file, value, "'nodes' must be a list of nodes, each a mapping with name, host and port");
        }
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                throw shape(file, item, "each entry under 'nodes' must be a mapping with name, host and port");
            }
            RawSection node = new RawSection(RawSection.Kind.NODE, file, line(mapping));
            for (NodeTuple tuple : mapping.getValue()) {
                String key = translate(key(file, tuple.getKeyNode()));
                node.add(entry(key, tuple.getValueNode(), file, line(tuple.getKeyNode())));
            }
            sections.add(node);
        }
    }

    private void includes(Path file, Node value) throws UpstreamFileException {
        if (!(value instanceof SequenceNode list)) {
            throw shape(file, value, "'includes' must be a list of file paths");
        }
        for (Node item : list.getValue()) {
            String pattern = item instanceof ScalarNode scalar ? text(scalar) : null;
            if (pattern == null) {
                throw shape(file, item, "each entry under 'includes' must be a file path");
            }
            includes.include(pattern, file, line(item), this);
        }
    }

    private static RawEntry entry(String key, Node value, Path file, int line) {
        if (value instanceof ScalarNode scalar) {
            return RawEntry.of(key, text(scalar), file, line);
        }
        return new RawEntry(key, null, file, line, value instanceof SequenceNode ? "a list" : "a mapping");
    }

    /** The scalar's text, trimmed as Fluent Bit trims values; {@code null} for {@code ~}, {@code null} or nothing. */
    private static String text(ScalarNode scalar) {
        String text = scalar.getValue().strip();
        return scalar.getTag().equals(Tag.NULL) || text.isEmpty() ? null : text;
    }

    private static boolean hasValue(Node value) {
        return !(value instanceof ScalarNode scalar) || text(scalar) != null;
    }

    private static String key(Path file, Node key) throws UpstreamFileException {
        String text = key instanceof ScalarNode scalar ? text(scalar) : null;
        if (text == null) {
            throw shape(file, key, "a key must be plain text");
        }
        return text;
    }

    /**
     * Fluent Bit's YAML key rule: a key that starts in lower case and has no underscore is camelCase and
     * becomes snake_case ({@code sharedKey} is {@code shared_key}); any other key is only lower-cased.
     */
    static String translate(String key) {
        if (key.isEmpty() || !Character.isLowerCase(key.charAt(0)) || key.indexOf('_') >= 0) {
            return key.toLowerCase(Locale.ROOT);
        }
        StringBuilder snake = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }

    private static Optional<Node> compose(Path file, String text) throws UpstreamFileException {
        // non-scalar keys are allowed here so that key() can refuse them with their line
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setAllowNonScalarKeys(true).build();
        try {
            // what api.lowlevel.Compose does, through the packages snakeyaml-engine's module exports
            return new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text))).getSingleNode();
        } catch (YamlEngineException e) {
            throw YamlErrors.of(file, text, e);
        } catch (StackOverflowError e) {
            // snakeyaml-engine parses recursively and has no nesting limit: a file of nested '[' exhausts the
            // stack. The stack unwinds to here intact, so the error is reported like any other bad input.
            throw new UpstreamFileException(file, 0, "not valid YAML: it is nested too deeply", e);
        }
    }

    private static UpstreamFileException shape(Path file, Node node, String problem) {
        return new UpstreamFileException(file, line(node), problem);
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
