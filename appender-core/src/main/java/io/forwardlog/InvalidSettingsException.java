package io.forwardlog;

import java.util.List;

/** An appender's settings are wrong: one message per wrong setting, each naming its setting. */
public final class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidSettingsException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order of the configuration, each a sentence that starts with the setting's name. */
    public List<String> problems() {
        return problems;
    }
}
