package io.forwardlog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An appender's settings as its framework's configuration gives them, as text — the elements of
 * {@code logback.xml}, the attributes of {@code log4j2.xml} — read through {@link Settings} into
 * {@link ForwardSettings}, so that both frameworks accept the same spellings and report every wrong
 * setting at once, in the same words. Not thread-safe: a framework configures an appender from one thread.
 */
public final class ConfiguredSettings {

    private final Map<Setting<?>, String> texts = new LinkedHashMap<>();
    private final List<String> unknown = new ArrayList<>();
    private final Map<String, String> staticFields = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * Keeps {@code text} for {@code setting}; a setting given again keeps its last text. An empty text
     * leaves the setting at its default, in both frameworks alike: Joran never hands an appender an
     * empty element, and a lookup such as {@code ${env:SPOOL_DIR:-}} may well be empty on purpose.
     */
    public void put(Setting<?> setting, String text) {
        if (text == null || text.isBlank()) {
            texts.remove(setting);
        } else {
            texts.put(setting, text);
        }
    }

    /** Keeps {@code text} for the setting called {@code name} (in any case); a name that is no setting is a problem. */
    public void put(String name, String text) {
        Optional<Setting<?>> setting = Settings.named(name);
        if (setting.isPresent()) {
            put(setting.get(), text);
        } else {
            unknown.add("'" + name + "' is not a setting; the settings are " + Settings.names());
        }
    }

    /** Adds {@code key: value} to every record. */
    public void addStaticField(String key, String value) {
        staticFields.put(key, value);
    }

    /** A problem the adapter found in its framework's own syntax, reported with the others. */
    public void addProblem(String message) {
        problems.add(message);
    }

    /** The texts given, by setting name, in the order of the table: what makes one appender's settings differ from another's. */
    public Map<String, String> texts() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.all()) {
            if (texts.containsKey(setting)) {
                byName.put(setting.name(), texts.get(setting));
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /**
     * The settings of an appender called {@code appenderName} (null keeps the default name).
     *
     * @throws InvalidSettingsException listing every wrong setting in the order of {@link Settings#all()}
     *                                  (whatever order the framework's parser gives), then unknown names,
     *                                  static fields, the adapter's problems and those of settings taken together
     */
    public ForwardSettings build(String appenderName) throws InvalidSettingsException {
        ForwardSettings.Builder builder = ForwardSettings.builder();
        List<String> found = new ArrayList<>();
        if (appenderName != null) {
            apply(found, () -> builder.name(appenderName));
        }
        Set<Setting<?>> failed = new HashSet<>();
        for (Setting<?> setting : Settings.all()) {
            if (texts.containsKey(setting) && !apply(found, () -> builder.parse(setting, texts.get(setting)))) {
                failed.add(setting);
            }
        }
        found.addAll(unknown);
        staticFields.forEach((key, value) -> apply(found, () -> builder.staticField(key, value)));
        found.addAll(problems);
        found.addAll(builder.problems(failed));
        if (!found.isEmpty()) {
            throw new InvalidSettingsException(found);
        }
        return builder.build();
    }

    private static boolean apply(List<String> found, Runnable step) {
        try {
            step.run();
            return true;
        } catch (IllegalArgumentException e) {
            found.add(String.valueOf(e.getMessage()));
            return false;
        }
    }
}
