package io.forwardlog.internal.spool;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one spool file, {@code <20-digit epoch millis>-<10-digit sequence>-<events>.fwspool}.
 * Names sort oldest first as text and as values; the event count lets {@code open} total the pending
 * events without reading the files.
 */
record SpoolFileName(long millis, long sequence, int eventCount) implements Comparable<SpoolFileName> {

    static final String SUFFIX = ".fwspool";
    /** A file being written: renamed to its final name once complete and on disk. */
    static final String TEMP_SUFFIX = SUFFIX + ".tmp";
    /** How a name must look, for the warning about a file that does not. */
    static final String FORMAT = "<millis>-<sequence>-<events>" + SUFFIX;

    private static final Pattern PATTERN = Pattern.compile("(\\d{20})-(\\d{10,18})-(\\d{1,10})\\.fwspool");
    private static final Comparator<SpoolFileName> ORDER =
            Comparator.comparingLong(SpoolFileName::millis).thenComparingLong(SpoolFileName::sequence);

    static Optional<SpoolFileName> parse(String fileName) {
        Matcher matcher = PATTERN.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SpoolFileName(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    String fileName() {
        return String.format("%020d-%010d-%d%s", millis, sequence, eventCount, SUFFIX);
    }

    String tempFileName() {
        return fileName() + ".tmp";
    }

    @Override
    public int compareTo(SpoolFileName other) {
        return ORDER.compare(this, other);
    }
}
