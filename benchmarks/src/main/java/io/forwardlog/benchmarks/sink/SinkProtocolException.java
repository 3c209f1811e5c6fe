package io.forwardlog.benchmarks.sink;

import java.io.IOException;

/** A frame the sink cannot count; the connection is closed and the problem recorded. */
final class SinkProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    SinkProtocolException(String message) {
        super(message);
    }
}
