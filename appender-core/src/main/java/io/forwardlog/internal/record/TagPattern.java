package io.forwardlog.internal.record;

import io.forwardlog.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tag of an event: fixed text, or a pattern with {@code {logger}} (the logger name) and
 * {@code {level}} (the level in lower case), e.g. {@code app.{level}} gives {@code app.error}, so that
 * Fluentd can route with {@code <match app.error>}.
 */
public final class TagPattern {

    /** Tags kept for reuse at most: thousands of loggers, not an unbounded number of generated names. */
    private static final int MOST_TAGS_KEPT = 10_000;

    private final String pattern;
    private final String[] parts;
    private final boolean fixed;
    /** Tags made so far, by logger name and level. */
    private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();

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

    /**
     * The tag for an event of {@code logger} at {@code level}. The tags made are kept, per logger and
     * level, so that a log call finds its tag without building it, up to {@value #MOST_TAGS_KEPT} of them
     * (beyond, a tag is built for each event).
     */
    public String resolve(String logger, String level) {
        if (fixed) {
            return pattern;
        }
        if (logger == null || level == null) {
            return build(logger, level);
        }
        Map<String, String> byLevel = tags.get(logger);
        String tag = byLevel == null ? null : byLevel.get(level);
        if (tag == null) {
            tag = build(logger, level);
            if (kept.get() < MOST_TAGS_KEPT
                    && tags.computeIfAbsent(logger, k -> new ConcurrentHashMap<>()).putIfAbsent(level, tag) == null) {
                kept.incrementAndGet();
            }
        }
        return tag;
    }

    private String build(String logger, String level) {
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
