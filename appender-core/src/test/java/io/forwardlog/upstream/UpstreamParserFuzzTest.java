package io.forwardlog.upstream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated upstream files, classic and YAML, with includes: each load either succeeds or throws an
 * {@link UpstreamFileException} whose message starts with one of the files and a line it has, within its deadline,
 * and no message or warning holds a secret or a raw control character.
 *
 * <p>Each run uses a fixed seed and a random one, printed; {@code -Dforwardlog.fuzz.seed=N} runs seed N instead of
 * a random one, and a failure names its seed and iteration and shows the files. Secrets are written where a user
 * may put one: as the value of a secret key, on a line of its own, joined to its key, and in the other shapes of
 * {@link SecretLines}. A line that holds one, and the line after it, are never mutated, so the generator cannot
 * turn a secret into a key name followed by a value, which messages show by design. A problem of a whole file
 * (missing, no upstream) has the {@code path: } prefix, a problem of a line {@code path:line: }.
 */
class UpstreamParserFuzzTest {

    private static final long FIXED_SEED = 0x5EED_12L;
    private static final int ITERATIONS_PER_SEED = 1000;
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void survivesGeneratedFilesFromAFixedSeed() throws Exception {
        run(FIXED_SEED);
    }

    @Test
    void survivesGeneratedFilesFromARandomSeed() throws Exception {
        String replay = System.getProperty("forwardlog.fuzz.seed");
        long seed = replay != null ? Long.parseLong(replay) : ThreadLocalRandom.current().nextLong();
        System.out.println("UpstreamParserFuzzTest: random seed " + seed + " (replay with -Dforwardlog.fuzz.seed="
                + seed + ")");
        run(seed);
    }

