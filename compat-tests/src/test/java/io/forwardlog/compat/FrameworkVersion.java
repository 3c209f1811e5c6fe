package io.forwardlog.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One version of the matrix: a directory {@code <framework>-<version>} that the build filled with that
 * version's jars (the matrix itself is declared once, in this module's {@code pom.xml}).
 */
record FrameworkVersion(Framework framework, String version, Path jars) {

    enum Framework {
        LOGBACK("logback", 1, 3, LogbackProgram.class, "-Dlogback.configurationFile=", "compat/logback.xml"),
        LOG4J("log4j", 2, 17, Log4jProgram.class, "-Dlog4j.configurationFile=", "compat/log4j2.xml");

        final String prefix;
        final int oldestMajor;
        final int oldestMinor;
        final Class<?> program;
        final String configurationProperty;
        final String configuration;

        Framework(String prefix, int oldestMajor, int oldestMinor, Class<?> program, String configurationProperty,
                  String configuration) {
            this.prefix = prefix;
            this.oldestMajor = oldestMajor;
            this.oldestMinor = oldestMinor;
            this.program = program;
            this.configurationProperty = configurationProperty;
            this.configuration = configuration;
        }
    }

    /** Every version the build prepared under {@code dir}, Logback first, each framework oldest first. */
    static List<FrameworkVersion> all(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(FrameworkVersion::of)
                    .sorted(Comparator.comparing(FrameworkVersion::framework)
                            .thenComparing(v -> v.number(0)).thenComparing(v -> v.number(1)).thenComparing(v -> v.number(2)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + " (the build copies each version's jars there)", e);
        }
    }

    private static FrameworkVersion of(Path dir) {
        String name = dir.getFileName().toString();
        for (Framework framework : Framework.values()) {
            if (name.startsWith(framework.prefix + "-")) {
                return new FrameworkVersion(framework, name.substring(framework.prefix.length() + 1), dir);
            }
        }
        throw new IllegalArgumentException(dir + " names no framework of the matrix");
    }

    /** Whether the README's range includes this version: Logback 1.3 and later, Log4j2 2.17 and later. */
    boolean supported() {
        return number(0) > framework.oldestMajor
                || number(0) == framework.oldestMajor && number(1) >= framework.oldestMinor;
    }

    private int number(int index) {
        String[] parts = version.split("\\.");
        return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    }

    @Override
    public String toString() {
        return (framework == Framework.LOGBACK ? "Logback " : "Log4j2 ") + version;
    }
}
