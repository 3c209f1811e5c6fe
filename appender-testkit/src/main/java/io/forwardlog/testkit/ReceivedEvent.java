package io.forwardlog.testkit;

import java.time.Instant;
import java.util.Map;

/**
 * One event as the receiver decoded it.
 *
 * <p>Record values are decoded to plain Java: {@code String}, {@code Long} for integers ({@code
 * BigInteger} only beyond the range of a long), {@code Double}, {@code Boolean}, {@code null}, {@code
 * List<Object>}, {@code Map<String, Object>} in the order the sender wrote the keys, and {@code byte[]}
 * for msgpack bin. Lists and maps are unmodifiable.
 *
 * @param tag the frame's tag
 * @param epochSeconds seconds since the epoch
 * @param nanos nanoseconds within the second (0 for integer time)
 * @param eventTime true for an EventTime (ext type 0), false for an integer (or float) time
 * @param record the event's record
 * @param mode the mode of the frame that carried the event
 * @param connectionId the receiver's number for the connection (1 for its first)
 */
public record ReceivedEvent(String tag, long epochSeconds, long nanos, boolean eventTime,
                            Map<String, Object> record, Mode mode, int connectionId) {

  /** The event's time as an {@link Instant}. */
  public Instant instant() {
    return Instant.ofEpochSecond(epochSeconds, nanos);
  }
}
