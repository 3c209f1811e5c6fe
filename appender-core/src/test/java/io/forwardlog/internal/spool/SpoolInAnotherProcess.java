package io.forwardlog.internal.spool;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link SpoolLockTest}: opens the spool directory given as the argument and
 * prints {@code locked}, then holds it until its standard input closes; or prints
 * {@code refused: <message>} and exits.
 */
final class SpoolInAnotherProcess {

    private SpoolInAnotherProcess() {
    }

    public static void main(String[] args) throws IOException {
        Spool spool;
        try {
            spool = Spool.open(Path.of(args[0]), 1024 * 1024, SpoolBatches.LIMITS, warning -> { });
        } catch (SpoolException e) {
            System.out.println("refused: " + e.getMessage());
            return;
        }
        try {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // holds the directory until the parent closes our standard input
            }
        } finally {
            spool.close();
        }
    }
}
