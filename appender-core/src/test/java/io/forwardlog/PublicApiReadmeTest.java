package io.forwardlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code appender-core} that hold public types, other than {@code io.forwardlog.internal},
 * are the ones the README's "Java modules and the public API" table documents, each with every one of
 * its public types named there.
 */
class PublicApiReadmeTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theReadmeDocumentsEveryPublicPackageAndTypeAndNothingElse() throws Exception {
        assertEquals(documented(), publicTypes());
    }

    /** Package to its public top-level types, from the compiled classes of {@code src/main}. */
    private static Map<String, Set<String>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(ForwardSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> types = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (name.contains("$") || name.endsWith("package-info") || name.startsWith("io.forwardlog.internal.")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, PublicApiReadmeTest.class.getClassLoader());
                if (Modifier.isPublic(type.getModifiers())) {
                    types.computeIfAbsent(type.getPackageName(), p -> new TreeSet<>()).add(type.getSimpleName());
                }
            }
        }
        assertTrue(types.containsKey("io.forwardlog"), "found the classes in " + classes);
        return types;
    }

    /** Package to the types its README row names in code font. */
    private static Map<String, Set<String>> documented() throws IOException {
        List<String> lines = Files.readAllLines(SettingsReadmeTest.readme());
        int at = lines.indexOf("## Java modules and the public API");
        assertTrue(at >= 0, "the README has a section '## Java modules and the public API'");
        while (!lines.get(at).startsWith("| Package |")) {
            at++;
        }
        Map<String, Set<String>> documented = new TreeMap<>();
        for (at += 2; at < lines.size() && lines.get(at).startsWith("|"); at++) {
            String[] cells = lines.get(at).split("\\|");
            Matcher pkg = CODE.matcher(cells[1]);
            assertTrue(pkg.find(), lines.get(at));
            Set<String> types = new TreeSet<>();
            Matcher type = CODE.matcher(cells[2]);
            while (type.find()) {
                if (Character.isUpperCase(type.group(1).charAt(0))) {
                    types.add(type.group(1));
                }
            }
            documented.put(pkg.group(1), types);
        }
        return documented;
    }
}
