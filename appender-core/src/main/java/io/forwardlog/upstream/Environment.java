package io.forwardlog.upstream;

import java.util.function.Function;

/**
 * Turns a written entry into its value: refuses a missing value, then replaces each {@code ${VAR}} with the
 * environment variable's value. An unset variable is an error that names it.
 */
final class Environment {

    private final Function<String, String> variables;

    Environment(Function<String, String> variables) {
        this.variables = variables;
    }

    /**
     * The entry's value with its variables replaced.
     *
     * @param subject who the entry belongs to, the start of every message ({@code [NODE] 'node-1'})
     */
    String value(RawEntry entry, String subject) throws UpstreamFileException {
        String key = entry.key();
        if (entry.notPlain() != null) {
            throw fail(entry, subject + ": '" + key + "' must be a single value, not " + entry.notPlain());
        }
        if (entry.value() == null) {
            throw fail(entry, subject + ": " + Shown.key(entry) + " has no value");
        }
        String expanded = expand(entry, subject);
        if (expanded.isEmpty()) {
            throw fail(entry, subject + ": key '" + key + "' is empty once its ${...} variables are replaced");
        }
        int control = Shown.firstControl(expanded);
        if (control >= 0) {
            String what = Shown.value(key) ? key + " '" + expanded + "'" : key;
            throw fail(entry, subject + ": " + what + " contains the control character " + Shown.codePoint(control)
                    + (Shown.value(key) ? "" : " (its value is not shown)"));
        }
        return expanded;
    }

    /**
     * Refuses a key that is not a name, such as {@code shared_key=abc}: it is a mistake, and the line may be
     * a secret, so it is not shown.
     */
    static void requireKeyName(RawEntry entry, String subject) throws UpstreamFileException {
        if (!Shown.isKeyName(entry.key())) {
            throw fail(entry, subject + ": the key is not a name of letters, digits, '_', '.' and '-'; write the key,"
                    + " a space or a tab, then the value (" + Shown.HIDDEN_LINE + ")");
        }
    }

    private String expand(RawEntry entry, String subject) throws UpstreamFileException {
        String value = entry.value();
        int start = value.indexOf("${");
        if (start < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int from = 0;
        while (start >= 0) {
            int end = value.indexOf('}', start + 2);
            if (end < 0) {
                // the value itself is not shown: it may be a secret
                throw fail(entry, subject + ": " + entry.key() + ": '${' has no closing '}'");
            }
            String name = value.substring(start + 2, end).strip();
            if (name.isEmpty()) {
                throw fail(entry, subject + ": " + entry.key() + ": '${}' names no environment variable");
            }
            String replacement = variables.apply(name);
            if (replacement == null && !Shown.variableName(name)) {
                // a value that merely contains "${" may be a secret: the text inside is not shown
                throw fail(entry, subject + ": " + entry.key() + ": '${...}' holds something that is not the name"
                        + " of an environment variable (not shown: it may be a secret)");
            }
            if (replacement == null) {
                throw fail(entry, subject + ": " + entry.key() + ": environment variable '" + name + "' is not set");
            }
            out.append(value, from, start).append(replacement);
            from = end + 1;
            start = value.indexOf("${", from);
        }
        return out.append(value, from, value.length()).toString();
    }

    private static UpstreamFileException fail(RawEntry entry, String problem) {
        return new UpstreamFileException(entry.file(), entry.line(), problem);
    }
}
