package io.forwardlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.forwardlog.LogEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
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

        assertEquals("formatted", view(event, null).message().toString());
        assertEquals("from the layout", view(event, "from the layout").message().toString());
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

        assertEquals("payment failed", view.message().toString());
        assertEquals(Map.of("order", 1042), pairs);
    }

    @Test
    void hasNoCallerDataWhenLog4jComputedNoLocation() {
        Log4jLogEvent event = Log4jLogEvent.newBuilder().setLevel(Level.INFO).setMessage(new SimpleMessage("m"))
                .setIncludeLocation(false).build();

        assertNull(view(event, null).callerData());
        assertNull(view(event, null).throwable());
    }

    @Test
    void aThreadsViewIsReusedForEachEventAndANewOneServesAnEventAppendedWhileItIsInUse() {
        ThreadLocal<Log4jEvent> views = ThreadLocal.withInitial(Log4jEvent::new);
        Log4jLogEvent first = Log4jLogEvent.newBuilder().setMessage(new ParameterizedMessage("order {}", 1)).build();
        Log4jLogEvent second = Log4jLogEvent.newBuilder().setMessage(new ParameterizedMessage("order {} of {}", 2, 3))
                .build();

        Log4jEvent outer = Log4jEvent.of(views, first, null);
        Log4jEvent nested = Log4jEvent.of(views, second, null);
        assertEquals("order 1", outer.message().toString());
        assertEquals("order 2 of 3", nested.message().toString());
        nested.release();
        outer.release();

        Log4jEvent next = Log4jEvent.of(views, second, null);
        assertSame(outer, next, "the thread's view, free again");
        assertEquals("order 2 of 3", next.message().toString());
        next.release();
    }

    private static LogEvent view(org.apache.logging.log4j.core.LogEvent event, String layoutOutput) {
        return Log4jEvent.of(ThreadLocal.withInitial(Log4jEvent::new), event, layoutOutput == null ? null : e -> layoutOutput);
    }
}
