package io.forwardlog.log4j2;

import org.apache.logging.log4j.core.LogEvent;

/**
 * Whether the Log4j2 on the class path is one forwardlog supports, decided once from log4j-core's
 * manifest: 2.17.0 or later, the first release past the Log4Shell fixes. A jar without a version
 * (a shaded one) is taken as supported: the adapter uses nothing that 2.17.0 lacks.
 */
final class Log4jVersion {

    /** The supported range, as the README states it. */
    static final String SUPPORTED = "Log4j 2.17.0 or later";

    private static final int[] OLDEST = {2, 17};

    private static final String PROBLEM = problem(implementationVersion());

    private Log4jVersion() {
    }

    /** Why this Log4j2 cannot be used, or {@code null} when it can. */
    static String problem() {
        return PROBLEM;
    }

    /** @param version e.g. {@code 2.24.3} or {@code 2.17.1.redhat-00001}; {@code null} when unknown */
    static String problem(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.split("[.-]");
        for (int i = 0; i < OLDEST.length; i++) {
            int part;
            try {
                part = i < parts.length ? Integer.parseInt(parts[i]) : 0;
            } catch (NumberFormatException e) {
                return null;
            }
            if (part != OLDEST[i]) {
                return part > OLDEST[i] ? null : "Log4j " + version + " is not supported: forwardlog needs " + SUPPORTED;
            }
        }
        return null;
    }

    private static String implementationVersion() {
        Package core = LogEvent.class.getPackage();
        return core == null ? null : core.getImplementationVersion();
    }
}
