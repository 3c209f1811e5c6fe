package io.forwardlog.internal.pipeline;

import io.forwardlog.internal.forward.OutboundBatch;

/**
 * Events of one tag on their way: filled on callers' threads while open, then sealed and never
 * changed. The same event is in exactly one batch.
 */
public final class Batch implements OutboundBatch {

    private final String tag;
    private final long createdNanos;
    private byte[] entries;
    private int length;
    private int eventCount;
    private boolean sealed;
    private Runnable onRelease;

    private boolean released;

    Batch(String tag, byte[] array, long createdNanos) {
        this.tag = tag;
        this.entries = array;
        this.createdNanos = createdNanos;
    }

    /** A sealed batch made from entries read back (from the spool). */
    public static Batch sealed(String tag, byte[] entries, int eventCount, long createdNanos, Runnable onRelease) {
        Batch batch = new Batch(tag, entries, createdNanos);
        batch.entries = entries;
        batch.length = entries.length;
        batch.eventCount = eventCount;
        batch.sealed = true;
        batch.onRelease = onRelease;
        return batch;
    }

    /** Copies one encoded entry in, which must fit ({@link #room()}); only while open, under the accumulator's lock. */
    void add(byte[] entry, int offset, int entryLength) {
        System.arraycopy(entry, offset, entries, length, entryLength);
        length += entryLength;
        eventCount++;
    }

    /** Bytes the array can still take. */
    int room() {
        return entries.length - length;
    }

    /** The array's length: the memory the batch holds. */
    int capacity() {
        return entries.length;
    }

    /** Moves the entries into a larger array; only while open, under the accumulator's lock. */
    void moveTo(byte[] larger) {
        System.arraycopy(entries, 0, larger, 0, length);
        entries = larger;
    }

    void seal() {
        sealed = true;
    }

    boolean isSealed() {
        return sealed;
    }

    long createdNanos() {
        return createdNanos;
    }

    /**
     * Marks the batch done with (delivered, dropped or spooled) and runs its release action (e.g.
     * deletes its spool file); returns whether this was the first release, so its array is reused once.
     */
    boolean released() {
        if (released) {
            return false;
        }
        released = true;
        Runnable action = onRelease;
        onRelease = null;
        if (action != null) {
            action.run();
        }
        return true;
    }

    /** Whether the batch came from the spool, so it is not spooled a second time. */
    boolean isFromSpool() {
        return onRelease != null;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public byte[] entries() {
        return entries;
    }

    @Override
    public int entriesLength() {
        return length;
    }

    @Override
    public int eventCount() {
        return eventCount;
    }

    @Override
    public String toString() {
        return "Batch[" + tag + ", " + eventCount + " events, " + length + " bytes]";
    }
}
