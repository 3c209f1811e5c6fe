package io.forwardlog.log4j2;

import io.forwardlog.ConfiguredSettings;
import io.forwardlog.ForwardSettings;
import io.forwardlog.ForwardStartException;
import io.forwardlog.InvalidSettingsException;
import io.forwardlog.Settings;
import io.forwardlog.log4j2.internal.SettingAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.util.KeyValuePair;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The attributes of {@code <Forward>}: one for each setting of {@link Settings}, by the same names as
 * the elements of forwardlog's Logback appender, read as text with the same spellings there and here
 * (durations {@code 500 milliseconds}, {@code 10 seconds}, {@code PT10S}; sizes {@code 64MB};
 * switches {@code true/false}, {@code on/off}, {@code yes/no}), after Log4j2's {@code ${...}}
 * substitution. Besides them: {@code name} (required), {@code ignoreExceptions} (accepted for
 * compatibility: this appender never throws), an optional text {@code Layout} whose output, without its
 * trailing line separator, becomes the {@code message} field, a {@code Filter}, and
 * {@code <KeyValuePair key=".." value=".."/>} elements, each a field added to every record.
 *
 * <p>{@link #build()} reports every wrong or unknown attribute, an upstream file that is wrong, or a
 * Log4j2 older than 2.17.0, through Log4j2's {@code StatusLogger}, naming the attribute, the file and
 * line, or the supported versions, and returns {@code null}: Log4j2 then leaves the appender out and
 * the application runs on.
 */
public final class ForwardAppenderBuilder extends AbstractAppender.Builder<ForwardAppenderBuilder>
        implements org.apache.logging.log4j.core.util.Builder<ForwardAppender> {

    private static final Logger STATUS = StatusLogger.getLogger();

    @SettingAttributes private Map<String, String> attributes = new LinkedHashMap<>();
    @PluginElement("KeyValuePair") private KeyValuePair[] staticFields;

    ForwardAppenderBuilder() {
    }

    /** Sets the attribute {@code name}, as {@code log4j2.xml} would: one of {@link Settings#all()}, checked by {@link #build()}. */
    public ForwardAppenderBuilder setAttribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    /** Fields added to every record. Default none. */
    public ForwardAppenderBuilder setStaticFields(KeyValuePair... value) {
        staticFields = value;
        return this;
    }

    /** The appender, or {@code null} after reporting why not through the {@code StatusLogger}. */
    @Override
    public ForwardAppender build() {
        String unsupported = Log4jVersion.problem();
        if (unsupported != null) {
            return notCreated(List.of(unsupported));
        }
        ConfiguredSettings configured = configured();
        ForwardSettings settings;
        try {
            settings = configured.build(getName());
        } catch (InvalidSettingsException e) {
            return notCreated(e.problems());
        }
        Layout<?> layout = getLayout();
        if (layout != null && !(layout instanceof StringLayout)) {
            return notCreated(List.of("the layout must make text, as PatternLayout or JsonTemplateLayout do; "
                    + layout.getClass().getSimpleName() + " does not"));
        }
        LoggerContext context = getConfiguration() == null ? null : getConfiguration().getLoggerContext();
        ForwardManager manager = ForwardManager.get(settings, identity(configured), context);
        try {
            manager.start();
        } catch (ForwardStartException e) {
            manager.close();
            return notCreated(List.of(e.getMessage()));
        }
        return new ForwardAppender(getName(), getFilter(), (StringLayout) layout, isIgnoreExceptions(),
                getPropertyArray(), manager);
    }

    private ConfiguredSettings configured() {
        ConfiguredSettings configured = new ConfiguredSettings();
        attributes.forEach(configured::put);
        if (staticFields != null) {
            for (KeyValuePair pair : staticFields) {
                String key = pair.getKey();
                String value = pair.getValue();
                if (key == null || key.isBlank() || value == null) {
                    configured.addProblem("KeyValuePair key='" + key + "' value='" + value
                            + "': a static field needs a key and a value");
                } else {
                    configured.addStaticField(key, value);
                }
            }
        }
        return configured;
    }

    private ForwardAppender notCreated(List<String> problems) {
        problems.forEach(problem -> STATUS.error("forwardlog '{}': {}; the appender is not created", getName(), problem));
        return null;
    }

    /** Everything that makes one appender's pipeline differ from another's. */
    private Map<String, String> identity(ConfiguredSettings configured) {
        Map<String, String> identity = new LinkedHashMap<>(configured.texts());
        if (staticFields != null) {
            for (KeyValuePair pair : staticFields) {
                identity.put("KeyValuePair " + pair.getKey(), pair.getValue());
            }
        }
        return identity;
    }
}
