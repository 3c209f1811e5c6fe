package io.forwardlog.log4j2;

import io.forwardlog.ForwardPipeline;
import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.LogEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractManager;
import org.apache.logging.log4j.core.appender.ManagerFactory;

/**
 * One {@link ForwardPipeline} shared by every {@code <Forward>} appender with the same name and
 * settings, counted by Log4j2: a reconfiguration that keeps the settings gets this manager again, with
 * its connections and buffered events, while the old configuration lets go of it. When the last
 * appender lets go, the pipeline stops, delivering what it holds within {@code shutdownTimeout}.
 *
 * <p>A reconfiguration that changes the settings gets a new manager, whose pipeline starts before the
 * old one stops. A spool directory cannot be in both at once, so when the running manager of the same
 * appender holds the new settings' {@code spoolDir}, the appender keeps the running manager, and its
 * settings, and says so: that loses nothing, where refusing the appender would lose every event.
 */
final class ForwardManager extends AbstractManager {

    private static final ManagerFactory<ForwardManager, Data> FACTORY =
            (name, data) -> new ForwardManager(data.context(), name, data.settings());

    /** The managers whose pipeline runs. */
    private static final Set<ForwardManager> RUNNING = ConcurrentHashMap.newKeySet();

    private final ForwardSettings settings;
    private final ForwardPipeline pipeline;

    private ForwardManager(LoggerContext context, String name, ForwardSettings settings) {
        super(context, name);
        this.settings = settings;
        this.pipeline = new ForwardPipeline(settings, StatusLoggerListener.INSTANCE);
    }

    /**
     * The manager for these settings, shared when one exists; each call must be matched by a
     * {@link #stop} or {@link #close}.
     *
     * @param identity every attribute as configured, so that any change gives another manager
     */
    static ForwardManager get(ForwardSettings settings, Map<String, String> identity, LoggerContext context) {
        String name = nameOf(settings, identity);
        ForwardManager holder = spoolHolder(settings, name);
        if (holder == null) {
            return getManager(name, FACTORY, new Data(settings, context));
        }
        LOGGER.warn("forwardlog '{}': the new configuration changes this appender's attributes, but the running "
                + "appender still holds spoolDir '{}'; it stays, with its attributes, until the application restarts",
                settings.name(), settings.spoolDir().orElseThrow());
        return getManager(holder.getName(), FACTORY, new Data(holder.settings, context));
    }

    /** The running manager of the same appender, under another name, that holds the spoolDir of {@code settings}. */
    private static ForwardManager spoolHolder(ForwardSettings settings, String name) {
        if (settings.spoolDir().isEmpty()) {
            return null;
        }
        Path spool = settings.spoolDir().get().toAbsolutePath().normalize();
        for (ForwardManager running : RUNNING) {
            ForwardSettings held = running.settings;
            if (held.name().equals(settings.name()) && !running.getName().equals(name) && held.spoolDir().isPresent()
                    && held.spoolDir().get().toAbsolutePath().normalize().equals(spool)) {
                return running;
            }
        }
        return null;
    }

    /**
     * {@code forwardlog:<appender>:<upstream>:<digest of every attribute>}. The digest rather than
     * the values keeps the name short; no setting is a secret (keys and passwords live in the
     * upstream file, which is watched, not part of the identity).
     */
    static String nameOf(ForwardSettings settings, Map<String, String> identity) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            identity.forEach((key, value) -> {
                sha256.update(key.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                sha256.update(value.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            });
            String digest = HexFormat.of().formatHex(sha256.digest(), 0, 8);
            return "forwardlog:" + settings.name() + ":" + settings.upstream() + ":" + digest;
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the pipeline unless an earlier configuration already did.
     *
     * @throws ForwardStartException naming the file and line, or the setting, that is wrong
     */
    void start() throws ForwardStartException {
        pipeline.start();
        RUNNING.add(this);
    }

    void append(LogEvent event) {
        pipeline.append(event);
    }

    ForwardSettings settings() {
        return settings;
    }

    ForwardPipeline pipeline() {
        return pipeline;
    }

    /**
     * Called by Log4j2, under its manager lock, when the last appender lets go. The pipeline keeps
     * to its own {@code shutdownTimeout} rather than Log4j2's stop timeout, which is 0 unless the
     * application passes one to {@code LoggerContext.stop}.
     *
     * @return whether everything buffered was delivered or spooled
     */
    @Override
    protected boolean releaseSub(long timeout, TimeUnit timeUnit) {
        RUNNING.remove(this);
        pipeline.stop();
        return pipeline.stats().eventsBuffered() == 0;
    }

    private record Data(ForwardSettings settings, LoggerContext context) {
    }
}
