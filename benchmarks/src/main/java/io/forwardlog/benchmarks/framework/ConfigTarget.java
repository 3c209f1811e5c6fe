package io.forwardlog.benchmarks.framework;

import java.nio.file.Path;

/**
 * What a contender's configuration needs: the sink's address, the files beside the configuration
 * (forwardlog's upstream file, the JSON template), and the settings all contenders get alike.
 *
 * @param bufferBytes the buffer limit of every contender that has one
 * @param flushMillis the longest a partly filled batch waits, for every contender that has the setting;
 *                    0 leaves each at its default
 */
record ConfigTarget(String host, int port, Path upstreamFile, Path jsonTemplateFile, long bufferBytes, long flushMillis) {
}
