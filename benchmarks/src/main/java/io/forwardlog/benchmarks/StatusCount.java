package io.forwardlog.benchmarks;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** Counts the warnings and errors an appender reports to Logback's status manager, and keeps the first few. */
final class StatusCount implements StatusListener {

    private static final int KEPT = 3;
    private static final int LONGEST = 160;

    private final LongAdder warnings = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final List<String> first = new ArrayList<>();

    @Override
    public void addStatusEvent(Status status) {
        if (status.getLevel() < Status.WARN) {
            return;
        }
        (status.getLevel() == Status.WARN ? warnings : errors).increment();
        synchronized (first) {
            if (first.size() < KEPT) {
                String text = status.getMessage();
                first.add((status.getLevel() == Status.WARN ? "WARN " : "ERROR ")
                        + (text.length() > LONGEST ? text.substring(0, LONGEST) + "..." : text));
            }
        }
    }

    /** E.g. {@code 2 warnings, 0 errors (WARN ..., WARN ...)}. */
    String summary() {
        synchronized (first) {
            return warnings.sum() + " warnings, " + errors.sum() + " errors"
                    + (first.isEmpty() ? "" : " (first: " + String.join(" | ", first) + ")");
        }
    }
}
