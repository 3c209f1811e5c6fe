package io.forwardlog;


/** What {@code append} does when the buffer is full ({@code overflow}). */
public enum OverflowPolicy {
    /** Wait up to {@code blockTimeout} for room, then drop the new event. */
    BLOCK("block"),
    /** Drop the new event at once. */
    DROP_NEWEST("dropNewest"),
    /** Drop the oldest buffered batch that is not on the wire, to make room for the new event. */
    DROP_OLDEST("dropOldest");

    private final String configName;

    OverflowPolicy(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration: {@code block}, {@code dropNewest}, {@code dropOldest}. */
    public String configName() {
        return configName;
    }

    /** Reads a configuration value, ignoring case. */
    public static OverflowPolicy fromConfig(String value) {
        for (OverflowPolicy p : values()) {
            if (p.configName.equalsIgnoreCase(value.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not an overflow policy: use block, dropNewest or dropOldest");
    }

    @Override
    public String toString() {
        return configName;
    }
}
