package io.forwardlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.logging.log4j.core.config.plugins.util.PluginRegistry;
import org.apache.logging.log4j.core.config.plugins.util.PluginType;
import org.junit.jupiter.api.Test;

/** Log4j2 finds {@code <Forward>} through the descriptor its annotation processor wrote at build time. */
class PluginDescriptorTest {

    @Test
    void registersForwardAsACoreAppenderPlugin() {
        List<PluginType<?>> forward = PluginRegistry.getInstance().loadFromMainClassLoader().get("core").stream()
                .filter(type -> type.getKey().equals("forward")).toList();

        assertEquals(1, forward.size(), forward.toString());
        assertEquals(ForwardAppender.class, forward.get(0).getPluginClass());
        assertEquals("appender", forward.get(0).getElementName());
    }
}
