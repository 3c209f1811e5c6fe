package io.forwardlog.testkit;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

/**
 * The entries of a {@code compressed: "zstd"} frame: zstd frames one after another, each found by
 * walking its header and blocks (RFC 8878) and decoded on its own by aircompressor, a pure-Java zstd,
 * so that a sender using the zstd C library and this receiver cannot share one misreading.
 *
 * <p>Beyond validity it notes, as warnings, what Fluent Bit's in_forward (4.1 to 4.2,
 * {@code fw_prot.c}) would not survive although the format allows it: it decodes each frame into one
 * buffer of {@code buffer_chunk_size} (1,024,000 bytes by default) and hands each frame to its input on
 * its own, so a larger frame is lost and a frame that ends inside an entry splits that entry.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8878#section-3.1">RFC 8878, frames</a>
 */
final class ZstdEntries {
  /** Fluent Bit's default {@code buffer_chunk_size}. */
  static final int FLUENT_BIT_BUFFER_CHUNK_SIZE = 1_024_000;

  private static final long MAGIC = 0xFD2FB528L;
  private static final long SKIPPABLE_MAGIC_MASK = 0xFFFFFFF0L;
  private static final long SKIPPABLE_MAGIC = 0x184D2A50L;

  private final byte[] entries;
  private final List<String> warnings;

  private ZstdEntries(byte[] entries, List<String> warnings) {
    this.entries = entries;
    this.warnings = warnings;
  }

  /** The entries of every frame, concatenated. */
  byte[] entries() {
    return entries;
  }

  /** What Fluent Bit would not read, frame by frame. */
  List<String> warnings() {
    return warnings;
  }

  static ZstdEntries decode(byte[] compressed) throws ProtocolViolation {
    List<int[]> frames = frames(compressed);
    ByteArrayOutputStream all = new ByteArrayOutputStream(compressed.length * 4);
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      String which = "zstd frame " + (i + 1) + " of " + frames.size();
      byte[] content = decompress(compressed, frames.get(i), which);
      if (content.length > FLUENT_BIT_BUFFER_CHUNK_SIZE) {
        warnings.add(String.format(Locale.ROOT, "%s holds %,d bytes of entries, more than Fluent Bit's default"
            + " buffer_chunk_size (%,d): Fluent Bit cannot decompress it", which, content.length,
            FLUENT_BIT_BUFFER_CHUNK_SIZE));
      }
      if (!wholeEntries(content)) {
        warnings.add(which + " ends inside an entry: Fluent Bit reads each frame on its own");
      }
      all.write(content, 0, content.length);
    }
    return new ZstdEntries(all.toByteArray(), List.copyOf(warnings));
  }

  /** Each frame's {offset, length}, from its header and block headers. */
  private static List<int[]> frames(byte[] in) throws ProtocolViolation {
    List<int[]> frames = new ArrayList<>();
    int at = 0;
    while (at < in.length) {
      int start = at;
      String which = "zstd frame " + (frames.size() + 1) + " (at byte " + start + ")";
      long magic = littleEndian(in, at, 4, which);
      if ((magic & SKIPPABLE_MAGIC_MASK) == SKIPPABLE_MAGIC) {
        throw new ProtocolViolation(which + " is a skippable frame: Fluent Bit stops reading at it");
      }
      if (magic != MAGIC) {
        throw new ProtocolViolation("the compressed entries are not valid zstd: " + which
            + " does not start with the zstd magic number");
      }
      at += 4;
      int descriptor = (int) littleEndian(in, at, 1, which);
      at += 1;
      if ((descriptor & 0x08) != 0) {
        throw new ProtocolViolation("the compressed entries are not valid zstd: " + which
            + " sets the reserved bit of its header");
      }
      boolean singleSegment = (descriptor & 0x20) != 0;
      int dictionaryIdBytes = new int[] {0, 1, 2, 4}[descriptor & 0x03];
      int contentSizeBytes = new int[] {singleSegment ? 1 : 0, 2, 4, 8}[(descriptor >>> 6) & 0x03];
      at += (singleSegment ? 0 : 1);
      if (dictionaryIdBytes > 0 && littleEndian(in, at, dictionaryIdBytes, which) != 0) {
        throw new ProtocolViolation(which + " needs a dictionary, which a Forward receiver does not have");
      }
      at += dictionaryIdBytes + contentSizeBytes;
      boolean last = false;
      while (!last) {
        int header = (int) littleEndian(in, at, 3, which);
        at += 3;
        last = (header & 1) != 0;
        int type = (header >>> 1) & 0x03;
        int size = header >>> 3;
        if (type == 3) {
          throw new ProtocolViolation("the compressed entries are not valid zstd: " + which
              + " has a block of the reserved type");
        }
        at += type == 1 ? 1 : size; // an RLE block stores its one byte
      }
      at += (descriptor & 0x04) != 0 ? 4 : 0; // the content checksum
      if (at > in.length) {
        throw new ProtocolViolation("the compressed entries are not valid zstd: " + which + " is cut short");
      }
      frames.add(new int[] {start, at - start});
    }
    return frames; // none for empty entries, which Fluentd and Fluent Bit take as no events
  }

  /** An unsigned little-endian number of 1 to 4 bytes. */
  private static long littleEndian(byte[] in, int at, int bytes, String which) throws ProtocolViolation {
    if (at + bytes > in.length) {
      throw new ProtocolViolation("the compressed entries are not valid zstd: " + which + " is cut short");
    }
    long value = 0;
    for (int i = bytes - 1; i >= 0; i--) {
      value = (value << 8) | (in[at + i] & 0xff);
    }
    return value;
  }

  private static byte[] decompress(byte[] in, int[] frame, String which) throws ProtocolViolation {
    try (ZstdInputStream zstd = new ZstdInputStream(new ByteArrayInputStream(in, frame[0], frame[1]))) {
      return zstd.readAllBytes();
    } catch (IOException | RuntimeException e) {
      throw new ProtocolViolation("the compressed entries are not valid zstd: " + which + ": " + e.getMessage());
    }
  }

  private static boolean wholeEntries(byte[] content) {
    try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(content)) {
      while (unpacker.hasNext()) {
        unpacker.skipValue();
      }
      return true;
    } catch (MessageInsufficientBufferException e) {
      return false;
    } catch (MessagePackException e) {
      return true; // not msgpack at all: the decoder's own check says so
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
