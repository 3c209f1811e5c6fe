package io.forwardlog.benchmarks;

import com.github.luben.zstd.ZstdCompressCtx;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * What compressing one batch costs the sender thread, per codec and frame size: one
 * {@link SampleBatch} (1 MiB of typical entries) cut after whole entries into frames of at most 64,
 * 128, 256 or 1,024 KiB, each frame compressed on its own, as forwardlog sends them. The codecs are
 * the two zstd libraries on Maven Central, {@code io.airlift:aircompressor} (pure Java, one level: 3)
 * and {@code com.github.luben:zstd-jni} (the zstd C library through JNI) at levels 1 and 3 (at level 1
 * also with a new native context per batch, as forwardlog does), and gzip at level 1, with a new
 * {@link GZIPOutputStream} per frame (as forwardlog does) and with one reused {@link Deflater}.
 *
 * <p>The machine this runs on is shared, so the score is the sending thread's <b>CPU time</b> per
 * batch, which other processes change far less than wall time; every round runs every combination
 * once, so that load falls on all alike, and the table gives the median round. Wall time is printed
 * beside it.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.forwardlog.benchmarks.CompressionComparison}
 * (about 2 minutes).
 */
public final class CompressionComparison {

    private static final int[] FRAME_KIB = {64, 128, 256, 1024};
    private static final int WARM_UP_BATCHES = 300;
    private static final int ROUNDS = 7;
    private static final int BATCHES_PER_ROUND = 40;

    private CompressionComparison() {
    }

    public static void main(String[] args) {
        byte[] entries = SampleBatch.entries();
        System.out.println("compression of one batch, " + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                + ", Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " processors");
        System.out.println(String.format(Locale.ROOT, "  %,d bytes of entries; %d rounds of %d batches per combination "
                + "after %d batches of warm-up", entries.length, ROUNDS, BATCHES_PER_ROUND, WARM_UP_BATCHES));
        List<Combination> combinations = new ArrayList<>();
        for (Codec codec : Codec.values()) {
            for (int kib : FRAME_KIB) {
                combinations.add(new Combination(codec, kib, SampleBatch.frameEnds(entries, kib * 1024), entries));
            }
        }
        for (Combination c : combinations) {
            c.run(WARM_UP_BATCHES);
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (Combination c : combinations) {
                c.measure(round, BATCHES_PER_ROUND);
            }
        }
        System.out.println();
        System.out.println("| codec | frames of at most | frames | compressed bytes | ratio | CPU per batch (median)"
                + " | MB/s of CPU | wall per batch (median) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Combination c : combinations) {
            double cpuMicros = median(c.cpuNanos) / 1000;
            System.out.println(String.format(Locale.ROOT, "| %s | %d KiB | %d | %,d | %.2f | %,.0f µs | %,.0f | %,.0f µs |",
                    c.codec.label, c.frameKiB, c.frameEnds.length, c.compressedLength,
                    (double) entries.length / c.compressedLength, cpuMicros, entries.length / cpuMicros,
                    median(c.wallNanos) / 1000));
        }
        for (Combination c : combinations) {
            c.codec.close();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One codec at one frame size, with its measured rounds. */
    private static final class Combination {
        final Codec codec;
        final int frameKiB;
        final int[] frameEnds;
        final byte[] entries;
        final byte[] out;
        final double[] cpuNanos = new double[ROUNDS];
        final double[] wallNanos = new double[ROUNDS];
        int compressedLength;

        Combination(Codec codec, int frameKiB, int[] frameEnds, byte[] entries) {
            this.codec = codec;
            this.frameKiB = frameKiB;
            this.frameEnds = frameEnds;
            this.entries = entries;
            this.out = new byte[entries.length * 2 + 64 * frameEnds.length];
        }

        void measure(int round, int batches) {
            long wall = System.nanoTime();
            long cpu = ProcessCpu.currentThreadNanos();
            run(batches);
            cpuNanos[round] = (double) (ProcessCpu.currentThreadNanos() - cpu) / batches;
            wallNanos[round] = (double) (System.nanoTime() - wall) / batches;
        }

        void run(int batches) {
            for (int i = 0; i < batches; i++) {
                int written = 0;
                int start = 0;
                for (int end : frameEnds) {
                    written += codec.frame(entries, start, end - start, out, written);
                    start = end;
                }
                codec.batchDone();
                compressedLength = written;
            }
        }
    }

    /** A codec with its reusable state; one frame per call. */
    private enum Codec {
        GZIP_NEW_STREAM("gzip level 1, a GZIPOutputStream per frame") {
            private final ByteArrayOutputStream gzipped = new ByteArrayOutputStream(ClientConfig.CHUNK_BYTES);

            @Override
            int frame(byte[] in, int offset, int length, byte[] out, int at) {
                gzipped.reset();
                try (GZIPOutputStream gz = new GZIPOutputStream(gzipped, 8192) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                }) {
                    gz.write(in, offset, length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return gzipped.size();
            }
        },
        GZIP_REUSED_DEFLATER("gzip level 1, one reused Deflater") {
            private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
            private final CRC32 crc = new CRC32();

            @Override
            int frame(byte[] in, int offset, int length, byte[] out, int at) {
                deflater.reset();
                deflater.setInput(in, offset, length);
                deflater.finish();
                int n = 10; // the 10-byte header and the 8-byte trailer are counted; their CRC is computed
                while (!deflater.finished()) {
                    n += deflater.deflate(out, at + n, out.length - at - n);
                }
                crc.reset();
                crc.update(in, offset, length);
                return n + 8;
            }

            @Override
            void close() {
                deflater.end();
            }
        },
        AIRCOMPRESSOR("zstd, aircompressor (level 3)") {
            private final ZstdCompressor compressor = new ZstdCompressor();

            @Override
            int frame(byte[] in, int offset, int length, byte[] out, int at) {
                return compressor.compress(in, offset, length, out, at, out.length - at);
            }
        },
        ZSTD_JNI_1("zstd, zstd-jni level 1") {
            private final ZstdCompressCtx context = new ZstdCompressCtx().setLevel(1);

            @Override
            int frame(byte[] in, int offset, int length, byte[] out, int at) {
                return context.compressByteArray(out, at, out.length - at, in, offset, length);
            }

            @Override
            void close() {
                context.close();
            }
        },
        ZSTD_JNI_1_CONTEXT_PER_BATCH("zstd, zstd-jni level 1, a new context per batch (forwardlog's)") {
            private ZstdCompressCtx context;

            @Override
            int frame(byte[] in, int offset, int length, byte[] out, int at) {
                if (context == null) {
                    context = new ZstdCompressCtx().setLevel(1);
                }
                return context.compressByteArray(out, at, out.length - at, in, offset, length);
            }

            @Override
            void batchDone() {
                context.close();
                context = null;
            }
        },
        ZSTD_JNI_3("zstd, zstd-jni level 3") {
            private final ZstdCompressCtx context = new ZstdCompressCtx().setLevel(3);

            @Override
            int frame(byte[] in, int offset, int length, byte[] out, int at) {
                return context.compressByteArray(out, at, out.length - at, in, offset, length);
            }

            @Override
            void close() {
                context.close();
            }
        };

        final String label;

        Codec(String label) {
            this.label = label;
        }

        /** Compresses {@code in[offset, offset + length)} as one frame at {@code out[at]}; returns its length. */
        abstract int frame(byte[] in, int offset, int length, byte[] out, int at);

        /** After the last frame of a batch. */
        void batchDone() {
        }

        void close() {
        }
    }
}
