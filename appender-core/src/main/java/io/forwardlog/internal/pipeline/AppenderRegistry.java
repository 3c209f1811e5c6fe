package io.forwardlog.internal.pipeline;

import io.forwardlog.RunningAppender;
import io.forwardlog.RunningAppenders;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The running appenders of this class loader and those who watch them. One lock orders everything:
 * a watcher is told of an appender's start before its stop, is told at once of those running when it
 * is added, and is never called by two threads at a time.
 */
public final class AppenderRegistry {

    private static final Object LOCK = new Object();
    private static final List<PipelineView> RUNNING = new ArrayList<>();
    private static final List<RunningAppenders.Watcher> WATCHERS = new ArrayList<>();

    private AppenderRegistry() {
    }

    public static List<RunningAppender> list() {
        synchronized (LOCK) {
            return List.copyOf(RUNNING);
        }
    }

    public static RunningAppenders.Watch watch(RunningAppenders.Watcher watcher) {
        synchronized (LOCK) {
            WATCHERS.add(watcher);
            for (PipelineView view : RUNNING) {
                tell(watcher, view, "started", RunningAppenders.Watcher::started);
            }
        }
        return () -> {
            synchronized (LOCK) {
                WATCHERS.remove(watcher);
            }
        };
    }

    static void started(PipelineView view) {
        synchronized (LOCK) {
            RUNNING.add(view);
            tellAll(view, "started", RunningAppenders.Watcher::started);
        }
    }

    static void nodesChanged(PipelineView view) {
        synchronized (LOCK) {
            if (RUNNING.contains(view)) {
                tellAll(view, "nodesChanged", RunningAppenders.Watcher::nodesChanged);
            }
        }
    }

    static void stopped(PipelineView view) {
        synchronized (LOCK) {
            if (RUNNING.remove(view)) {
                tellAll(view, "stopped", RunningAppenders.Watcher::stopped);
            }
        }
    }

    private interface Call {
        void on(RunningAppenders.Watcher watcher, RunningAppender appender);
    }

    private static void tellAll(PipelineView view, String what, Call call) {
        for (RunningAppenders.Watcher watcher : List.copyOf(WATCHERS)) {
            tell(watcher, view, what, call);
        }
    }

    /** A watcher's failure is its own: reported, and neither the appender nor other watchers notice. */
    private static void tell(RunningAppenders.Watcher watcher, PipelineView view, String what, Call call) {
        try {
            call.on(watcher, view);
        } catch (RuntimeException | LinkageError e) {
            Consumer<String> warn = view.warnings();
            warn.accept("a watcher of running appenders (" + watcher.getClass().getName() + ") failed when told '"
                    + what + "': " + e);
        }
    }
}
