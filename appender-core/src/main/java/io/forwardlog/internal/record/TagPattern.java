package io.forwardlog.internal.record;

import io.forwardlog.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tag of an event: fixed text, or a pattern with {@code {logger}} (the logger name) and
 * {@code {level}} (the level in lower case), e.g. {@code app.{level}} gives {@code app.error}, so that
 * Fluentd can route with {@code <match app.error>}.
 */
public final class TagPattern {

    private final String pattern;
    private final String[] parts;
    private final boolean fixed;

    private TagPattern(String pattern) {
        this.pattern = pattern;
        List<String> split = new ArrayList<>();
        int at = 0;
        while (at < pattern.length()) {
            int open = pattern.indexOf('{', at);
            if (open < 0) {
                split.add(pattern.substring(at));
                break;
            }
            int close = pattern.indexOf('}', open);
            split.add(pattern.substring(at, open));
            split.add("{" + pattern.substring(open + 1, close) + "}");
            at = close + 1;
        }
        this.parts = split.toArray(new String[0]);
        this.fixed = !pattern.contains("{");
    }

    /** Parses a tag setting, checked as {@link Settings#TAG} declares. @throws IllegalArgumentException naming the problem */
    public static TagPattern parse(String pattern) {
        return new TagPattern(Settings.TAG.check(pattern));
    }

    /** The tag for an event of {@code logger} at {@code level}. */
    public String resolve(String logger, String level) {
        if (fixed) {
            return pattern;
        }
        StringBuilder tag = new StringBuilder(pattern.length() + 32);
        for (String part : parts) {
            switch (part) {
                case "{logger}" -> tag.append(logger == null || logger.isEmpty() ? "root" : logger);
                case "{level}" -> tag.append(level == null ? "unknown" : level.toLowerCase(Locale.ROOT));
                default -> tag.append(part);
            }
        }
        return tag.toString();
    }

    public boolean isFixed() {
        return fixed;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
