package io.forwardlog.internal.forward;

/** The in-flight marker of a heartbeat sent on a data connection; carries no events. */
public record HeartbeatPing(String tag) implements OutboundBatch {

    private static final byte[] NO_ENTRIES = new byte[0];

    @Override
    public byte[] entries() {
        return NO_ENTRIES;
    }

    @Override
    public int entriesLength() {
        return 0;
    }

    @Override
    public int eventCount() {
        return 0;
    }
}
