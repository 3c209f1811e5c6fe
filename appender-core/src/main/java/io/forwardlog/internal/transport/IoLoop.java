package io.forwardlog.internal.transport;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;

/**
 * One selector and the thread that runs it: every channel of an appender (connections to nodes, the
 * UDP heartbeat socket) is registered here and handled on that one thread, so connection state has a
 * single owner, no thread waits on a node, and the number of threads does not grow with the number
 * of nodes. Other threads only {@link #wakeup()} it.
 */
public final class IoLoop implements AutoCloseable {

    private final Selector selector;
    private volatile boolean sleeping;
    private volatile boolean signalled;

    private IoLoop(Selector selector) {
        this.selector = selector;
    }

    public static IoLoop open() throws IOException {
        return new IoLoop(Selector.open());
    }

    /** Registers {@code channel} (non-blocking) with {@code ops} for {@code handler}. Loop thread. */
    public SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    /**
     * Waits until a channel is ready, {@link #wakeup()} is called, or {@code timeoutNanos} pass, then
     * runs the handlers of the ready channels. Returns at once when a wakeup came since the last call.
     */
    public void select(long timeoutNanos) throws IOException {
        sleeping = true;
        try {
            if (signalled || timeoutNanos <= 0) {
                selector.selectNow();
            } else {
                selector.select(Math.max(1, Math.min(timeoutNanos / 1_000_000 + 1, Long.MAX_VALUE / 2)));
            }
        } finally {
            sleeping = false;
            signalled = false;
        }
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
            SelectionKey key = ready.next();
            ready.remove();
            if (!key.isValid()) {
                continue;
            }
            IoHandler handler = (IoHandler) key.attachment();
            int ops;
            try {
                ops = key.readyOps();
            } catch (java.nio.channels.CancelledKeyException e) {
                continue;
            }
            try {
                handler.ready(ops);
            } catch (RuntimeException e) {
                handler.failed(e);
            }
        }
    }

    /** Makes the current or next {@link #select} return at once. Any thread; cheap when the loop is busy. */
    public void wakeup() {
        signalled = true;
        if (sleeping) {
            selector.wakeup();
        }
    }

    /** Closes the selector; the channels must be closed by their owners. */
    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing is left to do with a selector that fails to close
        }
    }
}
