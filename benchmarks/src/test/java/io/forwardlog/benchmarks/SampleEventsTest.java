package io.forwardlog.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleEventsTest {

    @Test
    void aTypicalEventHasAMessageOfAbout100CharactersAndFourMdcEntries() {
        SampleEvent event = SampleEvents.typical("main");

        assertTrue(event.message().length() >= 90 && event.message().length() <= 110, event.message());
        Map<String, String> mdc = new LinkedHashMap<>();
        event.forEachContextEntry(mdc::put);
        assertEquals(List.of("requestId", "userId", "traceId", "spanId"), new ArrayList<>(mdc.keySet()));
        assertEquals("INFO", event.level());
        assertEquals("main", event.threadName());
    }

    @Test
    void theRecordHoldsTheFieldsForwardlogWritesInItsOrder() {
        SampleEvent event = SampleEvents.typical("main");

        assertEquals(List.of("message", "level", "logger", "thread", "requestId", "userId", "traceId", "spanId"),
                new ArrayList<>(event.record().keySet()));
        assertEquals(event.toRecord(), event.record());
    }

    @Test
    void theSameSeedGivesTheSameEventsAndTheEventsOfASetDiffer() {
        SampleEvent[] first = SampleEvents.create(3, "t", 7);
        SampleEvent[] again = SampleEvents.create(3, "t", 7);

        assertEquals(first[2].record(), again[2].record());
        assertNotEquals(first[0].message(), first[1].message());
    }
}
