package io.forwardlog.benchmarks.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigFilesTest {

    private static final ConfigTarget TARGET = new ConfigTarget("127.0.0.1", 24224, Path.of("/tmp/b/upstream.conf"),
            Path.of("/tmp/b/fluent-bit-tcp.json"), 512L * 1024 * 1024, 50);

    @Test
    void writesLogbackXmlAsAUserWouldWithOnlyTheSharedSettingsChanged() {
        assertEquals("""
                <configuration>
                  <appender name="logback-forwardlog" class="io.forwardlog.logback.ForwardAppender">
                    <upstream>/tmp/b/upstream.conf</upstream>
                    <tag>app.orders</tag>
                    <bufferCapacity>512MB</bufferCapacity>
                    <flushInterval>50 milliseconds</flushInterval>
                    <requireAckResponse>true</requireAckResponse>
                  </appender>
                  <root level="INFO">
                    <appender-ref ref="logback-forwardlog"/>
                  </root>
                </configuration>
                """, ConfigFiles.configuration(Contender.LOGBACK_FORWARDLOG, FrameworkMode.ACKS, TARGET));
        assertEquals("""
                <configuration>
                  <appender name="logback-fluency" class="ch.qos.logback.more.appenders.FluencyLogbackAppender">
                    <tag>app.orders</tag>
                    <remoteHost>127.0.0.1</remoteHost>
                    <port>24224</port>
                    <useEventTime>true</useEventTime>
                    <maxBufferSize>536870912</maxBufferSize>
                    <bufferChunkRetentionTimeMillis>50</bufferChunkRetentionTimeMillis>
                    <flushAttemptIntervalMillis>50</flushAttemptIntervalMillis>
                  </appender>
                  <root level="INFO">
                    <appender-ref ref="logback-fluency"/>
                  </root>
                </configuration>
                """, ConfigFiles.configuration(Contender.LOGBACK_FLUENCY, FrameworkMode.NO_ACKS, TARGET));
    }

    @Test
    void writesLog4j2XmlWithEachPeerAsItsUsersConfigureIt() {
        assertEquals("""
                <Configuration status="warn">
                  <Appenders>
                    <Forward name="log4j2-forwardlog" upstream="/tmp/b/upstream.conf" tag="app.orders" bufferCapacity="512MB" flushInterval="50 milliseconds" compress="gzip"/>
                  </Appenders>
                  <Loggers>
                    <Root level="info">
                      <AppenderRef ref="log4j2-forwardlog"/>
                    </Root>
                  </Loggers>
                </Configuration>
                """, ConfigFiles.configuration(Contender.LOG4J2_FORWARDLOG, FrameworkMode.GZIP, TARGET));
        assertEquals("""
                    <Socket name="log4j2-socket-json" host="127.0.0.1" port="24224" protocol="TCP">
                      <JsonTemplateLayout eventTemplateUri="file:///tmp/b/fluent-bit-tcp.json"/>
                    </Socket>
                """, Contender.LOG4J2_SOCKET_JSON.appenderXml(TARGET, FrameworkMode.NO_ACKS));
        assertEquals("""
                    <Fluency name="log4j2-fluency-plugin" tag="app.orders">
                      <Server host="127.0.0.1" port="24224"/>
                      <FluencyConfig maxBufferSize="536870912" flushIntervalMillis="50" ackResponseMode="true"/>
                    </Fluency>
                """, Contender.LOG4J2_FLUENCY_PLUGIN.appenderXml(TARGET, FrameworkMode.ACKS));
    }

    @Test
    void refusesAModeTheContenderCannotRunIn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigFiles.configuration(Contender.LOGBACK_FLUENCY, FrameworkMode.GZIP, TARGET));
        assertEquals("FluencyLogbackAppender cannot run in mode gzip", e.getMessage());
    }
}
