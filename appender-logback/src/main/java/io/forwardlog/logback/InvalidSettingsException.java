package io.forwardlog.logback;

import java.util.List;

/** The appender's settings are wrong: one message per wrong setting, each naming its setting. */
final class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidSettingsException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
