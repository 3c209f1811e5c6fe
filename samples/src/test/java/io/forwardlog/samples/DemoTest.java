package io.forwardlog.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's first command: the demo ends with every event received and none dropped. */
class DemoTest {

    @Test
    void theDemoDeliversEveryEventBalancesFailsOverAndCallsInTheStandbyOnlyWhileNodesAreDown() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        int exit = new Demo(out).run();

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.contains("| lost: 0 | dropped: 0 |"), printed);
        long[] phase1 = row(printed, "1. all nodes up");
        long[] phase2 = row(printed, "2. node-1 stopped");
        long[] phase3 = row(printed, "3. node-1, node-2, node-3 stopped");
        long[] phase4 = row(printed, "4. all nodes back");
        assertTrue(phase1[0] > 0 && phase1[1] > 0 && phase1[2] > 0 && phase1[3] == 0, printed);
        // node-1's weight is lost: the standby, of the same weight, stands in for it
        assertTrue(phase2[0] == 0 && phase2[1] > 0 && phase2[2] > 0 && phase2[3] > 0, printed);
        assertTrue(phase3[3] >= 2000, printed);
        assertTrue(phase4[0] > 0 && phase4[1] > 0 && phase4[2] > 0 && phase4[3] == 0, printed);
    }

    /** The four node columns of the table row that starts with {@code label}. */
    private static long[] row(String printed, String label) {
        String line = printed.lines().filter(l -> l.startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + label + "' in:\n" + printed));
        List<String> cells = Arrays.asList(line.substring(34).trim().split("\\s+"));
        return cells.stream().mapToLong(Long::parseLong).toArray();
    }
}
