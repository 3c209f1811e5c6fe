package io.forwardlog.log4j2;

import io.forwardlog.Compression;
import io.forwardlog.ConfigValues;
import io.forwardlog.ForwardSettings;
import io.forwardlog.HeartbeatType;
import io.forwardlog.OverflowPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Turns the {@code <Forward>} element's attributes, all given as text, into {@link ForwardSettings}:
 * durations and sizes in {@link ConfigValues}' syntax, enums by their configuration names,
 * {@code fieldNames} as {@code level=severity,message=msg} and {@code excludeFields} as
 * {@code thread,markers}. Every error names the attribute.
 */
final class SettingsReader {

    /** How each attribute, by its name in {@code log4j2.xml}, sets the settings. */
    private static final Map<String, BiConsumer<ForwardSettings.Builder, String>> ATTRIBUTES = attributes();

    private SettingsReader() {
    }

    /**
     * @param attributes attribute name to its text, only the attributes that were given
     * @param staticFields the {@code KeyValuePair} elements, in order
     * @throws IllegalArgumentException naming the attribute that is missing or wrong
     */
    static ForwardSettings read(String appenderName, Map<String, String> attributes, Map<String, String> staticFields) {
        ForwardSettings.Builder settings = ForwardSettings.builder().name(appenderName);
        attributes.forEach((name, text) -> {
            BiConsumer<ForwardSettings.Builder, String> setter = ATTRIBUTES.get(name);
            if (setter == null) {
                throw new IllegalStateException("no setter for attribute " + name);
            }
            try {
                setter.accept(settings, text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(named(name, e.getMessage()), e);
            }
        });
        staticFields.forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("KeyValuePair key='" + key + "' value='" + value
                        + "': a static field needs a key and a value");
            }
            settings.staticField(key, value);
        });
        return settings.build();
    }

    private static String named(String attribute, String message) {
        return message != null && message.startsWith(attribute) ? message : attribute + ": " + message;
    }

    private static Map<String, BiConsumer<ForwardSettings.Builder, String>> attributes() {
        Map<String, BiConsumer<ForwardSettings.Builder, String>> a = new LinkedHashMap<>();
        a.put("upstream", (b, v) -> b.upstream(path("upstream", v)));
        a.put("tag", ForwardSettings.Builder::tag);
        a.put("requireAckResponse", bool("requireAckResponse", ForwardSettings.Builder::requireAckResponse));
        a.put("ackResponseTimeout", duration("ackResponseTimeout", ForwardSettings.Builder::ackResponseTimeout));
        a.put("maxInFlight", (b, v) -> b.maxInFlight(wholeNumber("maxInFlight", v)));
        a.put("compress", (b, v) -> b.compress(Compression.fromConfig(v)));
        a.put("timeAsInteger", bool("timeAsInteger", ForwardSettings.Builder::timeAsInteger));
        a.put("sendOptions", bool("sendOptions", ForwardSettings.Builder::sendOptions));
        a.put("selfHostname", ForwardSettings.Builder::selfHostname);
        a.put("connectTimeout", duration("connectTimeout", ForwardSettings.Builder::connectTimeout));
        a.put("sendTimeout", duration("sendTimeout", ForwardSettings.Builder::sendTimeout));
        a.put("heartbeatType", (b, v) -> b.heartbeatType(HeartbeatType.fromConfig(v)));
        a.put("heartbeatInterval", duration("heartbeatInterval", ForwardSettings.Builder::heartbeatInterval));
        a.put("phiFailureDetector", bool("phiFailureDetector", ForwardSettings.Builder::phiFailureDetector));
        a.put("phiThreshold", (b, v) -> b.phiThreshold(number("phiThreshold", v)));
        a.put("hardTimeout", duration("hardTimeout", ForwardSettings.Builder::hardTimeout));
        a.put("recoverWait", duration("recoverWait", ForwardSettings.Builder::recoverWait));
        a.put("retryMaxBackoff", duration("retryMaxBackoff", ForwardSettings.Builder::retryMaxBackoff));
        a.put("bufferCapacity", size("bufferCapacity", ForwardSettings.Builder::bufferCapacity));
        a.put("chunkSize", size("chunkSize", ForwardSettings.Builder::chunkSize));
        a.put("flushInterval", duration("flushInterval", ForwardSettings.Builder::flushInterval));
        a.put("overflow", (b, v) -> b.overflow(OverflowPolicy.fromConfig(v)));
        a.put("blockTimeout", duration("blockTimeout", ForwardSettings.Builder::blockTimeout));
        a.put("spoolDir", (b, v) -> b.spoolDir(path("spoolDir", v)));
        a.put("spoolCapacity", size("spoolCapacity", ForwardSettings.Builder::spoolCapacity));
        a.put("shutdownTimeout", duration("shutdownTimeout", ForwardSettings.Builder::shutdownTimeout));
        a.put("statusInterval", duration("statusInterval", ForwardSettings.Builder::statusInterval));
        a.put("upstreamCheckInterval", duration("upstreamCheckInterval", ForwardSettings.Builder::upstreamCheckInterval));
        a.put("jmx", bool("jmx", ForwardSettings.Builder::jmx));
        a.put("includeCallerData", bool("includeCallerData", ForwardSettings.Builder::includeCallerData));
        a.put("fieldNames", ForwardSettings.Builder::fieldNames);
        a.put("excludeFields", ForwardSettings.Builder::excludeFields);
        return Collections.unmodifiableMap(a);
    }

    private static Path path(String attribute, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(attribute + " must not be empty");
        }
        return Path.of(text.trim());
    }

    private static int wholeNumber(String attribute, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(attribute + " '" + text + "' is not a whole number", e);
        }
    }

    private static double number(String attribute, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(attribute + " '" + text + "' is not a number", e);
        }
    }

    private static BiConsumer<ForwardSettings.Builder, String> bool(
            String attribute, BiConsumer<ForwardSettings.Builder, Boolean> setter) {
        return parsed(text -> ConfigValues.bool(attribute, text), setter);
    }

    private static BiConsumer<ForwardSettings.Builder, String> duration(
            String attribute, BiConsumer<ForwardSettings.Builder, Duration> setter) {
        return parsed(text -> ConfigValues.duration(attribute, text), setter);
    }

    private static BiConsumer<ForwardSettings.Builder, String> size(
            String attribute, BiConsumer<ForwardSettings.Builder, Long> setter) {
        return parsed(text -> ConfigValues.size(attribute, text), setter);
    }

    private static <T> BiConsumer<ForwardSettings.Builder, String> parsed(
            Function<String, T> parser, BiConsumer<ForwardSettings.Builder, T> setter) {
        return (settings, text) -> setter.accept(settings, parser.apply(text));
    }
}
