package io.forwardlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A setting's name is written as a string once, in {@link Settings}: no adapter, builder or message
 * declares it again. Two other vocabularies are not settings and are left out: the upstream file's own
 * keys and sections ({@code io/forwardlog/upstream}: Fluent Bit's names, some of which are spelled as
 * settings are, such as {@code tag} and {@code compress}), and parameter names in null checks.
 */
class SettingNamesDeclaredOnceTest {

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Path SETTINGS = Path.of("appender-core/src/main/java/io/forwardlog/Settings.java");

    @Test
    void noFileUnderSrcMainWritesASettingsNameExceptTheTable() throws IOException {
        Set<String> names = Settings.all().stream().map(Setting::name).collect(Collectors.toSet());
        List<String> elsewhere = new ArrayList<>();
        List<String> inTable = new ArrayList<>();
        Path root = SettingsReadmeTest.readme().getParent();
        for (Path file : sources(root)) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = STRING.matcher(lines.get(i));
                while (m.find()) {
                    if (!names.contains(m.group(1)) || lines.get(i).contains("requireNonNull(")) {
                        continue;
                    }
                    String where = root.relativize(file) + ":" + (i + 1) + ": \"" + m.group(1) + "\"";
                    (root.relativize(file).equals(SETTINGS) ? inTable : elsewhere).add(where);
                }
            }
        }

        assertEquals(List.of(), elsewhere);
        assertEquals(names.size(), inTable.size(), String.join("\n", inTable));
    }

    private static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> modules = Files.list(root)) {
            List<Path> files = new ArrayList<>();
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> walk = Files.walk(main)) {
                    walk.filter(f -> f.toString().endsWith(".java"))
                            .filter(f -> !main.relativize(f).startsWith(Path.of("io/forwardlog/upstream")))
                            .forEach(files::add);
                }
            }
            assertTrue(files.size() > 100, "found the sources under " + root);
            return files;
        }
    }
}
