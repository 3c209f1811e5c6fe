package io.forwardlog.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forwardlog.ThrowableView;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StackTraceWriterTest {

    @Test
    void formatsExactlyAsPrintStackTraceDoesWithCausesAndSuppressed() {
        IllegalStateException top = new IllegalStateException("top", new RuntimeException("cause", new java.io.IOException("root")));
        top.addSuppressed(new IllegalArgumentException("suppressed"));

        assertEquals(printed(top), StackTraceWriter.format(ThrowableView.of(top)));
    }

    @Test
    void aThrowableThatOverridesToStringIsShownAsItsToString() {
        RuntimeException custom = new RuntimeException("inner") {
            @Override
            public String toString() {
                return "PaymentDeclined[code=51]";
            }
        };

        assertEquals(printed(custom), StackTraceWriter.format(ThrowableView.of(custom)));
        assertTrue(StackTraceWriter.format(ThrowableView.of(custom)).startsWith("PaymentDeclined[code=51]\n\tat "));
    }

    @Test
    void aThrowableWithoutMessageShowsItsClassOnly() {
        NullPointerException e = new NullPointerException();

        assertTrue(StackTraceWriter.format(ThrowableView.of(e)).startsWith("java.lang.NullPointerException\n\tat "));
    }

    @Test
    void aCycleOfCausesIsCutLikeTheJdkDoes() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        String text = StackTraceWriter.format(ThrowableView.of(a));

        assertEquals(printed(a), text);
        assertTrue(text.contains("Caused by: [CIRCULAR REFERENCE: java.lang.RuntimeException: a]"));
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString().replace(System.lineSeparator(), "\n").stripTrailing();
    }
}
