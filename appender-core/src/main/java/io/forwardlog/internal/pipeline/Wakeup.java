package io.forwardlog.internal.pipeline;

/**
 * Wakes the sender: callers signal when there is new work (a full batch, a new tag); the sender's loop
 * keeps a signal sent while it is busy, so none is lost.
 */
@FunctionalInterface
interface Wakeup {

    void signal();
}
