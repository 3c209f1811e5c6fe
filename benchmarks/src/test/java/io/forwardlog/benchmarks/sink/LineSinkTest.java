package io.forwardlog.benchmarks.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSinkTest {

    @Test
    void countsTheLinesOfEveryConnectionAndChecksTheirIds() throws Exception {
        EventIds ids = new EventIds(1000);
        LineSink sink = LineSink.start(ids);
        try (sink) {
            for (int connection = 0; connection < 2; connection++) {
                try (Socket socket = new Socket(sink.host(), sink.port()); OutputStream out = socket.getOutputStream()) {
                    StringBuilder lines = new StringBuilder();
                    for (int id = connection; id < 1000; id += 2) {
                        lines.append("{\"message\":\"order ").append(id).append(" processed in 1 ms\"}\n");
                    }
                    out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
                }
            }

            assertTrue(ids.awaitAll(System.nanoTime() + Duration.ofSeconds(30).toNanos()), ids.summary().toString());
            assertTrue(ids.summary().exactlyOnce(), ids.summary().problems());
        }
        // closing waits for the readers, so that the count of lines is final
        assertEquals(1000, sink.lines());
        assertEquals(List.of(), sink.problems());
    }
}
