package io.forwardlog.internal.spool;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Batches that could not be delivered, kept as files in one directory ({@code spoolDir}) and handed
 * back oldest first, also after the JVM restarts. Each batch is one file written atomically and
 * checked with a CRC32 when read back; a handed-out batch stays on disk until it is deleted after
 * delivery, so delivery is at-least-once. The directory belongs to one appender at a time.
 *
 * <p>Thread-safe: the sender thread, the shutdown path and ack readers may call it concurrently. Every
 * method synchronizes on the spool; disk I/O is not a hot path.
 */
public final class Spool implements Closeable {

    private final SpoolDirectory directory;
    private final long capacityBytes;
    private final BatchLimits limits;
    private final Consumer<String> warnings;
    private final LongSupplier clockMillis;
    private final DirectoryLock lock;

    private final ArrayDeque<SpoolFile> pending;
    private final Set<SpoolFile> handedOut = new HashSet<>();
    private long sizeBytes;
    private long pendingEvents;
    /** Never goes back, so names sort in write order even when the clock does. */
    private long lastMillis;
    private long lastSequence;
    private boolean closed;

    private Spool(SpoolDirectory directory, long capacityBytes, BatchLimits limits, Consumer<String> warnings,
                  LongSupplier clockMillis, DirectoryLock lock, List<SpoolFile> files) {
        this.directory = directory;
        this.capacityBytes = capacityBytes;
        this.limits = limits;
        this.warnings = warnings;
        this.clockMillis = clockMillis;
        this.lock = lock;
        this.pending = new ArrayDeque<>(files);
        for (SpoolFile file : files) {
            sizeBytes += file.bytes();
            pendingEvents += file.name().eventCount();
            lastMillis = Math.max(lastMillis, file.name().millis());
            lastSequence = Math.max(lastSequence, file.name().sequence());
        }
    }

    /**
     * Creates the directory if needed, takes an exclusive lock on it ({@code spool.lock}), deletes
     * the temporary files of writes a crash interrupted, and indexes the batch files oldest first.
     *
     * @param capacityBytes the most bytes the batch files may take together
     * @param limits the largest batch a file may hold; a file that claims more is moved to {@code corrupt/}
     *     unread, and a batch that exceeds them is not written
     * @param warnings where problems with single files are reported
     * @throws SpoolException when the directory cannot be created or used, or another appender (in
     *     this JVM or another process) holds it
     */
    public static Spool open(Path directory, long capacityBytes, BatchLimits limits, Consumer<String> warnings)
            throws SpoolException {
        return open(directory, capacityBytes, limits, warnings, System::currentTimeMillis);
    }

    static Spool open(Path directory, long capacityBytes, BatchLimits limits, Consumer<String> warnings,
                      LongSupplier clockMillis) throws SpoolException {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacityBytes must be positive but was " + capacityBytes);
        }
        Objects.requireNonNull(limits, "limits");
        SpoolDirectory files = SpoolDirectory.create(directory, warnings);
        DirectoryLock lock = DirectoryLock.acquire(directory);
        try {
            return new Spool(files, capacityBytes, limits, warnings, clockMillis, lock, files.scan());
        } catch (SpoolException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Writes one batch as a file; a crash never leaves half of it where it would be read as data.
     *
     * @param entries the concatenated msgpack entries in {@code entries[0..length)}
     * @return {@code false}, with nothing written, when the file would take the spool over its
     *     capacity; the caller counts the dropped events
     * @throws IOException when the write fails (disk full...), naming the file, or the batch is larger than
     *     the limits allow; nothing is kept
     */
    public synchronized boolean write(String tag, byte[] entries, int length, int eventCount) throws IOException {
        Objects.requireNonNull(tag, "tag");
        Objects.checkFromIndexSize(0, length, entries.length);
        if (eventCount < 0) {
            throw new IllegalArgumentException("eventCount must not be negative but was " + eventCount);
        }
        if (closed) {
            throw new IOException("spoolDir '" + directory.path() + "' is closed; the batch was not written");
        }
        byte[] tagBytes = tag.getBytes(UTF_8);
        String tooLarge = limits.exceeded(tagBytes.length, length, eventCount);
        if (tooLarge != null) {
            // never write what poll() would refuse to read back
            throw new IOException("the batch cannot be spooled: " + tooLarge);
        }
        long bytes = SpoolFileFormat.fileSize(tagBytes.length, length);
        if (bytes > capacityBytes - sizeBytes) {
            return false;
        }
        lastMillis = Math.max(lastMillis, clockMillis.getAsLong());
        SpoolFileName name = new SpoolFileName(lastMillis, ++lastSequence, eventCount);
        directory.write(name, tagBytes, entries, length, eventCount);
        pending.addLast(new SpoolFile(name, bytes));
        sizeBytes += bytes;
        pendingEvents += eventCount;
        return true;
    }

    /**
     * The oldest batch not yet handed out since {@code open}, read and verified. A corrupt or
     * truncated file is moved into {@code corrupt/} with a warning and skipped.
     *
     * @return {@code null} when none is left, or the spool is closed
     */
    public synchronized SpooledBatch poll() {
        while (!closed && !pending.isEmpty()) {
            SpoolFile file = pending.removeFirst();
            pendingEvents -= file.name().eventCount();
            String fileName = file.name().fileName();
            try {
                HandedOutBatch batch = new HandedOutBatch(this, file, directory.read(file.name(), limits));
                handedOut.add(file);
                return batch;
            } catch (CorruptSpoolFileException e) {
                if (directory.quarantine(fileName, e.getMessage())) {
                    sizeBytes -= file.bytes();
                }
            } catch (NoSuchFileException e) {
                sizeBytes -= file.bytes();
                warnings.accept("spool file '" + fileName + "' disappeared before it was read; skipped");
            } catch (IOException e) {
                warnings.accept("spool file '" + fileName + "' could not be read (" + IoErrors.describe(e)
                        + "); skipped until the next start");
            }
        }
        return null;
    }

    /** Deletes a delivered batch's file, once; after {@link #close()} the file is left for the next open. */
    synchronized void delete(HandedOutBatch batch) {
        SpoolFile file = batch.file();
        if (closed || !handedOut.remove(file)) {
            return;
        }
        try {
            directory.delete(file.name());
            sizeBytes -= file.bytes();
        } catch (IOException e) {
            warnings.accept("spool file '" + file.name().fileName() + "' could not be deleted (" + IoErrors.describe(e)
                    + "); it will be sent again after a restart");
        }
    }

    /** Bytes of all batch files on disk, handed out or not. */
    public synchronized long sizeBytes() {
        return sizeBytes;
    }

    /** Batch files on disk, handed out or not. */
    public synchronized int files() {
        return pending.size() + handedOut.size();
    }

    /** Batch files not yet handed out. */
    public synchronized int pendingFiles() {
        return pending.size();
    }

    /** Events in the batch files not yet handed out. */
    public synchronized long pendingEvents() {
        return pendingEvents;
    }

    /** Releases the directory; batches not deleted yet stay for the next open. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            lock.close();
        }
    }

    @Override
    public String toString() {
        return "Spool[" + directory.path() + "]";
    }
}
