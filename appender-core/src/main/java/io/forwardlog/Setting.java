package io.forwardlog;

/**
 * One appender setting, declared once in {@link Settings}: its name in {@code logback.xml} and
 * {@code log4j2.xml}, how its value is written and which values are allowed, its default, the Fluentd
 * or Fluent Bit setting it corresponds to, and its one-line documentation. {@link ForwardSettings}
 * validates with it, both adapters read their configuration's text through it, and the README's table
 * of appender settings is checked against it.
 *
 * @param <T> the type of the value, as {@link ForwardSettings} gives it
 */
public final class Setting<T> {

    private final String name;
    private final ValueKind<T> kind;
    private final T defaultValue;
    private final String defaultText;
    private final boolean defaultIsValue;
    private final String meaning;
    private final String fluentEquivalent;

    private Setting(String name, ValueKind<T> kind, T defaultValue, String defaultText, boolean defaultIsValue,
                    String meaning, String fluentEquivalent) {
        this.name = name;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.defaultIsValue = defaultIsValue;
        this.meaning = meaning;
        this.fluentEquivalent = fluentEquivalent;
    }

    /** A setting whose default is {@code defaultText}, written as a user would write the value. */
    static <T> Setting<T> withDefault(String name, ValueKind<T> kind, String defaultText, String meaning,
                                      String fluentEquivalent) {
        T value = kind.parse(name, defaultText);
        return new Setting<>(name, kind, value, defaultText, true, meaning, fluentEquivalent);
    }

    /** A setting without a default value; {@code what} says what holds when it is not set ("required", "none"). */
    static <T> Setting<T> withoutDefault(String name, ValueKind<T> kind, String what, String meaning,
                                         String fluentEquivalent) {
        return new Setting<>(name, kind, null, what, false, meaning, fluentEquivalent);
    }

    /** The name users write: an element of {@code logback.xml}, an attribute of {@code log4j2.xml}. */
    public String name() {
        return name;
    }

    /**
     * The default as a user would write it ({@code 30 seconds}, {@code 64MB}), or, when
     * {@link #hasDefaultValue()} is false, what holds when the setting is left out ({@code required},
     * {@code none}, {@code this host's name}).
     */
    public String defaultText() {
        return defaultText;
    }

    /** Whether {@link #defaultText()} is a value of the setting rather than a description. */
    public boolean hasDefaultValue() {
        return defaultIsValue;
    }

    /** One line that says what the setting does. */
    public String meaning() {
        return meaning;
    }

    /** The Fluentd {@code out_forward} or Fluent Bit setting this one corresponds to, or {@code —}. */
    public String fluentEquivalent() {
        return fluentEquivalent;
    }

    /**
     * Reads the setting's value from text as a configuration file writes it, and checks it.
     *
     * @throws IllegalArgumentException with a message that starts with the setting's name
     */
    public T parse(String text) {
        try {
            return kind.parse(name, text);
        } catch (IllegalArgumentException e) {
            throw named(e);
        }
    }

    /**
     * Returns {@code value} when the setting allows it.
     *
     * @throws IllegalArgumentException with a message that starts with the setting's name
     * @throws NullPointerException when {@code value} is null for a setting that has a default value
     */
    public T check(T value) {
        if (value == null) {
            if (defaultValue != null) {
                throw new NullPointerException(name);
            }
            return null;
        }
        try {
            return kind.check(name, value);
        } catch (IllegalArgumentException e) {
            throw named(e);
        }
    }

    T defaultValue() {
        return defaultValue;
    }

    /** Some kinds' messages (an enum's, the record schema's) name the value but not the setting. */
    private IllegalArgumentException named(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith(name + " ") ? e : new IllegalArgumentException(name + ": " + message, e);
    }

    @Override
    public String toString() {
        return name;
    }
}
