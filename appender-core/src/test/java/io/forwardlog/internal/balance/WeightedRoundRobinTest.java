package io.forwardlog.internal.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeightedRoundRobinTest {

    record Node(String name, int weight, boolean standby) {
    }

    private static WeightedRoundRobin<Node> rr(Node... nodes) {
        return new WeightedRoundRobin<>(List.of(nodes), Node::weight, Node::standby);
    }

    @Test
    void splitsThirtyThousandBatchesExactlyAcrossThreeEqualNodes() {
        Node a = new Node("a", 60, false);
        Node b = new Node("b", 60, false);
        Node c = new Node("c", 60, false);
        WeightedRoundRobin<Node> rr = rr(a, b, c);

        Map<Node, Integer> counts = count(rr, 30_000, Set.of(a, b, c));

        assertEquals(Map.of(a, 10_000, b, 10_000, c, 10_000), counts);
    }

    @Test
    void cyclesInOrderWithEqualWeights() {
        Node a = new Node("a", 1, false);
        Node b = new Node("b", 1, false);
        WeightedRoundRobin<Node> rr = rr(a, b);

        assertEquals(List.of(a, b, a, b), List.of(rr.next(n -> true), rr.next(n -> true), rr.next(n -> true), rr.next(n -> true)));
    }

    @Test
    void splitsInTheRatioOfTheWeightsAndInterleaves() {
        Node a = new Node("a", 10, false);
        Node b = new Node("b", 20, false);
        Node c = new Node("c", 30, false);
        WeightedRoundRobin<Node> rr = rr(a, b, c);

        Map<Node, Integer> counts = count(rr, 60_000, Set.of(a, b, c));

        assertEquals(Map.of(a, 10_000, b, 20_000, c, 30_000), counts);
        // smooth: within any 6 consecutive picks each node appears as often as its weight says
        Map<Node, Integer> window = count(rr, 6, Set.of(a, b, c));
        assertEquals(Map.of(a, 1, b, 2, c, 3), window);
    }

    @Test
    void neverRunsLongOnOneNodeWhenWeightsDiffer() {
        Node heavy = new Node("heavy", 90, false);
        Node light = new Node("light", 10, false);
        WeightedRoundRobin<Node> rr = rr(heavy, light);

        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < 1000; i++) {
            run = rr.next(n -> true) == heavy ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }

        assertTrue(longestRun <= 9, "longest run to the heavy node was " + longestRun);
    }

    @Test
    void givesNothingToAWeightZeroNodeWhileOthersAreUp() {
        Node a = new Node("a", 60, false);
        Node zero = new Node("zero", 0, false);
        WeightedRoundRobin<Node> rr = rr(a, zero);

        assertEquals(Map.of(a, 100), count(rr, 100, Set.of(a, zero)));
        assertEquals(Map.of(zero, 10), count(rr, 10, Set.of(zero)));
    }

    @Test
    void usesStandbyNodesOnlyWhenNoActiveNodeIsAvailable() {
        Node a = new Node("a", 60, false);
        Node b = new Node("b", 60, false);
        Node standby = new Node("standby", 60, true);
        WeightedRoundRobin<Node> rr = rr(a, b, standby);

        assertEquals(Map.of(a, 50, b, 50), count(rr, 100, Set.of(a, b, standby)));
        assertEquals(Map.of(standby, 10), count(rr, 10, Set.of(standby)));
        assertEquals(Map.of(b, 10), count(rr, 10, Set.of(b, standby)));
    }

    @Test
    void returnsNullWhenNoNodeIsEligible() {
        WeightedRoundRobin<Node> rr = rr(new Node("a", 60, false));

        assertNull(rr.next(n -> false));
    }

    private static Map<Node, Integer> count(WeightedRoundRobin<Node> rr, int picks, Set<Node> available) {
        Map<Node, Integer> counts = new HashMap<>();
        for (int i = 0; i < picks; i++) {
            counts.merge(rr.next(available::contains), 1, Integer::sum);
        }
        return counts;
    }
}
