package io.forwardlog.micrometer;

import io.forwardlog.RunningAppender;
import io.forwardlog.RunningAppenders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One registry's meters for the running appenders, kept in step with their starts, stops and node changes.
 * Two appenders of one name (a reconfiguration starts the new one before it stops the old) share one set of
 * meters, bound to the one started last; when it stops, they are bound to the other, or removed.
 */
final class RegistryBinding implements RunningAppenders.Watcher {

    private final MeterRegistry registry;
    private final Tags tags;
    /** The running appenders of each name, in start order. */
    private final Map<String, List<RunningAppender>> running = new HashMap<>();
    private final Map<String, AppenderMeters> bound = new HashMap<>();
    private RunningAppenders.Watch watch;
    private boolean closed;

    RegistryBinding(MeterRegistry registry, Tags tags) {
        this.registry = registry;
        this.tags = tags;
    }

    /** Starts watching: the appenders running now get their meters at once. */
    void open() {
        RunningAppenders.Watch opened = RunningAppenders.watch(this);
        synchronized (this) {
            watch = opened;
            if (!closed) {
                return;
            }
        }
        opened.close();
    }

    /** Stops watching and removes every meter. */
    void close() {
        RunningAppenders.Watch toClose;
        synchronized (this) {
            closed = true;
            toClose = watch;
            bound.values().forEach(AppenderMeters::remove);
            bound.clear();
            running.clear();
        }
        // outside this lock: the registry calls the watchers under its own, which is always taken first
        if (toClose != null) {
            toClose.close();
        }
    }

    @Override
    public synchronized void started(RunningAppender appender) {
        if (!closed) {
            running.computeIfAbsent(appender.name(), n -> new ArrayList<>()).add(appender);
            rebind(appender.name());
        }
    }

    @Override
    public synchronized void nodesChanged(RunningAppender appender) {
        AppenderMeters meters = bound.get(appender.name());
        if (closed || meters == null || meters.appender() != appender) {
            return;
        }
        if (meters.upstream().equals(appender.upstreamName())) {
            meters.reconcileNodes();
        } else {
            // the upstream is a tag of every meter
            meters.remove();
            bound.put(appender.name(), AppenderMeters.register(registry, tags, appender));
        }
    }

    @Override
    public synchronized void stopped(RunningAppender appender) {
        List<RunningAppender> named = running.get(appender.name());
        if (closed || named == null) {
            return;
        }
        named.remove(appender);
        if (named.isEmpty()) {
            running.remove(appender.name());
        }
        rebind(appender.name());
    }

    /** Binds the meters of {@code name} to the appender of that name started last, or removes them. */
    private void rebind(String name) {
        List<RunningAppender> named = running.get(name);
        RunningAppender newest = named == null ? null : named.get(named.size() - 1);
        AppenderMeters meters = bound.get(name);
        if (meters != null && meters.appender() == newest) {
            return;
        }
        if (meters != null) {
            meters.remove();
            bound.remove(name);
        }
        if (newest != null) {
            bound.put(name, AppenderMeters.register(registry, tags, newest));
        }
    }
}
