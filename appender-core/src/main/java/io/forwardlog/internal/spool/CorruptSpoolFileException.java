package io.forwardlog.internal.spool;

/** A spool file that cannot be a batch we wrote; the message says why, e.g. {@code checksum mismatch}. */
final class CorruptSpoolFileException extends Exception {

    private static final long serialVersionUID = 1L;

    CorruptSpoolFileException(String why) {
        super(why);
    }
}
