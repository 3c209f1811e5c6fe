package io.forwardlog.samples;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import io.forwardlog.ForwardSettings;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * An application as {@link ModulePathIT} starts it in a JVM of its own, with forwardlog and the
 * frameworks on the module path or on the class path: it configures Logback and Log4j2 from their XML,
 * logs one event through each, stops both, and prints which module each appender came from.
 * Arguments: the upstream file.
 */
public final class ModulePathApp {

    private ModulePathApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("core: " + moduleOf(ForwardSettings.class));

        LoggerContext logback = new LoggerContext();
        logback.setMDCAdapter(new LogbackMDCAdapter());
        logback.putProperty("UPSTREAM", args[0]);
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(logback);
        joran.doConfigure(ModulePathApp.class.getResource("/modulepath/logback.xml"));
        Appender<?> forward = logback.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FLUENT");
        System.out.println("logback: " + moduleOf(forward.getClass()) + (forward.isStarted() ? " started" : " stopped"));
        logback.getStatusManager().getCopyOfStatusList().stream().filter(s -> s.getLevel() >= Status.WARN)
                .forEach(s -> System.out.println("logback status: " + s.getMessage()));
        logback.getLogger("modulepath").info("from logback");
        logback.stop();

        System.setProperty("forwardlog.modulepath.upstream", args[0]);
        org.apache.logging.log4j.core.LoggerContext log4j = Configurator.initialize("modulepath", null,
                ModulePathApp.class.getResource("/modulepath/log4j2.xml").toURI());
        org.apache.logging.log4j.core.Appender plugin = log4j.getConfiguration().getAppender("fluent");
        System.out.println("log4j2: " + (plugin == null ? "no appender" : moduleOf(plugin.getClass())
                + (plugin.isStarted() ? " started" : " stopped")));
        log4j.getLogger("modulepath").info("from log4j2");
        Configurator.shutdown(log4j);
    }

    private static String moduleOf(Class<?> type) {
        Module module = type.getModule();
        return module.isNamed() ? "module " + module.getName() : "class path";
    }
}
