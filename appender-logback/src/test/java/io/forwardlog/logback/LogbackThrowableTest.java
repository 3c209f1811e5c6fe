package io.forwardlog.logback;

import static io.forwardlog.logback.RecordFieldsTest.printedByTheJdk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.spi.ThrowableProxy;
import io.forwardlog.ThrowableView;
import io.forwardlog.internal.record.StackTraceWriter;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LogbackThrowableTest {

    @Test
    void aCycleOfCausesIsCutAsTheJdkCutsIt() {
        IllegalStateException outer = new IllegalStateException("outer");
        IOException inner = new IOException("inner", outer);
        outer.initCause(inner);

        String text = StackTraceWriter.format(LogbackThrowable.of(new ThrowableProxy(outer)));

        assertEquals(printedByTheJdk(outer), text);
    }

    @Test
    void aSuppressedThrowableThatIsAlsoTheCauseIsCutAsTheJdkCutsIt() {
        IOException cause = new IOException("disk full");
        IllegalStateException failure = new IllegalStateException("write failed", cause);
        failure.addSuppressed(cause);

        String text = StackTraceWriter.format(LogbackThrowable.of(new ThrowableProxy(failure)));

        assertEquals(printedByTheJdk(failure), text);
    }

    @Test
    void aThrowableThatOverridesToStringIsShownAsItsToStringAsTheJdkShowsIt() {
        RuntimeException declined = new RuntimeException("inner") {
            @Override
            public String toString() {
                return "PaymentDeclined[code=51]";
            }
        };

        String text = StackTraceWriter.format(LogbackThrowable.of(new ThrowableProxy(declined)));

        assertEquals(printedByTheJdk(declined), text);
    }

    @Test
    void showsClassMessageFramesAndNoCauseOfASimpleThrowable() {
        IllegalArgumentException failure = new IllegalArgumentException();

        ThrowableView view = LogbackThrowable.of(new ThrowableProxy(failure));

        assertEquals("java.lang.IllegalArgumentException", view.className());
        assertNull(view.message());
        assertEquals(failure.getStackTrace()[0], view.stackTrace()[0]);
        assertEquals(failure.getStackTrace().length, view.stackTrace().length);
        assertNull(view.cause());
        assertEquals(0, view.suppressed().size());
    }
}
