package io.forwardlog;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations and sizes written as people write them in configuration files, the same way in
 * both adapters (Logback's own syntax): {@code 500 milliseconds}, {@code 10 seconds}, {@code 10s},
 * {@code 2 minutes}, ISO-8601 {@code PT10S}; {@code 64MB}, {@code 512 KB}, {@code 1GiB}, {@code 4096}.
 */
final class ConfigValues {

    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-z]*)");
    private static final Pattern SIZE = Pattern.compile("([0-9]+)\\s*([a-z]*)");

    private ConfigValues() {
    }

    /**
     * @param setting named in the error message
     * @throws IllegalArgumentException naming the setting and the accepted forms
     */
    static Duration duration(String setting, String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw badDuration(setting, text);
            }
        }
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw badDuration(setting, text);
        }
        double amount = Double.parseDouble(m.group(1));
        long millisPerUnit = switch (m.group(2)) {
            case "ms", "milli", "millis", "millisecond", "milliseconds" -> 1L;
            case "", "s", "sec", "secs", "second", "seconds" -> 1000L;
            case "m", "min", "mins", "minute", "minutes" -> 60_000L;
            case "h", "hour", "hours" -> 3_600_000L;
            case "d", "day", "days" -> 86_400_000L;
            default -> throw badDuration(setting, text);
        };
        return Duration.ofMillis(Math.round(amount * millisPerUnit));
    }

    /**
     * @throws IllegalArgumentException naming the setting and the accepted forms
     */
    static long size(String setting, String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            throw badSize(setting, text);
        }
        long unit = switch (m.group(2)) {
            case "", "b", "byte", "bytes" -> 1L;
            case "k", "kb", "kib" -> 1024L;
            case "m", "mb", "mib" -> 1024L * 1024;
            case "g", "gb", "gib" -> 1024L * 1024 * 1024;
            default -> throw badSize(setting, text);
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw badSize(setting, text);
        }
    }

    /** Reads {@code on/off}, {@code true/false}, {@code yes/no} in any case. */
    static boolean bool(String setting, String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException(setting + " '" + text + "' is not a boolean: use on/off, true/false or yes/no");
        };
    }

    private static IllegalArgumentException badDuration(String setting, String text) {
        return new IllegalArgumentException(setting + " '" + text
                + "' is not a duration: write e.g. 500 milliseconds, 10 seconds, 2 minutes or PT10S");
    }

    private static IllegalArgumentException badSize(String setting, String text) {
        return new IllegalArgumentException(setting + " '" + text + "' is not a size: write e.g. 64MB, 512KB or 1GB");
    }
}
