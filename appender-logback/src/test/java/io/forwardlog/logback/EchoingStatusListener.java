package io.forwardlog.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A status listener that logs every status it gets, as a careless application might; it keeps the threads it ran on. */
public final class EchoingStatusListener extends ContextAwareBase implements StatusListener {

    private final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void addStatusEvent(Status status) {
        threads.add(Thread.currentThread().getName());
        ((LoggerContext) getContext()).getLogger("status.echo").warn(status.getMessage());
    }

    List<String> threads() {
        return threads;
    }
}
