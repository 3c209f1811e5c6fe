package io.forwardlog.internal.spool;

/**
 * A batch read back from the spool. Its file stays on disk until {@link #delete()}, so a batch that
 * was handed out but never confirmed is handed out again after a restart (at-least-once).
 */
public interface SpooledBatch {

    String tag();

    /** The concatenated msgpack entries, exactly as written (the array holds nothing else). */
    byte[] entries();

    int eventCount();

    /**
     * Deletes the file once the batch is delivered. Safe from any thread; a second call does nothing,
     * and so does a call after the spool was closed (the file is then delivered again after the next
     * open). A failed delete is reported as a warning.
     */
    void delete();
}
