package io.forwardlog.benchmarks.framework;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * What a child JVM and its parent say to each other: the child writes lines starting with
 * {@link #PREFIX} on standard output (anything else there is the frameworks' own output), the parent
 * answers with {@link #GO} and {@link #STOP} on the child's standard input.
 *
 * <pre>
 * child:  @child ready
 * child:  @child warmed &lt;events&gt;                      (after the warm-up, none in a cold run)
 * parent: go
 * child:  @child measured &lt;firstCallNanos&gt; &lt;lastReturnNanos&gt; &lt;callerCpuNanos&gt; &lt;callerAllocatedBytes&gt;
 * parent: stop                                       (once the sink has counted every event)
 * child:  @child sender &lt;allocatedBytes or -1&gt;
 * child:  @child stopped
 * </pre>
 *
 * Times are {@link System#nanoTime()}, which on Linux reads one clock for all processes
 * ({@code CLOCK_MONOTONIC}), so the parent compares them with its own.
 */
final class ChildProtocol {

    static final String PREFIX = "@child ";
    static final String READY = "ready";
    static final String WARMED = "warmed";
    static final String MEASURED = "measured";
    static final String SENDER = "sender";
    static final String STOPPED = "stopped";
    static final String FAILED = "failed";
    static final String GO = "go";
    static final String STOP = "stop";

    private ChildProtocol() {
    }

    /** The child says one line to the parent. */
    static void say(String line) {
        System.out.println(PREFIX + line);
        System.out.flush();
    }

    /** The child reads the parent's next word; any other line ends the child, saying so. */
    static void expect(BufferedReader parent, String word) throws IOException {
        String line = parent.readLine();
        if (!word.equals(line)) {
            say(FAILED + " expected '" + word + "' from the parent, got '" + line + "'");
            System.exit(1);
        }
    }
}
