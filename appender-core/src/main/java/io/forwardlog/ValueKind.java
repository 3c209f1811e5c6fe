package io.forwardlog;

import io.forwardlog.internal.transport.TlsSyntax;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How the value of one kind of setting is read from text and which values are allowed. Every message
 * starts with the setting's name; {@link Setting} adds it where a kind's own message (an enum's, the
 * record schema's) does not.
 */
interface ValueKind<T> {

    /** @throws IllegalArgumentException naming {@code setting} and the accepted forms */
    T parse(String setting, String text);

    /** Returns {@code value} when it is allowed. @throws IllegalArgumentException naming {@code setting} */
    default T check(String setting, T value) {
        return value;
    }

    /** This kind, with {@code rule} checked after its own checks (it throws, naming the problem, or returns the value). */
    default ValueKind<T> checked(java.util.function.UnaryOperator<T> rule) {
        ValueKind<T> kind = this;
        return new ValueKind<>() {
            @Override
            public T parse(String setting, String text) {
                return kind.parse(setting, text);
            }

            @Override
            public T check(String setting, T value) {
                return rule.apply(kind.check(setting, value));
            }
        };
    }

    /** A host name as sent in the handshake: text without spaces or control characters. */
    static ValueKind<String> hostName() {
        return new ValueKind<>() {
            @Override
            public String parse(String setting, String text) {
                return check(setting, text);
            }

            @Override
            public String check(String setting, String value) {
                String name = nonEmpty(setting, value);
                if (name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                    throw new IllegalArgumentException(setting + " '" + name
                            + "' has a space or a control character: write a host name, e.g. web-7.example.com");
                }
                return name;
            }
        };
    }

    /** A tag: fixed text, or a pattern with {@code {logger}} and {@code {level}}. */
    static ValueKind<String> tag() {
        return new ValueKind<>() {
            @Override
            public String parse(String setting, String text) {
                return check(setting, nonEmpty(setting, text));
            }

            @Override
            public String check(String setting, String value) {
                return TagSyntax.check(setting, nonEmpty(setting, value));
            }
        };
    }

    static ValueKind<Path> path() {
        return (setting, text) -> {
            String value = nonEmpty(setting, text);
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(setting + " '" + text + "' is not a path: " + e.getReason(), e);
            }
        };
    }

    /** {@code on/off}, {@code true/false}, {@code yes/no} in any case. */
    static ValueKind<Boolean> bool() {
        return ConfigValues::bool;
    }

    static ValueKind<Integer> wholeNumber(int min, int max) {
        return new ValueKind<>() {
            @Override
            public Integer parse(String setting, String text) {
                try {
                    return check(setting, Integer.parseInt(String.valueOf(text).trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(setting + " '" + text + "' is not a whole number", e);
                }
            }

            @Override
            public Integer check(String setting, Integer value) {
                return (int) between(setting, value, min, max);
            }
        };
    }

    static ValueKind<Double> positiveNumber() {
        return new ValueKind<>() {
            @Override
            public Double parse(String setting, String text) {
                try {
                    return check(setting, Double.parseDouble(String.valueOf(text).trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(setting + " '" + text + "' is not a number", e);
                }
            }

            @Override
            public Double check(String setting, Double value) {
                if (!(value > 0) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException(setting + " must be a positive number, was " + value);
                }
                return value;
            }
        };
    }

    /** A duration above zero, written as {@link ConfigValues#duration} reads it. */
    static ValueKind<Duration> positiveDuration() {
        return duration(true);
    }

    /** A duration of zero or more. */
    static ValueKind<Duration> durationOrZero() {
        return duration(false);
    }

    private static ValueKind<Duration> duration(boolean positive) {
        return new ValueKind<>() {
            @Override
            public Duration parse(String setting, String text) {
                return check(setting, ConfigValues.duration(setting, text));
            }

            @Override
            public Duration check(String setting, Duration value) {
                if (value.isNegative()) {
                    throw new IllegalArgumentException(setting + " must " + (positive ? "be positive" : "not be negative")
                            + ", was " + value);
                }
                if (positive && value.isZero()) {
                    throw new IllegalArgumentException(setting + " must be positive, was " + value);
                }
                return value;
            }
        };
    }

    /** Bytes, written as {@link ConfigValues#size} reads them, between {@code min} and {@code max}. */
    static ValueKind<Long> size(long min, long max) {
        return new ValueKind<>() {
            @Override
            public Long parse(String setting, String text) {
                return check(setting, ConfigValues.size(setting, text));
            }

            @Override
            public Long check(String setting, Long value) {
                return between(setting, value, min, max);
            }
        };
    }

    /** One of an enum's configuration names, read by the enum's own {@code fromConfig}. */
    static <E extends Enum<E>> ValueKind<E> oneOf(Function<String, E> fromConfig) {
        return (setting, text) -> fromConfig.apply(String.valueOf(text));
    }

    /** {@code TLSv1.2} or {@code TLSv1.3}, as {@link TlsSyntax#version} reads them for node keys too. */
    static ValueKind<TlsVersion> tlsVersion() {
        return TlsSyntax::version;
    }

    /** Cipher suites by OpenSSL or IANA names, as {@link TlsSyntax#cipherSuites} reads them for node keys too. */
    static ValueKind<List<String>> cipherSuites() {
        return new ValueKind<>() {
            @Override
            public List<String> parse(String setting, String text) {
                return TlsSyntax.cipherSuites(setting, text);
            }

            @Override
            public List<String> check(String setting, List<String> value) {
                return TlsSyntax.cipherSuites(setting, value);
            }
        };
    }

    /** Renames, {@code level=severity,message=msg}: record field to the name it is written under. */
    static ValueKind<Map<String, String>> renames() {
        return new ValueKind<>() {
            @Override
            public Map<String, String> parse(String setting, String text) {
                Map<String, String> renames = new LinkedHashMap<>();
                for (String item : items(text)) {
                    int equals = item.indexOf('=');
                    if (equals <= 0 || equals == item.length() - 1) {
                        throw new IllegalArgumentException(setting + " '" + text
                                + "' is not a list of field=name: write e.g. level=severity,message=msg");
                    }
                    renames.put(item.substring(0, equals).trim(), item.substring(equals + 1).trim());
                }
                return check(setting, renames);
            }

            @Override
            public Map<String, String> check(String setting, Map<String, String> value) {
                value.forEach((field, name) -> {
                    RecordSchema.checkField(field);
                    nonEmpty(setting + " for " + field, name);
                });
                return Collections.unmodifiableMap(new LinkedHashMap<>(value));
            }
        };
    }

    /** Record fields, {@code thread,markers}. */
    static ValueKind<Set<String>> fields() {
        return new ValueKind<>() {
            @Override
            public Set<String> parse(String setting, String text) {
                return check(setting, new LinkedHashSet<>(items(text)));
            }

            @Override
            public Set<String> check(String setting, Set<String> value) {
                value.forEach(RecordSchema::checkField);
                return Collections.unmodifiableSet(new LinkedHashSet<>(value));
            }
        };
    }

    private static List<String> items(String list) {
        String trimmed = list == null ? "" : list.trim();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s*,\\s*"));
    }

    private static String nonEmpty(String setting, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(setting + " must not be empty");
        }
        return text.trim();
    }

    private static long between(String setting, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
