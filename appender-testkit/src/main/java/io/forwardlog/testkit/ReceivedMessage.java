package io.forwardlog.testkit;

import java.util.Map;
import java.util.Optional;

/**
 * One decoded frame: what the sender chose on the wire, for assertions about the encoding itself.
 *
 * @param mode the frame's mode
 * @param tag the frame's tag
 * @param eventCount how many events the frame carried
 * @param option the option map decoded like a record (empty when absent); a bin {@code chunk} is a
 *     {@code byte[]}
 * @param entriesWereBin for PackedForward modes: true when the entries came as bin, false for str;
 *     false for the other modes
 * @param chunk the {@code chunk} option as text, when present
 * @param chunkWasStr true when the {@code chunk} option was a str, false when bin or absent
 * @param compressed true for {@link Mode#COMPRESSED_PACKED_FORWARD}
 * @param connectionId the receiver's number for the connection
 */
public record ReceivedMessage(Mode mode, String tag, int eventCount, Map<String, Object> option,
                              boolean entriesWereBin, Optional<String> chunk, boolean chunkWasStr,
                              boolean compressed, int connectionId) {
}
