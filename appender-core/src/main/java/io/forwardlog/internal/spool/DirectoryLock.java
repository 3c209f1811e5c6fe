package io.forwardlog.internal.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive use of a spool directory, held through an OS lock on {@code spool.lock} inside it.
 *
 * <p>On Linux the lock is a POSIX record lock, which belongs to the process: closing <em>any</em>
 * channel on the lock file releases it, even a channel that only tried to lock and failed. So a
 * second appender in this JVM is refused from {@link #HELD} before it opens the file at all;
 * {@link OverlappingFileLockException} only remains as the answer when another copy of this class
 * (another class loader) holds the directory.
 */
final class DirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "spool.lock";

    /** Lock files held by this class in this JVM, by real path. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;

    private DirectoryLock(Path lockFile, FileChannel channel) {
        this.lockFile = lockFile;
        this.channel = channel;
    }

    /** Locks an existing directory, or says why not. */
    static DirectoryLock acquire(Path directory) throws SpoolException {
        Path lockFile;
        try {
            lockFile = directory.toRealPath().resolve(FILE_NAME);
        } catch (IOException e) {
            throw new SpoolException(cannotUse(directory, e), e);
        }
        if (!HELD.add(lockFile)) {
            throw alreadyUsed(directory);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw alreadyUsed(directory);
            }
            return new DirectoryLock(lockFile, channel);
        } catch (OverlappingFileLockException e) {
            release(lockFile, channel);
            throw alreadyUsed(directory);
        } catch (SpoolException e) {
            release(lockFile, channel);
            throw e;
        } catch (IOException e) {
            release(lockFile, channel);
            throw new SpoolException(cannotUse(directory, e), e);
        }
    }

    /** Releases the lock; the lock file stays, so no other process can race on creating it. */
    @Override
    public void close() {
        release(lockFile, channel);
    }

    private static void release(Path lockFile, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Closing a file channel only fails on a broken file system; the OS drops the lock with the descriptor.
        } finally {
            HELD.remove(lockFile);
        }
    }

    private static SpoolException alreadyUsed(Path directory) {
        return new SpoolException("spoolDir '" + directory
                + "' is already used by another appender; give each appender its own spoolDir");
    }

    private static String cannotUse(Path directory, IOException e) {
        return "spoolDir '" + directory + "' cannot be used: " + IoErrors.describe(e);
    }
}
