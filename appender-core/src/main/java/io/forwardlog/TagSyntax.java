package io.forwardlog;

import java.util.List;

/**
 * The rule for the {@code tag} setting: fixed text, or a pattern whose placeholders are {@code {logger}}
 * and {@code {level}}, with balanced braces. Braces rather than {@code ${...}} keep Logback and Log4j2
 * from substituting the placeholders as their own variables.
 */
final class TagSyntax {

    /** The placeholders a tag can use, without braces. */
    static final List<String> PLACEHOLDERS = List.of("logger", "level");

    private TagSyntax() {
    }

    /** Returns {@code pattern} when it is a valid tag. @throws IllegalArgumentException naming the problem */
    static String check(String setting, String pattern) {
        int at = 0;
        while (true) {
            int open = pattern.indexOf('{', at);
            int stray = pattern.indexOf('}', at);
            if (open < 0) {
                if (stray >= 0) {
                    throw new IllegalArgumentException(setting + " '" + pattern + "' has a '}' without '{'");
                }
                return pattern;
            }
            if (stray >= 0 && stray < open) {
                throw new IllegalArgumentException(setting + " '" + pattern + "' has a '}' without '{'");
            }
            int close = pattern.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException(setting + " '" + pattern + "' has a '{' without '}'");
            }
            String name = pattern.substring(open + 1, close);
            if (!PLACEHOLDERS.contains(name)) {
                throw new IllegalArgumentException(setting + " '" + pattern + "' uses {" + name
                        + "}; a tag can use {logger} and {level}");
            }
            at = close + 1;
        }
    }
}
