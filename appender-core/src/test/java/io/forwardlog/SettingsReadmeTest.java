package io.forwardlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's table of appender settings says what {@link Settings} declares: names, defaults, meanings, equivalents. */
class SettingsReadmeTest {

    /** The rows that are the frameworks' own elements, not settings of the table. */
    private static final List<String> FRAMEWORK_ROWS = List.of("| `staticField` ", "| `encoder` ");

    @Test
    void everySettingHasItsRowInTheReadmeInTheOrderOfTheTable() throws IOException {
        List<String> expected = Settings.all().stream().map(SettingsReadmeTest::row).toList();

        List<String> documented = settingRows().stream()
                .filter(row -> FRAMEWORK_ROWS.stream().noneMatch(row::startsWith)).toList();

        assertEquals(String.join("\n", expected), String.join("\n", documented),
                "the README's 'Appender settings' table differs from io.forwardlog.Settings");
    }

    @Test
    void theFrameworksOwnElementsFollowTheSettings() throws IOException {
        List<String> rows = settingRows();

        for (int i = 0; i < FRAMEWORK_ROWS.size(); i++) {
            String row = rows.get(Settings.all().size() + i);
            assertTrue(row.startsWith(FRAMEWORK_ROWS.get(i)), row);
        }
        assertEquals(Settings.all().size() + FRAMEWORK_ROWS.size(), rows.size());
    }

    /** The row a setting has in the README: its default in code font when it is a value. */
    private static String row(Setting<?> setting) {
        String defaultText = setting.hasDefaultValue() ? "`" + setting.defaultText() + "`" : setting.defaultText();
        return "| `" + setting.name() + "` | " + defaultText + " | " + setting.meaning() + " | "
                + setting.fluentEquivalent() + " |";
    }

    /** The body rows of the first table under "## Appender settings". */
    private static List<String> settingRows() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        int section = lines.indexOf("## Appender settings");
        assertTrue(section >= 0, "the README has a section '## Appender settings'");
        int header = section;
        while (!lines.get(header).startsWith("| Setting |")) {
            header++;
        }
        int end = header + 2;
        while (end < lines.size() && lines.get(end).startsWith("|")) {
            end++;
        }
        return lines.subList(header + 2, end);
    }

    static Path readme() {
        return Path.of(System.getProperty("forwardlog.root", "..")).resolve("README.md");
    }
}
