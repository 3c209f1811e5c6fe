package io.forwardlog.upstream;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Splits Fluent Bit's classic form into sections: {@code [UPSTREAM]} and {@code [NODE]} headers in column 1,
 * indented {@code key value} lines, whole-line {@code #} comments and {@code @INCLUDE}.
 */
final class ClassicParser implements Includes.FileParser {

    private static final String INCLUDE = "@include";
    /** Fluent Bit's other directive, named in the warning that it is ignored. */
    private static final String SET = "@set";

    private final Includes includes;
    private final Warnings warnings;
    private final SectionList sections;

    ClassicParser(Includes includes, Warnings warnings, SectionList sections) {
        this.includes = includes;
        this.warnings = warnings;
        this.sections = sections;
    }

    @Override
    public void parse(Path file, String text) throws UpstreamFileException {
        // Fluent Bit keeps the current section per file: keys after an @INCLUDE still belong to the
        // section above it, and an included file cannot add keys to the including file's section.
        Current current = new Current();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parseLine(file, i + 1, stripCarriageReturn(lines[i]), current);
        }
    }

    private void parseLine(Path file, int line, String text, Current current) throws UpstreamFileException {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return;
        }
        char first = text.charAt(0);
        if (first == '[') {
            current.section = header(file, line, trimmed);
            current.seenHeader = true;
        } else if (first == '@') {
            directive(file, line, trimmed);
        } else if (first == ' ' || first == '\t') {
            entry(file, line, trimmed, current);
        } else {
            throw new UpstreamFileException(file, line, Shown.key(firstWord(trimmed), hasValue(trimmed))
                    + " is not indented; indent it with spaces or a tab to make it a key of the section above");
        }
    }

    /** The new section, or null for an unknown section, whose keys are dropped. */
    private RawSection header(Path file, int line, String trimmed) throws UpstreamFileException {
        int close = trimmed.indexOf(']');
        if (close < 0) {
            String word = firstWord(trimmed);
            if (isKnownSection(word.substring(1))) {
                throw new UpstreamFileException(file, line, "section header '" + word + "' has no closing ']'");
            }
            throw new UpstreamFileException(file, line, "a line starts with '[' but has no closing ']' ("
                    + Shown.HIDDEN_LINE + "); a section header is [UPSTREAM] or [NODE]");
        }
        String name = trimmed.substring(1, close).strip();
        if (name.isEmpty()) {
            throw new UpstreamFileException(file, line, "section header '[]' has no name; use [UPSTREAM] or [NODE]");
        }
        if (close != trimmed.length() - 1) {
            throw new UpstreamFileException(file, line, "unexpected text after "
                    + (Shown.isKeyName(name) ? "[" + name + "]" : "a section header")
                    + "; a section header stands alone on its line");
        }
        RawSection section = switch (name.toLowerCase(Locale.ROOT)) {
            case "upstream" -> new RawSection(RawSection.Kind.UPSTREAM, file, line);
            case "node" -> new RawSection(RawSection.Kind.NODE, file, line);
            default -> null;
        };
        if (section == null) {
            warnings.warn(file, line, Shown.isKeyName(name) ? "unknown section [" + name + "] is ignored"
                    : "an unknown section is ignored (" + Shown.HIDDEN_LINE + ")");
        } else {
            sections.add(section);
        }
        return section;
    }

    private void directive(Path file, int line, String trimmed) throws UpstreamFileException {
        String word = firstWord(trimmed);
        String directive = word.toLowerCase(Locale.ROOT);
        if (directive.equals(SET)) {
            warnings.warn(file, line, word + " is ignored in an upstream file");
            return;
        }
        if (!directive.equals(INCLUDE)) {
            warnings.warn(file, line, "a line starting with '@' is ignored in an upstream file (" + Shown.HIDDEN_LINE
                    + ")");
            return;
        }
        String pattern = trimmed.substring(word.length()).strip();
        if (pattern.isEmpty()) {
            throw new UpstreamFileException(file, line, "@INCLUDE needs the path of a file");
        }
        includes.include(pattern, file, line, this);
    }

    private static void entry(Path file, int line, String trimmed, Current current) throws UpstreamFileException {
        String key = firstWord(trimmed).toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("[")) {
            String word = firstWord(trimmed);
            if (word.endsWith("]") && Shown.isKeyName(word.substring(1, word.length() - 1))) {
                throw new UpstreamFileException(file, line, "section header '" + word
                        + "' is indented; a section header starts in column 1");
            }
            throw new UpstreamFileException(file, line, "an indented line starts with '[' (" + Shown.HIDDEN_LINE
                    + "); a section header starts in column 1");
        }
        if (!current.seenHeader) {
            throw new UpstreamFileException(file, line, Shown.key(key, hasValue(trimmed))
                    + " is outside any section; put it under [UPSTREAM] or [NODE]");
        }
        if (current.section == null) {
            return;
        }
        String value = trimmed.substring(firstWord(trimmed).length()).strip();
        current.section.add(RawEntry.of(key, value.isEmpty() ? null : value, file, line));
    }

    private static boolean isKnownSection(String name) {
        return name.equalsIgnoreCase("upstream") || name.equalsIgnoreCase("node");
    }

    /** Whether anything follows the first word. */
    private static boolean hasValue(String trimmed) {
        return firstWord(trimmed).length() < trimmed.length();
    }

    private static String firstWord(String trimmed) {
        int end = 0;
        while (end < trimmed.length() && trimmed.charAt(end) != ' ' && trimmed.charAt(end) != '\t') {
            end++;
        }
        return trimmed.substring(0, end);
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static final class Current {
        boolean seenHeader;
        /** Null inside an unknown section. */
        RawSection section;
    }
}
