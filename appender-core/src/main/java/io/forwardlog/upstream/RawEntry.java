package io.forwardlog.upstream;

import java.nio.file.Path;

/**
 * One key and its value as written, before any checking.
 *
 * @param key      lower-cased
 * @param value    the text after the key, trimmed; {@code null} when there is none
 * @param notPlain {@code null} for a plain value; {@code "a list"} or {@code "a mapping"} when a YAML file
 *                 gives the key a structure instead of a single value
 */
record RawEntry(String key, String value, Path file, int line, String notPlain) {

    static RawEntry of(String key, String value, Path file, int line) {
        return new RawEntry(key, value, file, line, null);
    }
}
