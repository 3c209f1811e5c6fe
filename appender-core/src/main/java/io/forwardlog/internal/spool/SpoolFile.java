package io.forwardlog.internal.spool;

/** A batch file on disk: its name and its size in bytes. */
record SpoolFile(SpoolFileName name, long bytes) {
}
