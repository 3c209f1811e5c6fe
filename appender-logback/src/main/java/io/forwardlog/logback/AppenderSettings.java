package io.forwardlog.logback;

import io.forwardlog.ConfigValues;
import io.forwardlog.ForwardSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The appender's settings as {@code logback.xml} gave them, kept until {@code start()}, which turns
 * them into {@link ForwardSettings} and reports every wrong setting at once, each by its name.
 * Durations and sizes are read by {@link ConfigValues}, so that a value means the same in
 * {@code logback.xml} and in {@code log4j2.xml}.
 */
final class AppenderSettings {

    /** One step per setting, applied to the builder at start; setting a value again replaces its step. */
    private final Map<String, Consumer<ForwardSettings.Builder>> steps = new LinkedHashMap<>();
    private final List<String> staticFields = new ArrayList<>();

    void set(String setting, Consumer<ForwardSettings.Builder> step) {
        steps.put(setting, step);
    }

    void duration(String setting, String text, BiConsumer<ForwardSettings.Builder, Duration> apply) {
        set(setting, b -> apply.accept(b, ConfigValues.duration(setting, text)));
    }

    void size(String setting, String text, BiConsumer<ForwardSettings.Builder, Long> apply) {
        set(setting, b -> apply.accept(b, ConfigValues.size(setting, text)));
    }

    void path(String setting, String text, BiConsumer<ForwardSettings.Builder, Path> apply) {
        set(setting, b -> apply.accept(b, toPath(setting, text)));
    }

    /** {@code text} is {@code field=name,field=name}. */
    void fieldNames(String text) {
        set("fieldNames", b -> b.fieldNames(text));
    }

    /** {@code text} is {@code field,field}. */
    void excludeFields(String text) {
        set("excludeFields", b -> b.excludeFields(text));
    }

    /** {@code keyValue} is {@code key=value}; every call adds one field. */
    void addStaticField(String keyValue) {
        staticFields.add(keyValue);
    }

    /**
     * The settings for an appender called {@code name} (null keeps the default name).
     *
     * @throws InvalidSettingsException listing every setting that is wrong, each message naming its setting
     */
    ForwardSettings build(String name) throws InvalidSettingsException {
        ForwardSettings.Builder builder = ForwardSettings.builder();
        List<String> problems = new ArrayList<>();
        if (name != null) {
            apply(problems, "name", () -> builder.name(name));
        }
        steps.forEach((setting, step) -> apply(problems, setting, () -> step.accept(builder)));
        for (String field : staticFields) {
            apply(problems, "staticField", () -> staticField(builder, field));
        }
        if (problems.isEmpty()) {
            try {
                return builder.build();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        throw new InvalidSettingsException(problems);
    }

    private static void apply(List<String> problems, String setting, Runnable step) {
        try {
            step.run();
        } catch (IllegalArgumentException e) {
            // the enums' and the record schema's messages name the value but not the setting
            String message = String.valueOf(e.getMessage());
            problems.add(message.startsWith(setting) ? message : setting + ": " + message);
        }
    }

    private static void staticField(ForwardSettings.Builder builder, String text) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("staticField '" + text + "' is not key=value: write e.g. env=prod");
        }
        builder.staticField(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
    }

    private static Path toPath(String setting, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(setting + " must not be empty");
        }
        try {
            return Path.of(text.trim());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(setting + " '" + text + "' is not a path: " + e.getReason());
        }
    }
}
