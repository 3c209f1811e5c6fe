package io.forwardlog.internal.util;

import java.time.Duration;
import java.util.Locale;

/** Formats durations the way people write them: {@code 500ms}, {@code 1.5s}, {@code 10s}, {@code 2m}, {@code 1h}. */
public final class Durations {

    private Durations() {
    }

    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis % 1000 != 0) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
