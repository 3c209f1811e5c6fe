package io.forwardlog.internal.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolLockTest {

    private static final long CAPACITY = 1024 * 1024;
    private static final long CHILD_DEADLINE_SECONDS = 20;

    @TempDir
    Path temp;

    private Path dir() {
        return temp.resolve("spool");
    }

    private static Spool open(Path directory) throws SpoolException {
        return Spool.open(directory, CAPACITY, SpoolBatches.LIMITS, warning -> { });
    }

    private String alreadyUsed(Path directory) {
        return "spoolDir '" + directory + "' is already used by another appender; give each appender its own spoolDir";
    }

    @Test
    void refusesASecondOpenOfTheSameDirectoryInThisJvmAndOpensAgainAfterClose() throws Exception {
        Spool first = open(dir());

        SpoolException refused = assertThrows(SpoolException.class, () -> open(dir()));

        assertEquals(alreadyUsed(dir()), refused.getMessage());
        first.close();
        open(dir()).close();
    }

    @Test
    void refusesTheSameDirectoryReachedThroughAnotherPath() throws Exception {
        Path detour = dir().resolve("..").resolve("spool");
        Spool first = open(dir());
        try {
            SpoolException refused = assertThrows(SpoolException.class, () -> open(detour));

            assertEquals(alreadyUsed(detour), refused.getMessage());
        } finally {
            first.close();
        }
    }

    @Test
    void refusesToOpenWhileAnotherProcessHoldsTheDirectoryAndOpensAfterItExits() throws Exception {
        Process holder = startInAnotherProcess();
        try {
            assertEquals("locked", firstLine(holder));

            SpoolException refused = assertThrows(SpoolException.class, () -> open(dir()));
            assertEquals(alreadyUsed(dir()), refused.getMessage());

            holder.getOutputStream().close();
            assertTrue(holder.waitFor(CHILD_DEADLINE_SECONDS, TimeUnit.SECONDS), "the child JVM did not exit");
        } finally {
            holder.destroyForcibly();
        }
        open(dir()).close();
    }

    @Test
    void keepsTheDirectoryLockedForOtherProcessesAfterRefusingASecondOpenInThisJvm() throws Exception {
        Spool first = open(dir());
        try {
            assertThrows(SpoolException.class, () -> open(dir()));

            Process other = startInAnotherProcess();
            try {
                assertEquals("refused: " + alreadyUsed(dir()), firstLine(other));
                assertTrue(other.waitFor(CHILD_DEADLINE_SECONDS, TimeUnit.SECONDS), "the child JVM did not exit");
            } finally {
                other.destroyForcibly();
            }
        } finally {
            first.close();
        }
    }

    private Process startInAnotherProcess() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SpoolInAnotherProcess.class.getName(), dir().toString())
                .redirectError(temp.resolve("child-stderr.txt").toFile())
                .start();
    }

    /** The child's first line of output, awaited with a deadline. */
    private String firstLine(Process child) throws Exception {
        BufferedReader output = child.inputReader();
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String first = line.get(CHILD_DEADLINE_SECONDS, TimeUnit.SECONDS);
            assertTrue(first != null, () -> "the child JVM exited without a word; its stderr: " + childStderr());
            return first;
        } catch (TimeoutException | ExecutionException e) {
            child.destroyForcibly();
            throw new AssertionError("no line from the child JVM within " + CHILD_DEADLINE_SECONDS + "s; its stderr: "
                    + childStderr(), e);
        }
    }

    private String childStderr() {
        try {
            return Files.readString(temp.resolve("child-stderr.txt"));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
