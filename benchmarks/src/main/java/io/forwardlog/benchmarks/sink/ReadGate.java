package io.forwardlog.benchmarks.sink;

/**
 * Holds a sink's readers between frames while reading is stopped, so that a client's writes fill the
 * socket buffers and then stall, as against a node that accepts but reads nothing.
 */
final class ReadGate {

    private boolean stopped; // guarded by this
    private boolean closed; // guarded by this

    synchronized void stopReading(boolean stop) {
        stopped = stop;
        notifyAll();
    }

    /** The sink closes: every reader held here goes on, to find its socket closed. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Returns at once while reading goes on; while it is stopped, once it resumes or the sink closes. */
    synchronized void pass() throws InterruptedException {
        while (stopped && !closed) {
            wait();
        }
    }
}
