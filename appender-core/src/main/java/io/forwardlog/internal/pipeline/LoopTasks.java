package io.forwardlog.internal.pipeline;

import io.forwardlog.internal.transport.IoLoop;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Work other threads hand to the I/O loop (a DNS lookup's result): queued, the loop woken, and run by
 * the loop at its next round, so the state it touches keeps one owner.
 */
final class LoopTasks implements Executor {

    private final IoLoop loop;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    LoopTasks(IoLoop loop) {
        this.loop = loop;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        loop.wakeup();
    }

    /** Runs what was handed over so far. Loop thread. */
    void runAll() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }
}
