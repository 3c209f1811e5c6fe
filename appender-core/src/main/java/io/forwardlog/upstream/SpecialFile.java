package io.forwardlog.upstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Names what a path that is neither a regular file nor a directory is, for a message. */
final class SpecialFile {

    // the file type bits of st_mode (POSIX <sys/stat.h>)
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private SpecialFile() {
    }

    /** E.g. {@code a named pipe (FIFO)}; {@code not a regular file} where the platform does not say. */
    static String kind(Path file) {
        Object mode;
        try {
            // the "unix" view is the JDK's on Linux and macOS; reading it, like stat(2), never opens the file
            mode = Files.getAttribute(file, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
        if (!(mode instanceof Integer bits)) {
            return "a special file";
        }
        return switch (bits & TYPE_MASK) {
            case FIFO -> "a named pipe (FIFO)";
            case CHARACTER_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            case SOCKET -> "a socket";
            default -> "a special file";
        };
    }
}
