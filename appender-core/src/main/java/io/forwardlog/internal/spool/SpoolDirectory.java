package io.forwardlog.internal.spool;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The file operations of a spool directory: scanning, atomic writes, verified reads and moving
 * corrupt files aside. It keeps no state about the batches; {@link Spool} does.
 */
final class SpoolDirectory {

    static final String CORRUPT_DIR = "corrupt";

    private final Path directory;
    private final Consumer<String> warnings;

    private SpoolDirectory(Path directory, Consumer<String> warnings) {
        this.directory = directory;
        this.warnings = warnings;
    }

    /** Creates the directory (and its parents) when missing. */
    static SpoolDirectory create(Path directory, Consumer<String> warnings) throws SpoolException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new SpoolException("spoolDir '" + directory + "' is not a directory", e);
            }
            throw new SpoolException("spoolDir '" + directory + "' cannot be created: " + IoErrors.describe(e), e);
        }
        return new SpoolDirectory(directory, warnings);
    }

    Path path() {
        return directory;
    }

    /**
     * The batch files, oldest first. Deletes the temporary files of writes a crash interrupted, and
     * moves aside files with our suffix but not our name format.
     */
    List<SpoolFile> scan() throws SpoolException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(entries::add);
        } catch (IOException | DirectoryIteratorException e) {
            IOException cause = e instanceof DirectoryIteratorException ? ((DirectoryIteratorException) e).getCause() : (IOException) e;
            throw new SpoolException("spoolDir '" + directory + "' cannot be read: " + IoErrors.describe(cause), cause);
        }
        List<SpoolFile> files = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.endsWith(SpoolFileName.TEMP_SUFFIX)) {
                deleteUnfinished(entry);
            } else if (name.endsWith(SpoolFileName.SUFFIX)) {
                Optional<SpoolFileName> parsed = SpoolFileName.parse(name);
                if (parsed.isEmpty()) {
                    quarantine(name, "the name is not " + SpoolFileName.FORMAT);
                } else {
                    sizeOf(entry).ifPresent(bytes -> files.add(new SpoolFile(parsed.get(), bytes)));
                }
            }
        }
        files.sort(Comparator.comparing(SpoolFile::name));
        return files;
    }

    /**
     * Writes a batch file so that it appears complete or not at all: into a temporary file, forced to
     * disk, then renamed atomically.
     */
    void write(SpoolFileName name, byte[] tag, byte[] entries, int length, int eventCount) throws IOException {
        Path temp = directory.resolve(name.tempFileName());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                SpoolFileFormat.write(channel, tag, entries, length, eventCount);
                channel.force(true);
            }
            Files.move(temp, directory.resolve(name.fileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            IOException failure = new IOException("spool file '" + temp + "' could not be written: " + IoErrors.describe(e), e);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        forceDirectory();
    }

    /** Reads and verifies one batch file, no larger than {@code limits} allow. */
    SpoolFileFormat.Content read(SpoolFileName name, BatchLimits limits) throws IOException, CorruptSpoolFileException {
        SpoolFileFormat.Content content;
        try (FileChannel channel = FileChannel.open(directory.resolve(name.fileName()), StandardOpenOption.READ)) {
            content = SpoolFileFormat.read(channel, channel.size(), limits);
        }
        if (content.eventCount() != name.eventCount()) {
            throw new CorruptSpoolFileException(name.eventCount() + " events in the name but "
                    + content.eventCount() + " in the file");
        }
        return content;
    }

    void delete(SpoolFileName name) throws IOException {
        Files.deleteIfExists(directory.resolve(name.fileName()));
    }

    /**
     * Moves a corrupt file into {@code corrupt/} with a warning.
     *
     * @return whether it left the spool directory
     */
    boolean quarantine(String fileName, String why) {
        Path corrupt = directory.resolve(CORRUPT_DIR);
        String where = corrupt + File.separator;
        try {
            Files.createDirectories(corrupt);
            Files.move(directory.resolve(fileName), corrupt.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            warnings.accept("spool file '" + fileName + "' is corrupt (" + why + ") and could not be moved to "
                    + where + " (" + IoErrors.describe(e) + "); skipped");
            return false;
        }
        warnings.accept("spool file '" + fileName + "' is corrupt (" + why + "); moved to " + where);
        return true;
    }

    private void deleteUnfinished(Path temp) {
        String name = temp.getFileName().toString();
        try {
            Files.deleteIfExists(temp);
            warnings.accept("spool file '" + name + "' was left unfinished by an interrupted write; deleted");
        } catch (IOException e) {
            warnings.accept("spool file '" + name + "' was left unfinished by an interrupted write and could not be deleted ("
                    + IoErrors.describe(e) + ")");
        }
    }

    private Optional<Long> sizeOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? Optional.of(attributes.size()) : Optional.empty();
        } catch (IOException e) {
            warnings.accept("spool file '" + file.getFileName() + "' could not be read (" + IoErrors.describe(e)
                    + "); skipped until the next start");
            return Optional.empty();
        }
    }

    /** Makes the rename itself durable. */
    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Some platforms (Windows) cannot open a directory; there the rename is as durable as the OS makes it.
        }
    }
}
