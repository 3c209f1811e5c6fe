package io.forwardlog.testkit;

/**
 * The four event modes of the Forward protocol, told apart by the type of a frame's second element.
 *
 * @see <a href="https://github.com/fluent/fluentd/wiki/Forward-Protocol-Specification-v1">Forward
 *     Protocol Specification v1</a>
 */
public enum Mode {
  /** {@code [tag, time, record, option?]}: one event. */
  MESSAGE,
  /** {@code [tag, [[time, record], ...], option?]}: events as a msgpack array. */
  FORWARD,
  /** {@code [tag, entries, option?]}: the entries concatenated in one bin (or str). */
  PACKED_FORWARD,
  /**
   * A PackedForward frame whose entries are compressed, with option {@code compressed: "gzip"} or
   * {@code "zstd"} (which one is in {@link ReceivedMessage#option()}).
   */
  COMPRESSED_PACKED_FORWARD
}
