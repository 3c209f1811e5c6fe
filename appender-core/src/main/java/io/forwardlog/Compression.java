package io.forwardlog;

import java.util.Locale;

/**
 * How a batch's entries travel on the wire: as a PackedForward message ({@code text}) or as a
 * CompressedPackedForward message ({@code gzip}). Set with {@code compress} on the appender or on a node.
 */
public enum Compression {
    /** PackedForward: the entries as one msgpack bin. */
    TEXT,
    /** CompressedPackedForward: the entries gzip-compressed, with {@code compressed: "gzip"} in the options. */
    GZIP;

    /** The name used in configuration files: {@code text} or {@code gzip}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a configuration value, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code value} is neither
     */
    public static Compression fromConfig(String value) {
        for (Compression c : values()) {
            if (c.configName().equalsIgnoreCase(value.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a compression: use text or gzip");
    }
}
