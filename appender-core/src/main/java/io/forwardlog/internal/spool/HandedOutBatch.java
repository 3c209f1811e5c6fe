package io.forwardlog.internal.spool;

/** A batch {@link Spool#poll()} handed out; deleting it goes back to its spool. */
final class HandedOutBatch implements SpooledBatch {

    private final Spool spool;
    private final SpoolFile file;
    private final SpoolFileFormat.Content content;

    HandedOutBatch(Spool spool, SpoolFile file, SpoolFileFormat.Content content) {
        this.spool = spool;
        this.file = file;
        this.content = content;
    }

    SpoolFile file() {
        return file;
    }

    @Override
    public String tag() {
        return content.tag();
    }

    @Override
    public byte[] entries() {
        return content.entries();
    }

    @Override
    public int eventCount() {
        return content.eventCount();
    }

    @Override
    public void delete() {
        spool.delete(this);
    }

    @Override
    public String toString() {
        return "SpooledBatch[" + file.name().fileName() + ", " + content.tag() + ", " + content.eventCount() + " events]";
    }
}
