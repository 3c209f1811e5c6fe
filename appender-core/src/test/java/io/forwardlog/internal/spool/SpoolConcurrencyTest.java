package io.forwardlog.internal.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolConcurrencyTest {

    private static final int WRITERS = 2; // lastPerWriter below has one slot per writer
    private static final int BATCHES_PER_WRITER = 25;

    @TempDir
    Path dir;

    @Test
    void handsOutEveryBatchExactlyOnceWhileTwoThreadsWriteAndAnotherDeletes() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1, runnable -> {
            Thread thread = new Thread(runnable, "spool-test-writer");
            thread.setDaemon(true);
            return thread;
        });
        try (Spool spool = Spool.open(dir, 1024 * 1024, SpoolBatches.LIMITS, warning -> { })) {
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int id = writer;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < BATCHES_PER_WRITER; i++) {
                        byte[] entries = ByteBuffer.allocate(8).putInt(id).putInt(i).array();
                        assertTrue(spool.write("writer-" + id, entries, entries.length, 1));
                    }
                    return null;
                }));
            }
            Set<String> seen = new HashSet<>();
            int[] lastPerWriter = {-1, -1};
            List<Future<?>> deletes = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.size() < WRITERS * BATCHES_PER_WRITER) {
                assertTrue(System.nanoTime() < deadline, "only " + seen.size() + " batches arrived within 10s");
                SpooledBatch batch = spool.poll();
                if (batch != null) {
                    ByteBuffer entries = ByteBuffer.wrap(batch.entries());
                    int writer = entries.getInt();
                    int index = entries.getInt();
                    assertTrue(seen.add(writer + "/" + index), "handed out twice: " + writer + "/" + index);
                    assertEquals(lastPerWriter[writer] + 1, index, "out of order for writer " + writer);
                    lastPerWriter[writer] = index;
                    deletes.add(threads.submit(batch::delete));
                } else {
                    Thread.onSpinWait();
                }
            }
            for (Future<?> task : writers) {
                task.get(10, TimeUnit.SECONDS);
            }
            for (Future<?> task : deletes) {
                task.get(10, TimeUnit.SECONDS);
            }
            assertEquals(0, spool.sizeBytes());
            assertEquals(0, spool.pendingFiles());
        } finally {
            threads.shutdownNow();
        }
    }
}
