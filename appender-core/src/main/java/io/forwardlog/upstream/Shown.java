package io.forwardlog.upstream;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a message may show of what a file says. A key is shown when the line can only be a key and a value
 * (its first word is a key name and a value follows), or when it is a key forwardlog knows; otherwise the line
 * might be a secret on a line of its own or joined to its key ({@code shared_key=...}), and is not shown. The
 * values of secret keys are never shown. Every control character in a message is escaped.
 */
final class Shown {

    /** How a message refers to a key it must not show. */
    static final String HIDDEN_KEY = "a key (not shown: the line may hold a secret)";
    /** Added to a message about a line it must not show. */
    static final String HIDDEN_LINE = "the line is not shown: it may hold a secret";

    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Shown() {
    }

    /** Whether {@code word} can be a key: letters, digits, {@code _ . -}. */
    static boolean isKeyName(String word) {
        return KEY_NAME.matcher(word).matches();
    }

    /** {@code key 'port'}, or {@link #HIDDEN_KEY} for a key that may be a secret. */
    static String key(String key, boolean hasValue) {
        boolean known = NodeKeys.KNOWN.contains(key.toLowerCase(Locale.ROOT));
        return known || hasValue && isKeyName(key) ? "key '" + key + "'" : HIDDEN_KEY;
    }

    /** {@link #key(String, boolean)} for an entry; a YAML list or mapping counts as a value. */
    static String key(RawEntry entry) {
        return key(entry.key(), entry.value() != null || entry.notPlain() != null);
    }

    /** Whether the value of a known {@code key} may be quoted: any key's but a secret's or an unknown key's. */
    static boolean value(String key) {
        return NodeKeys.KNOWN.contains(key) && !NodeKeys.SECRETS.contains(key);
    }

    /** Whether {@code name}, written in {@code ${...}}, can be shown as the name of an environment variable. */
    static boolean variableName(String name) {
        return VARIABLE_NAME.matcher(name).matches();
    }

    /** The first control character in {@code text}, a tab included, or -1 when there is none. */
    static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return c;
            }
        }
        return -1;
    }

    /** {@code U+0000}. */
    static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    /**
     * {@code text} with every control character, line and paragraph separator and invisible format character
     * written as an escape ({@code \t}, {@code \n}, {@code \r}, {@code \u0000}), so none reaches a log or terminal raw.
     */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean needsEscape(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
