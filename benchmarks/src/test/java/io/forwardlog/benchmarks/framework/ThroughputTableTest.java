package io.forwardlog.benchmarks.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.forwardlog.benchmarks.sink.EventIds;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTableTest {

    private static FrameworkRun.Outcome run(Contender contender, FrameworkMode mode, double seconds, boolean complete) {
        FrameworkRun.Spec spec = new FrameworkRun.Spec(contender, mode, 2, 0, 1_000_000, false, 512L << 20, 50);
        EventIds.Summary ids = new EventIds.Summary(1_000_000, complete ? 1_000_000 : 999_999, 0, 0, 0, 0, 1);
        return new FrameworkRun.Outcome(spec, seconds, seconds, 0, 0, -1, ids, null);
    }

    @Test
    void showsMediansOfCompleteRunsWithTheirRangeAndForwardlogsRatioToEachPeer() {
        ThroughputTable table = new ThroughputTable(Contender.LOGBACK_FORWARDLOG, List.of(Contender.LOGBACK_FLUENCY));
        table.add(run(Contender.LOGBACK_FORWARDLOG, FrameworkMode.NO_ACKS, 0.5, true));
        table.add(run(Contender.LOGBACK_FLUENCY, FrameworkMode.NO_ACKS, 2.0, true));
        table.add(run(Contender.LOGBACK_FORWARDLOG, FrameworkMode.NO_ACKS, 0.25, true));
        table.add(run(Contender.LOGBACK_FLUENCY, FrameworkMode.NO_ACKS, 1.0, true));
        table.add(run(Contender.LOGBACK_FORWARDLOG, FrameworkMode.NO_ACKS, 1.0, true));
        table.add(run(Contender.LOGBACK_FLUENCY, FrameworkMode.NO_ACKS, 4.0, false));
        table.add(run(Contender.LOGBACK_FORWARDLOG, FrameworkMode.ACKS, 1.0, false));
        table.add(run(Contender.LOGBACK_FLUENCY, FrameworkMode.ACKS, 1.0, true));
        table.add(run(Contender.LOGBACK_FORWARDLOG, FrameworkMode.GZIP, 2.0, true));

        assertEquals("""
                | mode | forwardlog events/s | FluencyLogbackAppender events/s | forwardlog / FluencyLogbackAppender |
                |---|---:|---:|---:|
                | no acks | 2,000,000 (1,000,000 .. 4,000,000) | 750,000 (500,000 .. 1,000,000) (2 of 3 runs complete) | **2.67** |
                | acks | incomplete (0 of 1 runs complete) | 1,000,000 (1,000,000 .. 1,000,000) | n/a |
                | gzip | 500,000 (500,000 .. 500,000) | cannot |  |
                """, table.render(List.of(FrameworkMode.values())));
        assertNull(table.ratio(Contender.LOGBACK_FLUENCY, FrameworkMode.ACKS));
    }
}
