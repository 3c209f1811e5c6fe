package io.forwardlog.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.forwardlog.ThrowableView;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ThrowableView} over the proxy Logback keeps instead of the throwable. Each proxy holds the
 * throwable's whole stack trace; core folds the frames a cause shares with its enclosing trace.
 */
final class LogbackThrowable implements ThrowableView {

    private final IThrowableProxy proxy;

    private LogbackThrowable(IThrowableProxy proxy) {
        this.proxy = proxy;
    }

    static ThrowableView of(IThrowableProxy proxy) {
        if (proxy == null) {
            return null;
        }
        if (proxy.isCyclic() && proxy instanceof ThrowableProxy local && local.getThrowable() != null) {
            // Logback keeps a throwable it met before as a frameless stand-in, but it meets a cause before
            // the suppressed throwables where the JDK prints them after: a fresh proxy has the frames, and
            // core still cuts a true cycle, since views of one throwable are equal
            return new LogbackThrowable(new ThrowableProxy(local.getThrowable()));
        }
        return new LogbackThrowable(proxy);
    }

    @Override
    public String className() {
        return proxy.getClassName();
    }

    /**
     * What the throwable's own {@code toString()} gives, as the JDK prints it. Taken from the throwable
     * itself rather than from {@code IThrowableProxy.getOverridingMessage()}, which only Logback 1.5.22
     * and later have; a proxy without its throwable (one read from a socket) gives class and message.
     */
    @Override
    public String summary() {
        if (proxy instanceof ThrowableProxy local && local.getThrowable() != null) {
            return local.getThrowable().toString();
        }
        return ThrowableView.super.summary();
    }

    @Override
    public String message() {
        return proxy.getMessage();
    }

    @Override
    public StackTraceElement[] stackTrace() {
        StackTraceElementProxy[] frames = proxy.getStackTraceElementProxyArray();
        if (frames == null) {
            return new StackTraceElement[0];
        }
        StackTraceElement[] trace = new StackTraceElement[frames.length];
        for (int i = 0; i < frames.length; i++) {
            trace[i] = frames[i].getStackTraceElement();
        }
        return trace;
    }

    @Override
    public ThrowableView cause() {
        return of(proxy.getCause());
    }

    @Override
    public List<ThrowableView> suppressed() {
        IThrowableProxy[] suppressed = proxy.getSuppressed();
        if (suppressed == null) {
            return List.of();
        }
        List<ThrowableView> views = new ArrayList<>(suppressed.length);
        for (IThrowableProxy s : suppressed) {
            views.add(of(s));
        }
        return views;
    }

    /**
     * Two views are equal when they show the same throwable, so that core recognises a throwable it has
     * printed already and writes {@code [CIRCULAR REFERENCE: ...]}, as the JDK does.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof LogbackThrowable view && identity() == view.identity();
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(identity());
    }

    private Object identity() {
        if (proxy instanceof ThrowableProxy local && local.getThrowable() != null) {
            return local.getThrowable();
        }
        return proxy;
    }
}
