package io.forwardlog;

import java.util.ArrayList;
import java.util.List;

/** {@link ThrowableView} over a {@link Throwable}. */
final class JavaThrowableView implements ThrowableView {

    private final Throwable throwable;

    JavaThrowableView(Throwable throwable) {
        this.throwable = throwable;
    }

    @Override
    public String className() {
        return throwable.getClass().getName();
    }

    @Override
    public String message() {
        return throwable.getMessage();
    }

    @Override
    public String summary() {
        return throwable.toString();
    }

    @Override
    public StackTraceElement[] stackTrace() {
        return throwable.getStackTrace();
    }

    @Override
    public ThrowableView cause() {
        Throwable cause = throwable.getCause();
        return cause == null || cause == throwable ? null : new JavaThrowableView(cause);
    }

    @Override
    public List<ThrowableView> suppressed() {
        Throwable[] suppressed = throwable.getSuppressed();
        List<ThrowableView> views = new ArrayList<>(suppressed.length);
        for (Throwable s : suppressed) {
            views.add(new JavaThrowableView(s));
        }
        return views;
    }

    /** Two views are equal when they show the same throwable, so a cycle of causes is recognised. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JavaThrowableView view && view.throwable == throwable;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(throwable);
    }
}
