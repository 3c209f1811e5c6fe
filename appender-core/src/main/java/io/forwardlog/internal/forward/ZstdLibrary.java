package io.forwardlog.internal.forward;

import java.util.Optional;

/**
 * Whether {@code compress zstd} can work here. zstd comes from {@code com.github.luben:zstd-jni}, an
 * optional dependency that bundles the zstd C library for common platforms; both the jar and its native
 * library are checked once, so that a missing one stops the appender at start, never the sender later.
 */
public final class ZstdLibrary {

    private ZstdLibrary() {
    }

    /** Empty when zstd can be used; otherwise what is wrong and what to do, starting with {@code compress zstd}. */
    public static Optional<String> problem() {
        return Probe.PROBLEM;
    }

    private static final class Probe {
        static final Optional<String> PROBLEM = probe();

        private static Optional<String> probe() {
            try {
                Class.forName("com.github.luben.zstd.util.Native", false, ZstdLibrary.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.of("compress zstd needs com.github.luben:zstd-jni on the class path;"
                        + " add it to the application's dependencies, or use gzip");
            }
            try {
                com.github.luben.zstd.util.Native.load();
                return Optional.empty();
            } catch (LinkageError | RuntimeException e) {
                // zstd-jni's own message goes on for lines of advice; its first line says what failed
                String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
                return Optional.of("compress zstd: zstd-jni cannot load its native library on "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " (" + reason
                        + "); use gzip, or see zstd-jni's documentation");
            }
        }
    }
}
