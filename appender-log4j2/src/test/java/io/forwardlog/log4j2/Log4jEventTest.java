package io.forwardlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.forwardlog.LogEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.Test;

/** The view over a Log4j2 event, for what the end-to-end tests do not reach. */
class Log4jEventTest {

    @Test
    void namesAMarkerReachedThroughTwoParentsOnce() {
        Marker root = MarkerManager.getMarker("EVENT_TEST_ROOT");
        Marker left = MarkerManager.getMarker("EVENT_TEST_LEFT").setParents(root);
        Marker right = MarkerManager.getMarker("EVENT_TEST_RIGHT").setParents(root);
        Marker marker = MarkerManager.getMarker("EVENT_TEST").setParents(left, right);

        List<String> names = new ArrayList<>();
        view(Log4jLogEvent.newBuilder().setMarker(marker).setMessage(new SimpleMessage("m")).build(), null)
                .forEachMarker(names::add);

        assertEquals(List.of("EVENT_TEST", "EVENT_TEST_LEFT", "EVENT_TEST_ROOT", "EVENT_TEST_RIGHT"), names);
    }

    @Test
    void takesTheLayoutsOutputAsTheMessageWhenThereIsOne() {
        Log4jLogEvent event = Log4jLogEvent.newBuilder().setMessage(new SimpleMessage("formatted")).build();

        assertEquals("formatted", view(event, null).message());
        assertEquals("from the layout", view(event, "from the layout").message());
    }

    @Test
    void readsMapMessageFieldsAsKeyValuePairsAndOtherMessagesAsNone() {
        Map<String, Object> pairs = new LinkedHashMap<>();
        view(Log4jLogEvent.newBuilder().setMessage(new StringMapMessage().with("a", "1").with("b", 2L)).build(), null)
                .forEachKeyValue(pairs::put);
        view(Log4jLogEvent.newBuilder().setMessage(new SimpleMessage("plain")).build(), null)
                .forEachKeyValue(pairs::put);

        assertEquals(Map.of("a", "1", "b", 2L), pairs);
    }

    @Test
    void aMapMessagesMessageEntryIsTheMessageAndNotAField() {
        Map<String, Object> pairs = new LinkedHashMap<>();
        var view = view(Log4jLogEvent.newBuilder()
                .setMessage(new StringMapMessage().with("message", "payment failed").with("order", 1042)).build(), null);

        view.forEachKeyValue(pairs::put);

        assertEquals("payment failed", view.message());
        assertEquals(Map.of("order", 1042), pairs);
    }

    @Test
    void hasNoCallerDataWhenLog4jComputedNoLocation() {
        Log4jLogEvent event = Log4jLogEvent.newBuilder().setLevel(Level.INFO).setMessage(new SimpleMessage("m"))
                .setIncludeLocation(false).build();

        assertNull(view(event, null).callerData());
        assertNull(view(event, null).throwable());
    }

    private static LogEvent view(org.apache.logging.log4j.core.LogEvent event, String layoutOutput) {
        return new Log4jEvent(event, layoutOutput == null ? null : e -> layoutOutput);
    }
}
