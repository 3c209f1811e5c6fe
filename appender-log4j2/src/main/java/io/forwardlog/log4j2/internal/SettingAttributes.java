package io.forwardlog.log4j2.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.logging.log4j.core.config.plugins.PluginVisitorStrategy;

/**
 * Marks the one field of a plugin builder, a {@code Map<String, String>}, that receives every attribute
 * of the plugin's element except those the builder's framework classes declare themselves ({@code name},
 * {@code ignoreExceptions}), by name, with Log4j2's {@code ${...}} substitution applied: see
 * {@link SettingAttributesVisitor}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@PluginVisitorStrategy(SettingAttributesVisitor.class)
public @interface SettingAttributes {
}
