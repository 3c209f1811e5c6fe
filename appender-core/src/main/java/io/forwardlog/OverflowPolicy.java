package io.forwardlog;


/** What {@code append} does when the buffer is full ({@code overflow}). */
public enum OverflowPolicy {
    /**
     * Wait for room, at most {@code blockTimeout} once per episode: when a wait runs out its event is
     * dropped, the other callers waiting give up too, and every later event that finds no room is dropped
     * at once (one that fits is taken) until a quarter of {@code bufferCapacity} is free again; then a
     * caller may wait again. An outage that outlasts the buffer costs each thread one {@code blockTimeout},
     * not one per log call.
     */
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
