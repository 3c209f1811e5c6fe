/**
 * {@link io.forwardlog.benchmarks.sink.CountingSink}: a Forward server that counts events and acks
 * chunks, fast enough not to be what the benchmarks measure.
 */
package io.forwardlog.benchmarks.sink;
