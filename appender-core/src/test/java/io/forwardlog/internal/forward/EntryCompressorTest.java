package io.forwardlog.internal.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import io.airlift.compress.zstd.ZstdDecompressor;
import io.forwardlog.Compression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * How compressed entries are cut: gzip members and zstd frames of at most 64 KiB of whole entries, as
 * Fluent Bit's in_forward needs them (see {@link EntryCompressor}). zstd frames are found with zstd-jni's
 * own frame parser and decoded with aircompressor, the other implementation; Fluentd's way of reading
 * zstd is replayed on the zstd C library it uses. What the frame around them holds is checked on a real
 * socket in {@link ForwardConnectionReceiverTest}.
 */
class EntryCompressorTest {

    private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L, 5);
    private static final int FRAME_BYTES = 64 * 1024;

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZIP", "ZSTD"})
    void cutsABatchIntoFramesOfAtMost64KiBOfWholeEntries(Compression compression) throws Exception {
        TestBatch batch = TestBatch.numbered("t", 8000, TIME);
        assertTrue(batch.entriesLength() > 3 * FRAME_BYTES, "the batch needs more than 3 frames");

        List<byte[]> frames = decompress(compression, compress(batch, compression));
        for (int i = 0; i < frames.size(); i++) {
            byte[] content = frames.get(i);
            assertTrue(content.length <= FRAME_BYTES, content.length + " bytes in frame " + i);
            // these entries are under 40 bytes: a frame is closed only when the next one no longer fits
            assertTrue(i == frames.size() - 1 || content.length > FRAME_BYTES - 40,
                    content.length + " bytes in frame " + i);
            wholeEntries(content);
        }
        assertArrayEquals(batch.entries(), concat(frames));
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZIP", "ZSTD"})
    void givesAnEntryLargerThanAFrameAFrameOfItsOwn(Compression compression) throws Exception {
        TestBatch batch = TestBatch.of("t").event(TIME, Map.of("n", 1)).event(TIME, Map.of("big", "x".repeat(100_000)))
                .event(TIME, Map.of("n", 3)).build();

        List<byte[]> frames = decompress(compression, compress(batch, compression));

        assertEquals(List.of(1, 1, 1), frames.stream().map(EntryCompressorTest::wholeEntries).toList());
        assertTrue(frames.get(1).length > 100_000);
        assertArrayEquals(batch.entries(), concat(frames));
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZIP", "ZSTD"})
    void leavesABatchWithAnEntryLargerThanFluentBitsDefaultBufferChunkSizeUncompressed(Compression compression)
            throws Exception {
        TestBatch fits = TestBatch.of("t").event(TIME, Map.of("big", "x".repeat(1_024_000 - 40))).build();
        TestBatch tooLarge = TestBatch.of("t").event(TIME, Map.of("n", 1))
                .event(TIME, Map.of("big", "x".repeat(1_024_000))).build();
        EntryCompressor compressor = EntryCompressor.of(compression);

        assertTrue(fits.entriesLength() <= EntryCompressor.LARGEST_COMPRESSED_ENTRY);
        assertArrayEquals(fits.entries(), concat(decompress(compression, compress(fits, compression))));
        assertEquals(null, compressor.compress(tooLarge.entries(), tooLarge.entriesLength()));
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZIP", "ZSTD"})
    void reusesItsBuffersFromOneBatchToTheNext(Compression compression) throws Exception {
        EntryCompressor compressor = EntryCompressor.of(compression);
        for (TestBatch batch : List.of(TestBatch.numbered("a", 8000, TIME), TestBatch.numbered("b", 3, TIME))) {
            ByteSink compressed = compressor.compress(batch.entries(), batch.entriesLength());

            byte[] bytes = Arrays.copyOf(compressed.array(), compressed.length());
            assertArrayEquals(batch.entries(), concat(decompress(compression, bytes)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZIP", "ZSTD"})
    void namesItsCompressionInTheOptionAsTheSettingIsNamed(Compression compression) {
        assertEquals(compression.configName(), EntryCompressor.of(compression).optionValue());
    }

    /**
     * Fluentd's in_forward (1.19) inflates zstd with zstd-ruby's {@code StreamReader}: it feeds 1 KiB of
     * compressed bytes at a time (64 KiB in later versions) to {@code ZSTD_decompressStream} with an output
     * buffer of {@code ZSTD_DStreamOutSize()}, calling it again while input is left, and stops when its
     * input is used up. That loop, replayed here on the same zstd library, gets back every byte, also
     * from entries so alike that a 64 KiB frame shrinks to a few hundred bytes.
     */
    @ParameterizedTest
    @ValueSource(ints = {1024, 64 * 1024})
    void fluentdsReadLoopGetsBackEveryEntry(int bytesPerRead) throws Exception {
        TestBatch varied = TestBatch.numbered("t", 30_000, TIME);
        TestBatch.Builder same = TestBatch.of("t");
        for (int i = 0; i < 30_000; i++) {
            same.event(TIME, Map.of("message", "the same message every time"));
        }
        for (TestBatch batch : List.of(varied, same.build())) {
            byte[] zstd = compress(batch, Compression.ZSTD);

            assertArrayEquals(batch.entries(), fluentdStreamReader(zstd, bytesPerRead));
        }
    }

    /** zstd-ruby's {@code StreamReader#read} and {@code StreamingDecompress#decompress}, as Fluentd loops on them. */
    private static byte[] fluentdStreamReader(byte[] compressed, int bytesPerRead) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int outputSize = (int) ZstdInputStreamNoFinalizer.recommendedDOutSize(); // ZSTD_DStreamOutSize()
        try (ZstdDecompressCtx stream = new ZstdDecompressCtx()) {
            for (int at = 0; at < compressed.length; at += bytesPerRead) {
                int n = Math.min(bytesPerRead, compressed.length - at);
                ByteBuffer input = ByteBuffer.allocateDirect(n).put(compressed, at, n).flip();
                while (input.hasRemaining()) {
                    ByteBuffer output = ByteBuffer.allocateDirect(outputSize);
                    stream.decompressDirectByteBufferStream(output, input); // one ZSTD_decompressStream
                    byte[] chunk = new byte[output.flip().remaining()];
                    output.get(chunk);
                    out.writeBytes(chunk);
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] compress(TestBatch batch, Compression compression) throws IOException {
        ByteSink compressed = EntryCompressor.of(compression).compress(batch.entries(), batch.entriesLength());
        return Arrays.copyOf(compressed.array(), compressed.length());
    }

    /** Each gzip member's or zstd frame's content, in order. */
    private static List<byte[]> decompress(Compression compression, byte[] data) throws DataFormatException {
        return compression == Compression.GZIP ? gzipMembers(data) : zstdFrames(data);
    }

    private static List<byte[]> zstdFrames(byte[] data) {
        List<byte[]> frames = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            int length = (int) Zstd.findFrameCompressedSize(data, at);
            byte[] frame = Arrays.copyOfRange(data, at, at + length);
            byte[] content = new byte[(int) ZstdDecompressor.getDecompressedSize(frame, 0, frame.length)];
            assertEquals(content.length, new ZstdDecompressor().decompress(frame, 0, frame.length, content, 0,
                    content.length));
            frames.add(content);
            at += length;
        }
        return frames;
    }

    /** Members as GZIPOutputStream writes them: a 10-byte header without optional fields, deflate, 8 bytes. */
    private static List<byte[]> gzipMembers(byte[] data) throws DataFormatException {
        List<byte[]> members = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            assertEquals(0x1f, data[at] & 0xff);
            assertEquals(0x8b, data[at + 1] & 0xff);
            assertEquals(0, data[at + 3], "no optional header fields");
            Inflater inflater = new Inflater(true);
            inflater.setInput(data, at + 10, data.length - at - 10);
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                assertFalse(n == 0 && inflater.needsInput(), "a gzip member is cut short");
                content.write(buffer, 0, n);
            }
            at = data.length - inflater.getRemaining() + 8;
            inflater.end();
            members.add(content.toByteArray());
        }
        return members;
    }

    /** Fails unless {@code content} is whole entries; returns how many. */
    private static int wholeEntries(byte[] content) {
        int entries = 0;
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(content)) {
            while (unpacker.hasNext()) {
                assertEquals(2, unpacker.unpackArrayHeader());
                unpacker.skipValue(2);
                entries++;
            }
        } catch (IOException e) {
            throw new AssertionError("a frame ends inside an entry: " + e, e);
        }
        return entries;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
