package io.forwardlog.benchmarks.framework;

/** The logging frameworks compared; each contender logs through one of them. */
enum Framework {
    LOGBACK("Logback"), LOG4J2("Log4j2");

    private final String label;

    Framework(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
