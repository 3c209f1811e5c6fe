/**
 * Benchmarks of forwardlog against Fluency: {@link io.forwardlog.benchmarks.AppendBenchmark} (JMH, the
 * caller's cost of one log call) and {@link io.forwardlog.benchmarks.EndToEndComparison} (events per
 * second until a sink has counted them all). Both send to {@link io.forwardlog.benchmarks.sink.CountingSink}.
 * Built only with {@code -Pbenchmarks}; results and commands are in {@code benchmarks/RESULTS.md}.
 */
package io.forwardlog.benchmarks;
