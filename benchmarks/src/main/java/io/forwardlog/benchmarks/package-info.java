/**
 * Benchmarks of forwardlog against Fluency: {@link io.forwardlog.benchmarks.AppendBenchmark} (JMH, the
 * caller's cost of one log call) and {@link io.forwardlog.benchmarks.EndToEndComparison} (events per
 * second until a sink has counted them all). Both send to {@link io.forwardlog.benchmarks.sink.CountingSink}.
 * {@link io.forwardlog.benchmarks.CompressionComparison} measures what compressing one batch costs with
 * gzip and with the two zstd libraries on Maven Central, which chose forwardlog's.
 * Built only with {@code -Pbenchmarks}; results and commands are in {@code benchmarks/RESULTS.md}.
 */
package io.forwardlog.benchmarks;
