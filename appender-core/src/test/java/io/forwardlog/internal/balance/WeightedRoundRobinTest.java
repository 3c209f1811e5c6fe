package io.forwardlog.internal.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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
    void neverPicksANodeOfWeightZeroNotEvenWhenItIsTheOnlyOneAvailable() {
        Node a = new Node("a", 60, false);
        Node zero = new Node("zero", 0, false);
        Node zeroStandby = new Node("zero-standby", 0, true);
        WeightedRoundRobin<Node> rr = rr(a, zero, zeroStandby);

        assertEquals(Map.of(a, 100), count(rr, 100, Set.of(a, zero, zeroStandby)));
        assertNull(rr.next(Set.of(zero, zeroStandby)::contains));
        assertEquals(List.of(), rr.inRotation(Set.of(zero, zeroStandby)::contains));
    }

    @Test
    void leavesStandbyNodesOutWhileEveryActiveNodeIsAvailable() {
        Node a = new Node("a", 60, false);
        Node b = new Node("b", 60, false);
        Node standby = new Node("standby", 60, true);
        WeightedRoundRobin<Node> rr = rr(a, b, standby);

        assertEquals(Map.of(a, 50, b, 50), count(rr, 100, Set.of(a, b, standby)));
    }

    @Test
    void callsInAStandbyAsSoonAsOneActiveNodeIsDownAndSplitsByWeight() {
        // the case: two active nodes and a standby, all of weight 60; node a closed
        Node a = new Node("a", 60, false);
        Node b = new Node("b", 60, false);
        Node standby = new Node("standby", 60, true);
        WeightedRoundRobin<Node> rr = rr(a, b, standby);

        assertEquals(Map.of(b, 1000, standby, 1000), count(rr, 2000, Set.of(b, standby)));
        assertEquals(Map.of(standby, 10), count(rr, 10, Set.of(standby)));
    }

    @Test
    void callsInStandbyNodesInTheirOrderUntilTheirWeightCoversTheLostWeight() {
        Node a = new Node("a", 100, false);
        Node b = new Node("b", 10, false);
        Node s1 = new Node("s1", 30, true);
        Node s2 = new Node("s2", 50, true);
        Node s3 = new Node("s3", 40, true);
        WeightedRoundRobin<Node> rr = rr(a, b, s1, s2, s3);
        Set<Node> standbys = Set.of(s1, s2, s3);

        // b lost 10: s1 (30) covers it
        assertEquals(List.of(a, s1), rr.inRotation(with(standbys, a)::contains));
        // a lost 100: s1 (30) and s2 (50) make 80, not enough, so s3 (40) joins too
        assertEquals(List.of(b, s1, s2, s3), rr.inRotation(with(standbys, b)::contains));
        // both lost 110, s1 is down: s2 and s3 make 90, all there is
        assertEquals(List.of(s2, s3), rr.inRotation(Set.of(s2, s3)::contains));
        // s1 down, b lost 10: the next standby in order, s2, covers it
        assertEquals(List.of(a, s2), rr.inRotation(Set.of(a, s2, s3)::contains));
        assertEquals(Map.of(a, 1000, s2, 500), count(rr, 1500, Set.of(a, s2, s3)));
    }

    @Test
    void aBusyActiveNodeKeepsItsPlaceRatherThanCallingInAStandby() {
        Node a = new Node("a", 60, false);
        Node b = new Node("b", 60, false);
        Node standby = new Node("standby", 60, true);
        WeightedRoundRobin<Node> rr = rr(a, b, standby);
        Predicate<Node> allAvailable = n -> true;

        assertNull(rr.next(allAvailable, n -> n == standby), "available but busy active nodes do not call in the standby");
        assertFalse(rr.any(allAvailable, n -> n == standby));
        assertEquals(b, rr.next(allAvailable, n -> n == b || n == standby), "a busy node's turn goes to the other active node");
    }

    @Test
    void returnsNullWhenNoNodeIsEligible() {
        WeightedRoundRobin<Node> rr = rr(new Node("a", 60, false));

        assertNull(rr.next(n -> false));
    }

    private static Set<Node> with(Set<Node> nodes, Node node) {
        Set<Node> all = new HashSet<>(nodes);
        all.add(node);
        return all;
    }

    private static Map<Node, Integer> count(WeightedRoundRobin<Node> rr, int picks, Set<Node> available) {
        Map<Node, Integer> counts = new HashMap<>();
        for (int i = 0; i < picks; i++) {
            counts.merge(rr.next(available::contains), 1, Integer::sum);
        }
        return counts;
    }
}
