package io.forwardlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.forwardlog.internal.forward.ZstdLibrary;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * zstd-jni is optional: without it on the class path, {@code compress zstd} stops the start with a
 * message naming the artifact to add, as an appender setting and as a node key, while gzip and text
 * work as before; a native library that does not load says so. Each runs in a class loader of its own
 * over this module's test class path, without the zstd-jni jar or with zstd-jni told to load a library
 * that is not there.
 */
class ZstdJniMissingTest {

    private static final String MISSING = "compress zstd needs com.github.luben:zstd-jni on the class path;"
            + " add it to the application's dependencies, or use gzip";

    @TempDir
    Path dir;

    @Test
    void compressZstdWithoutZstdJniIsAStartErrorNamingTheArtifactWhileGzipAndTextStillDeliver() throws Exception {
        try (URLClassLoader withoutZstdJni = new URLClassLoader(classPathWithout("zstd-jni", 1),
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> withoutZstdJni.loadClass("com.github.luben.zstd.Zstd"));
            Class<?> scenario = withoutZstdJni.loadClass(WithoutZstdJni.class.getName());

            Object results = scenario.getMethod("run", Path.class).invoke(null, dir);

            assertEquals(List.of(
                    "appender setting: " + MISSING,
                    "zstd node: " + dir.resolve("zstd.conf") + ":8: [NODE] 'node-1': " + MISSING,
                    "gzip node: delivered as COMPRESSED_PACKED_FORWARD",
                    "text node: delivered as PACKED_FORWARD"), results);
        }
    }

    @Test
    void aNativeLibraryThatDoesNotLoadIsAStartErrorThatSaysSoInOneLine() throws Exception {
        // this loader's zstd-jni is loaded already, so that only the other loader's sees the property
        assertEquals(Optional.empty(), ZstdLibrary.problem());
        Path missing = dir.resolve("libzstd-jni.so");
        String before = System.getProperty("ZstdNativePath");
        System.setProperty("ZstdNativePath", missing.toString());
        try (URLClassLoader brokenZstdJni = new URLClassLoader(classPathWithout("no such artifact", 0),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> scenario = brokenZstdJni.loadClass(WithoutZstdJni.class.getName());

            Object result = scenario.getMethod("appenderSetting").invoke(null);

            assertEquals("appender setting: compress zstd: zstd-jni cannot load its native library on "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " (Can't load library: "
                    + missing + "); use gzip, or see zstd-jni's documentation", result);
        } finally {
            if (before == null) {
                System.clearProperty("ZstdNativePath");
            } else {
                System.setProperty("ZstdNativePath", before);
            }
        }
    }

    /** The test class path (surefire's, not its booter jar's) without the jars whose path names {@code artifact}. */
    private static URL[] classPathWithout(String artifact, int expected) throws MalformedURLException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        int dropped = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.contains(File.separator + artifact + File.separator)) {
                dropped++;
            } else if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        assertEquals(expected, dropped, "the " + artifact + " jar on " + classPath);
        return urls.toArray(URL[]::new);
    }
}
