package io.forwardlog.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Binds every running forwardlog appender, Logback's and Log4j2's, to a {@link MeterRegistry}: those running
 * when {@link #bindTo} is called and those started later, each for as long as it runs. An appender replaced
 * by a reconfiguration takes its meters with it and the new one registers its own. The meters are listed in
 * the README ("Metrics and health"); each has the tags {@code appender} and {@code upstream}, a node's also
 * {@code node}.
 *
 * <p>Reading a meter reads what the appender publishes for monitoring and never waits for its I/O; nothing is
 * recorded per event. With Spring Boot this binder registers itself (see
 * {@code io.forwardlog.micrometer.spring}); elsewhere:
 *
 * <pre>{@code
 * ForwardlogMetrics metrics = new ForwardlogMetrics();
 * metrics.bindTo(registry);
 * ...
 * metrics.close(); // removes the meters and stops watching
 * }</pre>
 */
public final class ForwardlogMetrics implements MeterBinder, AutoCloseable {

    private final Tags tags;
    private final List<RegistryBinding> bindings = new CopyOnWriteArrayList<>();

    public ForwardlogMetrics() {
        this(Tags.empty());
    }

    /** @param tags added to every meter */
    public ForwardlogMetrics(Iterable<Tag> tags) {
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        RegistryBinding binding = new RegistryBinding(Objects.requireNonNull(registry, "registry"), tags);
        bindings.add(binding);
        binding.open();
    }

    /** Stops watching the appenders and removes every meter this binder registered. Idempotent. */
    @Override
    public void close() {
        for (RegistryBinding binding : bindings) {
            binding.close();
        }
        bindings.clear();
    }
}
