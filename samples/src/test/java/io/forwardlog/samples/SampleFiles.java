package io.forwardlog.samples;

import java.nio.file.Path;

/** Where the sample files are: the module's directory, passed by the build. */
final class SampleFiles {

    private SampleFiles() {
    }

    static Path dir() {
        return Path.of(System.getProperty("samples.dir", "."));
    }

    static Path file(String name) {
        return dir().resolve(name);
    }
}
