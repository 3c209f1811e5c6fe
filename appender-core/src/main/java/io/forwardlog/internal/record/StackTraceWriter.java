package io.forwardlog.internal.record;

import io.forwardlog.ThrowableView;
import java.util.HashSet;
import java.util.Set;

/**
 * Formats a throwable the way {@link Throwable#printStackTrace()} does: the trace, then every cause
 * ({@code Caused by:}) and suppressed throwable ({@code Suppressed:}, indented), with the frames a
 * nested trace shares with its enclosing one folded into {@code ... n more}. A cycle of causes is cut
 * with {@code [CIRCULAR REFERENCE: ...]}, as the JDK does.
 */
public final class StackTraceWriter {

    private static final int MAX_DEPTH = 64;

    private StackTraceWriter() {
    }

    public static String format(ThrowableView throwable) {
        StringBuilder out = new StringBuilder(2048);
        Set<ThrowableView> seen = new HashSet<>();
        seen.add(throwable);
        appendHeader(out, throwable);
        StackTraceElement[] trace = throwable.stackTrace();
        for (StackTraceElement frame : trace) {
            out.append("\n\tat ").append(frame);
        }
        for (ThrowableView suppressed : throwable.suppressed()) {
            appendEnclosed(out, suppressed, trace, "Suppressed: ", "\t", seen, 1);
        }
        ThrowableView cause = throwable.cause();
        if (cause != null) {
            appendEnclosed(out, cause, trace, "Caused by: ", "", seen, 1);
        }
        return out.toString();
    }

    private static void appendEnclosed(StringBuilder out, ThrowableView t, StackTraceElement[] enclosing, String caption,
                                       String prefix, Set<ThrowableView> seen, int depth) {
        if (!seen.add(t) || depth > MAX_DEPTH) {
            out.append('\n').append(prefix).append(caption).append("[CIRCULAR REFERENCE: ");
            appendHeader(out, t);
            out.append(']');
            return;
        }
        StackTraceElement[] trace = t.stackTrace();
        int m = trace.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        int inCommon = trace.length - 1 - m;
        out.append('\n').append(prefix).append(caption);
        appendHeader(out, t);
        for (int i = 0; i <= m; i++) {
            out.append('\n').append(prefix).append("\tat ").append(trace[i]);
        }
        if (inCommon != 0) {
            out.append('\n').append(prefix).append("\t... ").append(inCommon).append(" more");
        }
        for (ThrowableView suppressed : t.suppressed()) {
            appendEnclosed(out, suppressed, trace, "Suppressed: ", prefix + "\t", seen, depth + 1);
        }
        ThrowableView cause = t.cause();
        if (cause != null) {
            appendEnclosed(out, cause, trace, "Caused by: ", prefix, seen, depth + 1);
        }
    }

    private static void appendHeader(StringBuilder out, ThrowableView t) {
        out.append(t.summary());
    }
}
