package io.forwardlog.upstream;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Follows {@code @INCLUDE} (classic) and {@code includes:} (YAML): resolves a path against the including
 * file, expands a {@code *} glob in the file name in sorted order, and refuses a file that is already
 * being read (a cycle) or was read before, as Fluent Bit does.
 */
final class Includes {

    /** Parses one file's text; it may call back into {@link #include} for the files it includes. */
    interface FileParser {
        void parse(Path file, String text) throws UpstreamFileException;
    }

    /** How many files may be open in one chain of includes, the top file included. */
    static final int MAX_DEPTH = 32;

    private record Reading(Path identity, Path shown) {
    }

    private final Deque<Reading> reading = new ArrayDeque<>();
    private final Map<Path, String> includedAt = new HashMap<>();

    /** Reads and parses the file the user gave. */
    void readTop(Path file, FileParser parser) throws UpstreamFileException {
        String text = SourceFile.read(file);
        includedAt.put(identity(file), file.toString());
        read(file, text, parser);
    }

    /** Reads and parses the files that {@code pattern}, written at {@code from:line}, names. */
    void include(String pattern, Path from, int line, FileParser parser) throws UpstreamFileException {
        if (reading.size() >= MAX_DEPTH) {
            throw new UpstreamFileException(from, line, "cannot include '" + pattern + "': includes are nested "
                    + MAX_DEPTH + " files deep, the most there may be");
        }
        for (Path file : expand(pattern, from, line)) {
            Path identity = identity(file);
            if (reading.stream().anyMatch(r -> r.identity().equals(identity))) {
                throw new UpstreamFileException(from, line, "include cycle: " + chain(identity, file));
            }
            String first = includedAt.get(identity);
            if (first != null) {
                throw new UpstreamFileException(from, line, "'" + pattern + "' includes " + file
                        + " a second time (first included at " + first + "); a file may be included only once");
            }
            includedAt.put(identity, from + ":" + line);
            read(file, readIncluded(pattern, file, from, line), parser);
        }
    }

    private void read(Path file, String text, FileParser parser) throws UpstreamFileException {
        reading.push(new Reading(identity(file), file));
        try {
            parser.parse(file, text);
        } finally {
            reading.pop();
        }
    }

    private static String readIncluded(String pattern, Path file, Path from, int line) throws UpstreamFileException {
        try {
            return SourceFile.read(file);
        } catch (UpstreamFileException e) {
            if (e.line() > 0) {
                throw e;
            }
            // a file-level problem (missing, too large) is reported where the include was written
            throw new UpstreamFileException(from, line, "cannot include '" + pattern + "': " + e.getMessage(), e);
        }
    }

    private static List<Path> expand(String pattern, Path from, int line) throws UpstreamFileException {
        Path written;
        try {
            written = Path.of(pattern);
        } catch (InvalidPathException e) {
            throw new UpstreamFileException(from, line, "'" + pattern + "' is not a valid path: " + e.getReason(), e);
        }
        Path resolved = from.getParent() == null ? written : from.getParent().resolve(written);
        Path dir = resolved.getParent() == null ? Path.of("") : resolved.getParent();
        if (dir.toString().contains("*")) {
            throw new UpstreamFileException(from, line, "'" + pattern + "': a '*' may appear only in the file name, "
                    + "not in a directory");
        }
        Path name = resolved.getFileName();
        if (name == null || !name.toString().contains("*")) {
            return List.of(resolved);
        }
        List<Path> matches = matching(dir, name.toString(), from, line, pattern);
        if (matches.isEmpty()) {
            throw new UpstreamFileException(from, line, "'" + pattern + "' matches no file");
        }
        return matches;
    }

    private static List<Path> matching(Path dir, String glob, Path from, int line, String pattern)
            throws UpstreamFileException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        PathMatcher matcher;
        try {
            matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
        } catch (PatternSyntaxException e) {
            throw new UpstreamFileException(from, line, "'" + pattern + "' is not a valid pattern: "
                    + e.getDescription(), e);
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                // directories are left out; a FIFO or device is kept, for SourceFile to refuse by name
                if (matcher.matches(file.getFileName()) && !Files.isDirectory(file)) {
                    found.add(file);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            throw new UpstreamFileException(from, line, "cannot list the files for '" + pattern + "': "
                    + e.getMessage(), e);
        }
        found.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return found;
    }

    private String chain(Path identity, Path file) {
        List<Reading> outermostFirst = new ArrayList<>(reading);
        Collections.reverse(outermostFirst);
        int start = 0;
        while (!outermostFirst.get(start).identity().equals(identity)) {
            start++;
        }
        List<String> names = outermostFirst.subList(start, outermostFirst.size()).stream()
                .map(r -> fileName(r.shown()))
                .collect(Collectors.toCollection(ArrayList::new));
        names.add(fileName(file));
        return String.join(" -> ", names);
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** The same file reached by two spellings (a symlink, {@code ../}) is one file. */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
