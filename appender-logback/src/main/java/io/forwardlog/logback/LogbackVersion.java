package io.forwardlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Whether the Logback on the class path is one forwardlog supports, decided once: it must have the
 * event API that Logback 1.3 introduced and this adapter reads (the event's {@code Instant}, SLF4J 2
 * key-value pairs, the list of markers). Logback 1.2, which Spring Boot 2.7 manages, has none of it.
 */
final class LogbackVersion {

    /** The supported range, as the README states it. */
    static final String SUPPORTED = "Logback 1.3.0 or later (1.3, 1.4, 1.5 and 1.6 are tested)";

    private static final String POM_PROPERTIES = "META-INF/maven/ch.qos.logback/logback-classic/pom.properties";
    private static final String[] REQUIRED_METHODS = {"getInstant", "getKeyValuePairs", "getMarkerList"};

    private static final String PROBLEM = problem(implementationVersion());

    private LogbackVersion() {
    }

    /** Why this Logback cannot be used, or {@code null} when it can. */
    static String problem() {
        return PROBLEM;
    }

    private static String problem(String version) {
        for (String method : REQUIRED_METHODS) {
            try {
                ILoggingEvent.class.getMethod(method);
            } catch (NoSuchMethodException e) {
                return "Logback " + (version == null ? "(version unknown)" : version) + " is not supported: "
                        + "forwardlog needs " + SUPPORTED;
            }
        }
        return null;
    }

    /**
     * The version in logback-classic's manifest (1.3 and later) or in its Maven properties (1.2), or
     * {@code null} when the jar has neither (a shaded jar); only for the message.
     */
    private static String implementationVersion() {
        Package logback = ILoggingEvent.class.getPackage();
        if (logback != null && logback.getImplementationVersion() != null) {
            return logback.getImplementationVersion();
        }
        ClassLoader loader = ILoggingEvent.class.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return null;
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
