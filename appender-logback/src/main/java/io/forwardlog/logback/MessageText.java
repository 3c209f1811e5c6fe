package io.forwardlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** What goes into a record's {@code message}: the formatted message, or a layout's or encoder's output. */
@FunctionalInterface
interface MessageText {

    String of(ILoggingEvent event);

    /** The message with its arguments filled in. */
    static MessageText formatted() {
        return ILoggingEvent::getFormattedMessage;
    }

    /** The layout's text without its trailing line separator. */
    static MessageText of(Layout<ILoggingEvent> layout) {
        return event -> withoutLineEnd(layout.doLayout(event));
    }

    /**
     * The encoder's bytes as text, read in the encoder's own charset when it has one (a pattern encoder
     * without one writes the platform's), else as UTF-8, without the trailing line separator.
     */
    static MessageText of(Encoder<ILoggingEvent> encoder) {
        Charset charset = StandardCharsets.UTF_8;
        if (encoder instanceof LayoutWrappingEncoder<ILoggingEvent> wrapping) {
            charset = wrapping.getCharset() != null ? wrapping.getCharset() : Charset.defaultCharset();
        }
        Charset decoding = charset;
        return event -> {
            byte[] bytes = encoder.encode(event);
            return bytes == null ? "" : withoutLineEnd(new String(bytes, decoding));
        };
    }

    private static String withoutLineEnd(String text) {
        if (text == null) {
            return "";
        }
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
