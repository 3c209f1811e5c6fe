package io.forwardlog;

/**
 * One node of a {@link RunningAppender}, live: each call of {@link #status()} reads its current state and
 * counts, which the appender's I/O thread publishes. Safe from any thread.
 */
public interface RunningNode {

    /** The node's name in the upstream file. */
    String name();

    /** Its state and counts now. */
    NodeStatus status();
}
