package io.forwardlog.benchmarks;

/**
 * One client's run in one mode.
 *
 * @param client   {@code forwardlog} or {@code Fluency}
 * @param mode     the delivery mode's label
 * @param events   events sent
 * @param times    how long it took, and how much CPU
 * @param complete whether the sink counted every event, exactly once, without a problem
 * @param note     what went wrong, or the client's summary
 */
public record RunResult(String client, String mode, long events, Times times, boolean complete, String note) {

    /**
     * @param seconds         from the first log call until the sink had counted every event
     * @param callerSeconds   from the first log call until the last one returned
     * @param callerCpuNanos  CPU time the calling threads spent in their log calls, all together
     * @param processCpuNanos CPU time of the whole JVM over {@code seconds}: callers, the client's own
     *                        threads, the sink, GC and JIT; -1 when the JVM does not tell
     */
    public record Times(double seconds, double callerSeconds, long callerCpuNanos, long processCpuNanos) {
    }

    /** Events per second, end to end. */
    public double eventsPerSecond() {
        return events / times.seconds();
    }

    /** The callers' CPU nanoseconds per event. */
    public double callerCpuNanosPerEvent() {
        return (double) times.callerCpuNanos() / events;
    }

    /** The JVM's CPU nanoseconds per event, or a negative number when unknown. */
    public double processCpuNanosPerEvent() {
        return times.processCpuNanos() < 0 ? -1 : (double) times.processCpuNanos() / events;
    }
}
