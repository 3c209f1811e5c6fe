package io.forwardlog.upstream;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Turns snakeyaml-engine's syntax errors into ours, with the line. A few of its messages quote the text they
 * stopped at (an alias, a tag handle, an escape); in a value that text may be part of a secret, so those
 * messages are replaced by ones that say what is wrong without it.
 */
final class YamlErrors {

    private record Rewrite(Pattern problem, String replacement) {
    }

    private static final List<Rewrite> REWRITES = List.of(
            new Rewrite(Pattern.compile("found undefined alias .*", Pattern.DOTALL),
                    "found an undefined alias (a value that starts with '*' must be quoted)"),
            new Rewrite(Pattern.compile("found undefined tag handle .*", Pattern.DOTALL),
                    "found an undefined tag handle (a value that starts with '!' must be quoted)"),
            new Rewrite(Pattern.compile("duplicate tag handle .*", Pattern.DOTALL),
                    "a tag handle is declared twice"),
            new Rewrite(Pattern.compile("(expected escape sequence of \\d+ hexadecimal numbers), but found: .*",
                    Pattern.DOTALL), "$1"),
            new Rewrite(Pattern.compile("found unknown escape character .*", Pattern.DOTALL),
                    "found an unknown escape character (in a value with a backslash, quote it with ' instead)"),
            new Rewrite(Pattern.compile("(found a number which cannot represent a valid version): .*",
                    Pattern.DOTALL), "$1"));

    private YamlErrors() {
    }

    static UpstreamFileException of(Path file, String text, YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException marked) {
            Optional<Mark> mark = marked.getProblemMark().or(marked::getContextMark);
            return new UpstreamFileException(file, mark.map(m -> m.getLine() + 1).orElse(0),
                    "not valid YAML: " + describe(marked.getContext(), marked.getProblem()), e);
        }
        if (e instanceof ReaderException unreadable) {
            return new UpstreamFileException(file, lineAtCodePoint(text, unreadable.getPosition()),
                    "not valid YAML: the character " + Shown.codePoint(unreadable.getCodePoint())
                            + " is not allowed in YAML", e);
        }
        return new UpstreamFileException(file, 0, "not valid YAML: " + e.getMessage(), e);
    }

    private static String describe(String context, String problem) {
        String safe = problem == null ? null : rewrite(problem);
        boolean noContext = context == null || context.isBlank();
        if (safe == null || safe.isBlank()) {
            return noContext ? "the text cannot be read as YAML" : context;
        }
        return noContext ? safe : context + ", " + safe;
    }

    private static String rewrite(String problem) {
        for (Rewrite rewrite : REWRITES) {
            if (rewrite.problem().matcher(problem).matches()) {
                return rewrite.problem().matcher(problem).replaceFirst(rewrite.replacement());
            }
        }
        return problem;
    }

    /** The 1-based line of the code point at {@code position}. */
    private static int lineAtCodePoint(String text, int position) {
        int line = 1;
        int index = 0;
        for (int codePoints = 0; codePoints < position && index < text.length(); codePoints++) {
            if (text.charAt(index) == '\n') {
                line++;
            }
            index += Character.charCount(text.codePointAt(index));
        }
        return line;
    }
}
