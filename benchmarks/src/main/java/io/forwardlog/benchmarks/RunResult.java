package io.forwardlog.benchmarks;

/**
 * One client's run in one mode.
 *
 * @param client          {@code forwardlog} or {@code Fluency}
 * @param mode            the delivery mode's label
 * @param events          events sent
 * @param seconds         from the first log call until the sink had counted every event
 * @param callerSeconds   from the first log call until the last one returned
 * @param complete        whether the sink counted every event, exactly once, without a problem
 * @param note            what went wrong, or the client's summary
 */
public record RunResult(String client, String mode, long events, double seconds, double callerSeconds,
                        boolean complete, String note) {

    /** Events per second, end to end. */
    public double eventsPerSecond() {
        return events / seconds;
    }
}
