package io.forwardlog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each record holds and under which names. The default fields are {@link #FIELDS}; context
 * entries (MDC / ThreadContext), key-value pairs and static fields are added as top-level fields of
 * their own.
 */
public final class RecordSchema {

    /** Every field that can be renamed or left out. */
    public static final List<String> FIELDS = List.of(
            "message", "level", "logger", "thread", "stack_trace", "markers",
            "caller_class", "caller_method", "caller_file", "caller_line", "mdc", "key_values");

    private final boolean includeCallerData;
    private final Map<String, String> fieldNames;
    private final Set<String> excludedFields;
    private final Map<String, String> staticFields;

    RecordSchema(boolean includeCallerData, Map<String, String> fieldNames, Set<String> excludedFields,
                 Map<String, String> staticFields) {
        this.includeCallerData = includeCallerData;
        this.fieldNames = Collections.unmodifiableMap(new LinkedHashMap<>(fieldNames));
        this.excludedFields = Collections.unmodifiableSet(new LinkedHashSet<>(excludedFields));
        this.staticFields = Collections.unmodifiableMap(new LinkedHashMap<>(staticFields));
    }

    /** The default schema: every default field under its own name, no caller data. */
    public static RecordSchema defaults() {
        return new RecordSchema(false, Map.of(), Set.of(), Map.of());
    }

    /** Whether {@code caller_*} fields are written ({@code includeCallerData}; costly for the frameworks). */
    public boolean includeCallerData() {
        return includeCallerData;
    }

    /** The name {@code field} is written under; the field's own name unless renamed. */
    public String nameOf(String field) {
        return fieldNames.getOrDefault(field, field);
    }

    /** Whether {@code field} is written at all (caller fields also need {@link #includeCallerData()}). */
    public boolean includes(String field) {
        if (excludedFields.contains(field)) {
            return false;
        }
        return !field.startsWith("caller_") || includeCallerData;
    }

    public Map<String, String> staticFields() {
        return staticFields;
    }

    static void checkField(String field) {
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException("'" + field + "' is not a record field; the fields are " + String.join(", ", FIELDS));
        }
    }

    @Override
    public String toString() {
        return "RecordSchema[includeCallerData=" + includeCallerData + ", fieldNames=" + fieldNames
                + ", excludedFields=" + excludedFields + ", staticFields=" + staticFields.keySet() + "]";
    }
}
