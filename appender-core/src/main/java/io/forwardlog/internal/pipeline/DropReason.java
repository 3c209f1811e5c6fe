package io.forwardlog.internal.pipeline;

/** Why an event was dropped; every drop is counted under one of these. */
public enum DropReason {
    /** The buffer was full ({@code dropNewest}, or {@code block} once a wait of {@code blockTimeout} ran out). */
    BUFFER_FULL("the buffer was full"),
    /** Evicted to make room for newer events ({@code dropOldest}). */
    EVICTED("evicted for newer events (overflow dropOldest)"),
    /** The spool directory was full. */
    SPOOL_FULL("the spool was full"),
    /** Logged after the appender stopped. */
    STOPPED("logged after the appender stopped"),
    /** Still undelivered when {@code shutdownTimeout} ran out, with no spool to keep it. */
    SHUTDOWN("undelivered when shutdownTimeout ran out"),
    /** The event could not be turned into a record. */
    UNENCODABLE("could not be encoded");

    private final String description;

    DropReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
