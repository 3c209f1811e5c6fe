package io.forwardlog.internal.spool;

/**
 * The largest batch the spool writes or reads back, so that no file can make it allocate more than the
 * memory buffer could have held. A batch of several events is at most {@code chunkSize} bytes of entries;
 * a single event larger than that travels alone, and is at most {@code bufferCapacity} (a larger one is never
 * buffered). A tag is at most {@code bufferCapacity} too.
 */
public final class BatchLimits {

    private final long chunkSize;
    private final long largestEvent;

    private BatchLimits(long chunkSize, long largestEvent) {
        this.chunkSize = chunkSize;
        this.largestEvent = largestEvent;
    }

    /** The limits of an appender with these settings. */
    public static BatchLimits of(long chunkSize, long bufferCapacity) {
        if (chunkSize <= 0 || bufferCapacity < chunkSize) {
            throw new IllegalArgumentException("chunkSize " + chunkSize
                    + " must be positive and at most bufferCapacity " + bufferCapacity);
        }
        return new BatchLimits(chunkSize, Math.min(bufferCapacity, SpoolFileFormat.MAX_ARRAY_BYTES));
    }

    /**
     * Why a batch with these sizes cannot be one of ours, or {@code null} when it can.
     *
     * @return e.g. {@code 2000 events in 1610612712 bytes, more than chunkSize (4096 bytes) allows}
     */
    String exceeded(long tagBytes, long entriesBytes, int eventCount) {
        if (tagBytes > largestEvent) {
            return "a tag of " + tagBytes + " bytes, more than bufferCapacity (" + largestEvent + " bytes) allows";
        }
        if (eventCount == 1 && entriesBytes > largestEvent) {
            return "1 event of " + entriesBytes + " bytes, more than bufferCapacity (" + largestEvent
                    + " bytes) allows";
        }
        if (eventCount != 1 && entriesBytes > chunkSize) {
            return eventCount + " events in " + entriesBytes + " bytes, more than chunkSize (" + chunkSize
                    + " bytes) allows";
        }
        return null;
    }

    @Override
    public String toString() {
        return "BatchLimits[chunkSize=" + chunkSize + ", largestEvent=" + largestEvent + "]";
    }
}
