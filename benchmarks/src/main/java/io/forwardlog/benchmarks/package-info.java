/**
 * Benchmarks of forwardlog against Fluency: {@link io.forwardlog.benchmarks.AppendBenchmark} (JMH, the
 * caller's cost of one log call), {@link io.forwardlog.benchmarks.EndToEndComparison} (events per
 * second until a sink has counted them all) and {@link io.forwardlog.benchmarks.CallerLatency} (the
 * distribution of a Logback log call's time while the node is up, down, back and stalled, against
 * {@code FluencyLogbackAppender} and Logback's {@code AsyncAppender}). All send to
 * {@link io.forwardlog.benchmarks.sink.CountingSink}.
 * {@link io.forwardlog.benchmarks.CompressionComparison} measures what compressing one batch costs with
 * gzip and with the two zstd libraries on Maven Central, which chose forwardlog's.
 * Built only with {@code -Pbenchmarks}; results and commands are in {@code benchmarks/RESULTS.md}.
 */
package io.forwardlog.benchmarks;
