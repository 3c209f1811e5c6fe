package io.forwardlog.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TagPatternTest {

    @Test
    void aFixedTagIsUsedAsItIs() {
        TagPattern tag = TagPattern.parse("app.orders");

        assertTrue(tag.isFixed());
        assertEquals("app.orders", tag.resolve("com.example.Orders", "INFO"));
    }

    @Test
    void placeholdersTakeTheLoggerNameAndTheLevelInLowerCase() {
        assertEquals("app.com.example.Orders.error", TagPattern.parse("app.{logger}.{level}").resolve("com.example.Orders", "ERROR"));
    }

    @Test
    void aTagIsMadeOncePerLoggerAndLevelAndStaysRightPastTheTagsKept() {
        TagPattern tag = TagPattern.parse("app.{logger}.{level}");

        assertSame(tag.resolve("com.example.Orders", "WARN"), tag.resolve("com.example.Orders", "WARN"));
        for (int i = 0; i < 12_000; i++) {
            assertEquals("app.logger" + i + ".info", tag.resolve("logger" + i, "INFO"));
        }
        assertEquals("app.root.unknown", tag.resolve(null, null));
        assertEquals("app.a.", tag.resolve("a", ""));
    }

    @Test
    void anEmptyLoggerNameBecomesRoot() {
        assertEquals("app.root", TagPattern.parse("app.{logger}").resolve("", "INFO"));
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithTheOnesThatExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TagPattern.parse("app.{host}"));

        assertEquals("tag 'app.{host}' uses {host}; a tag can use {logger} and {level}", e.getMessage());
    }

    @Test
    void unbalancedBracesAreRefused() {
        assertEquals("tag 'app.{level' has a '{' without '}'",
                assertThrows(IllegalArgumentException.class, () -> TagPattern.parse("app.{level")).getMessage());
        assertEquals("tag 'app.level}' has a '}' without '{'",
                assertThrows(IllegalArgumentException.class, () -> TagPattern.parse("app.level}")).getMessage());
    }
}
