package io.forwardlog.internal.transport;

/** Told by the {@link IoLoop} that its channel is ready; runs on the loop's thread and never blocks. */
public interface IoHandler {

    /** @param readyOps the {@link java.nio.channels.SelectionKey} operations that are ready */
    void ready(int readyOps);

    /**
     * The handler threw while handling readiness: an error of our own, or of a library on input a
     * peer chose. The handler must end its channel; the loop goes on with the others.
     */
    void failed(RuntimeException error);
}
