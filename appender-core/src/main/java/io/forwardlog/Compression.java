package io.forwardlog;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a batch's entries travel on the wire: as a PackedForward message ({@code text}) or as a
 * CompressedPackedForward message ({@code gzip}, {@code zstd}). Set with {@code compress} on the
 * appender or on a node.
 */
public enum Compression {
    /** PackedForward: the entries as one msgpack bin. */
    TEXT,
    /** CompressedPackedForward: the entries gzip-compressed, with {@code compressed: "gzip"} in the options. */
    GZIP,
    /**
     * CompressedPackedForward: the entries zstd-compressed, with {@code compressed: "zstd"} in the options.
     * Read by Fluentd's in_forward from 1.19 and Fluent Bit's from 4.1; needs {@code com.github.luben:zstd-jni}
     * on the class path.
     */
    ZSTD;

    private static final String CHOICES = choices();

    /** The name used in configuration files and in the {@code compressed} option: {@code text}, {@code gzip} or {@code zstd}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a configuration value, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code value} is none of them
     */
    public static Compression fromConfig(String value) {
        for (Compression c : values()) {
            if (c.configName().equalsIgnoreCase(value.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a compression: use " + CHOICES);
    }

    private static String choices() {
        String[] names = Arrays.stream(values()).map(Compression::configName).toArray(String[]::new);
        return Arrays.stream(names, 0, names.length - 1).collect(Collectors.joining(", ")) + " or " + names[names.length - 1];
    }
}
