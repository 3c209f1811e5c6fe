package io.forwardlog.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forwardlog.Settings;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The appender's bean properties, which Joran calls for the elements of {@code logback.xml}, are the
 * settings of {@link Settings}, each a setter taking the element's text as it is, plus Logback's own
 * kinds of element: an encoder, a layout, static fields.
 */
class BeanSettersTest {

    @Test
    void hasOneStringSetterPerSettingAndNoOtherProperty() {
        List<String> expected = Stream.concat(
                Settings.all().stream().map(s -> "set" + s.name().substring(0, 1).toUpperCase(Locale.ROOT)
                        + s.name().substring(1) + "(String)"),
                Stream.of("addStaticField(String)", "setEncoder(Encoder)", "setLayout(Layout)")).sorted().toList();

        List<String> declared = Arrays.stream(ForwardAppender.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .filter(m -> m.getName().matches("(set|add)[A-Z].*"))
                .map(BeanSettersTest::signature).sorted().toList();

        assertEquals(expected, declared);
    }

    private static String signature(Method method) {
        return method.getName() + "(" + String.join(",", Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName).toList()) + ")";
    }
}
