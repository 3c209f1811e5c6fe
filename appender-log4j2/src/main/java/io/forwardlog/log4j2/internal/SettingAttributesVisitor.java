package io.forwardlog.log4j2.internal;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.PluginAliases;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.visitors.AbstractPluginVisitor;

/**
 * Takes the attributes of a plugin's configuration node for a {@link SettingAttributes} field, as Log4j2's
 * own visitor for {@code @PluginBuilderAttribute} takes one attribute: it removes them from the node (so
 * that Log4j2 does not report them as unknown) and applies the substitutor Log4j2 hands every visitor,
 * the one that resolves {@code ${sys:...}}, {@code ${env:...}} and the configuration's properties while
 * the configuration is built. Attributes declared by {@code @PluginBuilderAttribute} fields elsewhere in
 * the builder's class hierarchy are left for those fields. Log4j2 makes one visitor per field it visits.
 */
public final class SettingAttributesVisitor extends AbstractPluginVisitor<SettingAttributes> {

    public SettingAttributesVisitor() {
        super(SettingAttributes.class);
    }

    @Override
    public Object visit(Configuration configuration, Node node, LogEvent event, StringBuilder log) {
        Set<String> framework = frameworkAttributes(((Field) member).getDeclaringClass());
        Map<String, String> taken = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, String>> it = node.getAttributes().entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> attribute = it.next();
            if (framework.contains(attribute.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String value = substitutor.replace(event, attribute.getValue());
            taken.put(attribute.getKey(), value);
            it.remove();
            log.append(log.length() == 0 ? "" : ", ").append(attribute.getKey()).append("=\"").append(value).append('"');
        }
        return taken;
    }

    /** The attribute names, in lower case, that fields of {@code builder}'s class hierarchy take themselves. */
    private static Set<String> frameworkAttributes(Class<?> builder) {
        Set<String> names = new HashSet<>();
        for (Class<?> type = builder; type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                String name = attributeName(field);
                if (name == null) {
                    continue;
                }
                names.add(name.toLowerCase(Locale.ROOT));
                PluginAliases aliases = field.getAnnotation(PluginAliases.class);
                if (aliases != null) {
                    for (String alias : aliases.value()) {
                        names.add(alias.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    private static String attributeName(Field field) {
        PluginBuilderAttribute builderAttribute = field.getAnnotation(PluginBuilderAttribute.class);
        if (builderAttribute != null) {
            return builderAttribute.value().isEmpty() ? field.getName() : builderAttribute.value();
        }
        PluginAttribute attribute = field.getAnnotation(PluginAttribute.class);
        return attribute == null ? null : attribute.value();
    }
}
