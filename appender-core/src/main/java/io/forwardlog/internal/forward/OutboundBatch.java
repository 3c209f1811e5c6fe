package io.forwardlog.internal.forward;

/**
 * A batch ready for the wire: the tag and the concatenated msgpack {@code [time, record]} entries,
 * times encoded as EventTime. The entries never change once the batch is handed to a connection.
 */
public interface OutboundBatch {

    String tag();

    /** The entries' bytes; only the first {@link #entriesLength()} bytes are meaningful. */
    byte[] entries();

    int entriesLength();

    int eventCount();
}