    private void run(long seed) throws Exception {
        // one directory for every iteration: each writes its files and removes those of the one before
        Path where = Files.createDirectory(dir.resolve("seed-" + seed));
        int failures = 0;
        int successes = 0;
        for (int i = 0; i < ITERATIONS_PER_SEED; i++) {
            // mixed, since java.util.Random's first values for neighbouring seeds are alike
            Random random = new Random(new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L)).nextLong());
            Input input = random.nextBoolean() ? new ClassicInput(random, where) : new YamlInput(random, where);
            boolean loaded = check(seed, i, input);
            input.removeFiles();
            if (loaded) {
                successes++;
            } else {
                failures++;
            }
        }
        System.out.println("UpstreamParserFuzzTest: seed " + seed + ": " + successes + " loaded, " + failures
                + " refused");
        // the generator must reach both outcomes, or the test proves little
        assertTrue(successes > ITERATIONS_PER_SEED / 20, "only " + successes + " inputs loaded (seed " + seed + ")");
        assertTrue(failures > ITERATIONS_PER_SEED / 20, "only " + failures + " inputs failed (seed " + seed + ")");
    }

    /** Loads one input and checks every invariant; returns whether it loaded. */
    private static boolean check(long seed, int iteration, Input input) {
        List<String> warnings = new ArrayList<>();
        UpstreamFile.Loader loader = UpstreamFile.loader().environment(Input.ENVIRONMENT::get).warnings(warnings::add)
                .deadline(DEADLINE);
        Supplier<String> context = () -> "seed " + seed + ", iteration " + iteration + ", files:\n"
                + input.describe();
        Upstream upstream = null;
        UpstreamFileException refused = null;
        try {
            upstream = loader.load(input.top());
        } catch (UpstreamFileException e) {
            refused = e;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("unexpected " + e + "; " + context.get(), e);
        }
        if (refused != null) {
            assertWellFormed(refused, input, context);
            assertClean(refused.getMessage(), input, "message", context);
        } else {
            assertClean(upstream.toString(), input, "toString", context);
            assertTrue(upstream.nodes().size() <= SectionList.MAX_NODES, context);
        }
        for (String warning : warnings) {
            assertClean(warning, input, "warning", context);
        }
        return refused == null;
    }

    private static void assertWellFormed(UpstreamFileException e, Input input, Supplier<String> context) {
        String message = e.getMessage();
        if (message.contains("took longer than") || message.contains("still blocked")) {
            fail("the load hung: " + message + "; " + context.get());
        }
        Path file = e.file().normalize();
        Integer lines = input.lineCounts().get(file);
        if (lines == null) {
            fail("the message names a file the input does not have: " + message + "; " + context.get());
        }
        String prefix = e.line() > 0 ? Shown.escape(e.file().toString()) + ":" + e.line() + ": "
                : Shown.escape(e.file().toString()) + ": ";
        if (!message.startsWith(prefix) || !message.equals(prefix + e.problem())) {
            fail("the message is not 'path:line: problem': " + message + "; " + context.get());
        }
        if (e.line() < 0 || e.line() > lines + 1) {
            fail("line " + e.line() + " is past the end of " + file + " (" + lines + " lines): " + message + "; "
                    + context.get());
        }
    }

    private static void assertClean(String text, Input input, String what, Supplier<String> context) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String secret : input.secrets()) {
            if (lower.contains(secret.toLowerCase(Locale.ROOT))) {
                fail("the " + what + " shows a secret: " + text + "; " + context.get());
            }
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                fail("the " + what + " holds a raw control character: " + Shown.escape(text) + "; " + context.get());
            }
        }
    }

    /** One generated upstream file and the files it may include. */
    private abstract static class Input {

        static final Map<String, String> ENVIRONMENT = Map.of("HOST", "127.0.0.1", "PORT", "24224", "KEY",
                "env-key", "SPACED", "two words", "NUL", "a\u0000b", "EMPTY", "");

        final Random random;
        final Path where;
        final List<String> secrets = new ArrayList<>();
        final Map<Path, String> files = new HashMap<>();

        Input(Random random, Path where) {
            this.random = random;
            this.where = where;
        }

        abstract Path top();

        List<String> secrets() {
            return secrets;
        }

        Map<Path, Integer> lineCounts() {
            Map<Path, Integer> counts = new HashMap<>();
            files.forEach((file, text) -> counts.put(file.normalize(), text.split("\n", -1).length));
            return counts;
        }

        void removeFiles() throws IOException {
            for (Path file : files.keySet()) {
                Files.delete(file);
            }
        }

        String describe() {
            StringBuilder out = new StringBuilder();
            files.forEach((file, text) -> out.append("--- ").append(file).append('\n')
                    .append(Shown.escape(text).replace("\\n", "\n")).append('\n'));
            return out.toString();
        }

        String secret() {
            String secret = "Qz" + Long.toString(random.nextLong() >>> 4, 36) + "x9";
            secrets.add(secret);
            return secret;
        }

        <T> T pick(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }

        boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        void write(String name, List<Line> lines) {
            StringBuilder text = new StringBuilder();
            if (chance(3)) {
                text.append('\uFEFF');
            }
            for (Line line : mutate(lines)) {
                text.append(line.text()).append(chance(5) ? "\r\n" : "\n");
            }
            Path file = where.resolve(name);
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            if (chance(2) && bytes.length > 4) {
                bytes[random.nextInt(bytes.length)] = (byte) 0xC3; // often not UTF-8 any more
            }
            try {
                if (!Files.isDirectory(file.getParent())) {
                    Files.createDirectories(file.getParent());
                }
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.put(file, new String(bytes, StandardCharsets.UTF_8));
        }

        /**
         * Edits characters, indentation and order, but never a line that holds a secret nor what follows it: in
         * YAML a line moved or indented under a secret written as a key ({@code s3cr3t:}) would give it a value,
         * and a key with a value on its line is shown.
         */
        private List<Line> mutate(List<Line> lines) {
            List<Line> out = new ArrayList<>(lines);
            int edits = chance(60) ? 0 : 1 + random.nextInt(4);
            for (int e = 0; e < edits && !out.isEmpty(); e++) {
                int at = random.nextInt(out.size());
                Line line = out.get(at);
                if (followsSecret(out, at)) {
                    continue;
                }
                switch (random.nextInt(8)) {
                    case 0 -> out.add(at, line);
                    case 1 -> out.remove(at);
                    case 2 -> {
                        if (!line.secret()) {
                            out.remove(at);
                            int to = random.nextInt(out.size() + 1);
                            out.add(followsSecret(out, to) ? at : to, line);
                        }
                    }
                    default -> {
                        if (!line.secret()) {
                            out.set(at, new Line(editText(line.text()), false));
                        }
                    }
                }
            }
            return out;
        }

        private static boolean followsSecret(List<Line> lines, int index) {
            return index > 0 && index <= lines.size() && lines.get(index - 1).secret();
        }

        private String editText(String text) {
            String alphabet = " \t[]@#${}:=-*&!|>\"'%,?\u0000\u0007\u001béü\u202e\u2028\\";
            int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            return switch (random.nextInt(5)) {
                case 0 -> text.substring(0, at) + alphabet.charAt(random.nextInt(alphabet.length()))
                        + text.substring(at);
                case 1 -> text.isEmpty() || at == text.length() ? text : text.substring(0, at) + text.substring(at + 1);
                case 2 -> text.strip();
                case 3 -> "    " + text;
                default -> text + text.substring(0, at);
            };
        }

        /** Mostly one of {@code valid}, so that inputs get far, sometimes one of {@code invalid}. */
        String value(List<String> valid, List<String> invalid) {
            return chance(90) ? pick(valid) : pick(invalid);
        }

        String host() {
            return value(List.of("127.0.0.1", "h", "fluentd.internal", "::1", "fe80::1%eth0", "${HOST}"),
                    List.of("${SPACED}", "${NUL}", "${MISSING}", "[::1]", "a b", "bücher.de", "256.0.0.1",
                            "10.0.0.1:24224", "x".repeat(70), "tcp://h", "-h", "h..i", "1:2:3", "${EMPTY}"));
        }

        String port() {
            return value(List.of("1", "24224", "65535", "${PORT}"), List.of("0", "65536", "abc", "-1", "999999999999"));
        }

        String name(int i) {
            return value(List.of("node-" + i), List.of("node-1", "${KEY}", "n\u0007" + i, "${MISSING}"));
        }

        /** A key line other than name, host and port, valid or not: key and value. */
        String[] otherKey() {
            return pick(List.of(new String[] {"tls", value(List.of("on", "off"), List.of("maybe"))},
                    new String[] {"tls.verify", "off"},
                    new String[] {"tls.debug", value(List.of("0", "4"), List.of("9"))},
                    new String[] {"weight", value(List.of("0", "60"), List.of("x", "99999999999"))},
                    new String[] {"standby", "yes"}, new String[] {"compress", value(List.of("gzip"), List.of("zstd"))},
                    new String[] {"require_ack_response", "true"}, new String[] {"tag", "app.x"},
                    new String[] {"retry_limit", "5"}, new String[] {"tls_verify", "off"},
                    new String[] {"empty_shared_key", "on"}, new String[] {"username", "alice"},
                    new String[] {"tls.ca_file", "ca.pem"}, new String[] {"self_hostname", "me"}));
        }
    }

    /** A line of a generated file; a {@code secret} line, and the line after it, are never edited. */
    private record Line(String text, boolean secret) {
        static Line plain(String text) {
            return new Line(text, false);
        }
    }

    /** The shapes in which a secret is written; each must keep it out of every message. */
    private static final class SecretLines {

        private SecretLines() {
        }

        static String classic(Input in) {
            String s = in.secret();
            String key = in.pick(List.of("shared_key", "password", "tls.key_passwd"));
            return in.pick(List.of("    " + key + " " + s, "    " + key + " " + s + " and more", "    " + key + "=" + s,
                    "    " + key + "=" + s + " more", "    " + key + ":" + s, s, "    " + s, "\t" + s, "[" + s,
                    "    [" + s, "    [" + s + " x", "@" + s, key + " " + s, "    " + key + " ${" + s,
                    "    " + key + " a${" + s + "!}b", "    " + key + " " + s + "\u0007", "    " + key + " \u0000" + s,
                    "# " + s, "    " + key + " ${" + s + "-x}"));
        }

        static String yaml(Input in, String indent) {
            String s = in.secret();
            String key = in.pick(List.of("shared_key", "password", "tls.key_passwd", "sharedKey"));
            return indent + in.pick(List.of(key + ": " + s, key + ": *" + s, key + ": !" + s + "!x v",
                    key + ": \"" + s + "\\x" + s + "\"", key + ": \"" + s + "\\q\"", key + ": \"\\a" + s + "\"",
                    s + ":", key + ": [" + s + "]", key + ": {a: " + s + "}", key + ": '" + s, key + ": " + s
                    + ": x", key + ": &" + s + " v", key + ": " + s + "\u0007", "? " + s, "- " + s, key + "=" + s
                    + ": v", key + ": \"" + s + "\\u00\"", "# " + s, key + ": |\n" + indent + "  " + s));
        }
    }

    /** Fluent Bit's classic form. */
    private static final class ClassicInput extends Input {

        private final Path top;

        ClassicInput(Random random, Path where) {
            super(random, where);
            List<String> valid = new ArrayList<>();
            if (chance(40)) {
                write("inc/a.conf", nodes(1 + random.nextInt(3), 100));
                valid.addAll(List.of("inc/a.conf", "inc/*.conf", "inc/../inc/a.conf"));
            }
            if (chance(20)) {
                write("inc/b.conf", nodes(1 + random.nextInt(2), 200));
                valid.add("inc/b.conf");
            }
            List<Line> lines = new ArrayList<>();
            if (chance(90)) {
                lines.add(Line.plain("[UPSTREAM]"));
                lines.add(Line.plain("    name " + value(List.of("up", "${KEY}"), List.of("${MISSING}"))));
            }
            lines.addAll(nodes(chance(5) ? 0 : 1 + random.nextInt(3), 0));
            for (int i = valid.isEmpty() && !chance(10) ? 0 : random.nextInt(3); i > 0; i--) {
                lines.add(random.nextInt(lines.size() + 1), include(valid));
            }
            top = where.resolve("up.conf");
            write("up.conf", lines);
        }

        @Override
        Path top() {
            return top;
        }

        private Line include(List<String> valid) {
            List<String> invalid = List.of("missing.conf", "up.conf", "inc", "inc/*/x.conf", "", "inc/c*.conf");
            return Line.plain("@INCLUDE " + (valid.isEmpty() ? pick(invalid) : value(valid, invalid)));
        }

        private List<Line> nodes(int count, int firstNumber) {
            List<Line> lines = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                lines.add(Line.plain(value(List.of("[NODE]", "[node]"),
                        List.of("[SERVICE]", "[NODE", "[NODE] x", "    [NODE]", "[]"))));
                lines.add(Line.plain("    name " + name(firstNumber + n)));
                lines.add(Line.plain("    host " + host()));
                lines.add(Line.plain("    port " + port()));
                for (int k = random.nextInt(3); k > 0; k--) {
                    String[] key = otherKey();
                    lines.add(Line.plain("    " + key[0] + " " + key[1]));
                }
                if (chance(20)) {
                    lines.add(new Line(SecretLines.classic(this), true));
                }
                if (chance(10)) {
                    lines.add(Line.plain(pick(List.of("", "# comment", "@SET a=b", "    ", "\t# indented comment"))));
                }
            }
            return lines;
        }
    }

    /** Fluent Bit's YAML form. */
    private static final class YamlInput extends Input {

        private final Path top;

        YamlInput(Random random, Path where) {
            super(random, where);
            boolean includes = chance(30);
            List<Line> upstream = upstream();
            List<Line> lines = new ArrayList<>();
            if (includes) {
                // the upstream is in the top file or in the included one, as Fluent Bit allows
                boolean inIncluded = chance(50);
                write("inc/a.yaml", inIncluded ? upstream : List.of(Line.plain("service: {}")));
                if (!inIncluded) {
                    lines.addAll(upstream);
                }
                lines.add(Line.plain("includes:"));
                lines.add(Line.plain("  - " + value(List.of("inc/a.yaml", "inc/*.yaml"),
                        List.of("missing.yaml", "up.yaml", "[x]", "inc"))));
            } else if (chance(95)) {
                lines.addAll(upstream);
            }
            if (chance(10)) {
                lines.add(Line.plain(pick(List.of("service: {}", "pipeline:", "--- ", "%YAML 1.2", "&a [*a]"))));
            }
            top = where.resolve("up.yaml");
            write("up.yaml", lines);
        }

        private List<Line> upstream() {
            List<Line> lines = new ArrayList<>();
            lines.add(Line.plain("upstream_servers:"));
            lines.add(Line.plain("  - name: " + value(List.of("up", "${KEY}"), List.of("[up]", "~"))));
            lines.add(Line.plain("    nodes:"));
            for (int n = chance(5) ? 0 : 1 + random.nextInt(3); n > 0; n--) {
                node(lines, n);
            }
            return lines;
        }

        @Override
        Path top() {
            return top;
        }

        private void node(List<Line> lines, int n) {
            if (chance(20)) {
                lines.add(Line.plain("      - {name: node-" + n + ", host: " + host() + ", port: 1}"));
                return;
            }
            lines.add(Line.plain("      - name: " + name(n)));
            lines.add(Line.plain("        host: " + host()));
            lines.add(Line.plain("        port: " + port()));
            for (int k = random.nextInt(3); k > 0; k--) {
                String[] key = otherKey();
                lines.add(Line.plain("        " + key[0] + ": " + key[1]));
            }
            if (chance(20)) {
                lines.add(new Line(SecretLines.yaml(this, "        "), true));
            }
        }
    }
}
