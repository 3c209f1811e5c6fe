package io.forwardlog;

import java.util.List;

/**
 * A started appender as monitoring sees it, from {@link RunningAppenders}: what it has done so far and its
 * nodes. Every method reads a snapshot the appender publishes and never waits for its I/O; safe from any
 * thread.
 */
public interface RunningAppender {

    /** The appender's name, as in the logging configuration. */
    String name();

    /** The name of the upstream in force; while the upstream file is awaited, the file's path. */
    String upstreamName();

    /** Everything it counts, with each node's status. */
    PipelineStats stats();

    /**
     * The nodes of the upstream in force, then those retiring after a reload (a node changed by a reload is
     * there twice, under one name: retiring, and in force).
     */
    List<RunningNode> nodes();
}
