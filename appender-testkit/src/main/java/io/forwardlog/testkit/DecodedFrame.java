package io.forwardlog.testkit;

import java.util.List;
import java.util.Optional;
import org.msgpack.value.Value;

/**
 * One frame, decoded.
 *
 * @param chunk the {@code chunk} option exactly as sent (str or bin), to echo in the ack
 * @param warnings problems that do not stop the frame from being accepted (e.g. a wrong {@code size})
 */
record DecodedFrame(ReceivedMessage message, List<ReceivedEvent> events, Optional<Value> chunk,
                    List<String> warnings) {
}
