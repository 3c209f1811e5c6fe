package io.forwardlog.internal.pipeline;

import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the sender thread: callers signal when there is new work (a full batch, a new tag, an ack,
 * a node state change); the sender waits for a signal or a deadline. A signal sent while the sender
 * is busy is kept, so none is lost.
 */
final class Wakeup {

    private volatile Thread waiter;
    private volatile boolean signalled;

    void signal() {
        signalled = true;
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Waits up to {@code nanos} for a signal; returns at once if one is pending, and clears it. */
    void await(long nanos) {
        if (nanos <= 0 || signalled) {
            signalled = false;
            return;
        }
        waiter = Thread.currentThread();
        long deadline = System.nanoTime() + nanos;
        try {
            while (!signalled) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || Thread.currentThread().isInterrupted()) {
                    break;
                }
                LockSupport.parkNanos(this, left);
            }
        } finally {
            waiter = null;
            signalled = false;
        }
    }
}
