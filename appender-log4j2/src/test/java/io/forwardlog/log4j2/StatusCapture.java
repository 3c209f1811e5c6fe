package io.forwardlog.log4j2;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Keeps what Log4j2's StatusLogger reports while it is open, as {@code "LEVEL message"}. */
final class StatusCapture implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final StatusListener listener = new StatusListener() {
        @Override
        public void log(StatusData data) {
            messages.add(data.getLevel() + " " + data.getMessage().getFormattedMessage());
        }

        @Override
        public Level getStatusLevel() {
            return Level.INFO;
        }

        @Override
        public void close() {
            // StatusLogger calls this on removal; there is nothing to release
        }
    };

    private StatusCapture() {
    }

    static StatusCapture start() {
        StatusCapture capture = new StatusCapture();
        StatusLogger.getLogger().registerListener(capture.listener);
        return capture;
    }

    /** Every message so far, oldest first. */
    List<String> messages() {
        return List.copyOf(messages);
    }

    /** The messages from forwardlog (starting with {@code forwardlog '}) at {@code level}, without the level. */
    List<String> forwardlog(Level level) {
        String prefix = level + " forwardlog '";
        return messages.stream().filter(m -> m.startsWith(prefix)).map(m -> m.substring(level.name().length() + 1))
                .toList();
    }

    @Override
    public void close() {
        StatusLogger.getLogger().removeListener(listener);
    }
}
