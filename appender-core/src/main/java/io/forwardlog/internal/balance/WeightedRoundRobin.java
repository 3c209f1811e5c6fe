package io.forwardlog.internal.balance;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Picks the node for each batch: smooth weighted round-robin (as nginx does it) over the eligible
 * active nodes, so traffic follows the weights exactly and is interleaved, with no long runs to one
 * node; equal weights give plain round-robin. Active nodes of weight 0 are used only when no weighted
 * active node is eligible, and standby nodes only when no active node is. Not thread-safe: used by the
 * sender thread only.
 */
final class WeightedRoundRobin<T> {

    private final List<T> nodes;
    private final int[] weights;
    private final boolean[] standby;
    private final long[] current;

    WeightedRoundRobin(List<T> nodes, ToIntFunction<T> weight, Predicate<T> isStandby) {
        this.nodes = List.copyOf(nodes);
        this.weights = new int[nodes.size()];
        this.standby = new boolean[nodes.size()];
        this.current = new long[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            weights[i] = weight.applyAsInt(nodes.get(i));
            standby[i] = isStandby.test(nodes.get(i));
        }
    }

    /** The next node among those {@code eligible} accepts, or {@code null} when there is none. */
    T next(Predicate<T> eligible) {
        return next(eligible, eligible);
    }

    /**
     * The next node of the first tier with an {@code available} node, among those of that tier that are
     * {@code ready}; {@code null} when none is ready: a lower tier never takes traffic because the
     * available nodes above it are busy for a moment.
     */
    T next(Predicate<T> available, Predicate<T> ready) {
        boolean[] candidates = new boolean[nodes.size()];
        for (int tier = 0; tier < 4; tier++) {
            boolean standbyTier = tier >= 2;
            boolean weighted = tier % 2 == 0;
            if (pick(candidates, available, standbyTier, weighted)) {
                return pick(candidates, available.and(ready), standbyTier, weighted) ? choose(candidates) : null;
            }
        }
        return null;
    }

    /** Whether {@link #next(Predicate, Predicate)} would return a node now; changes nothing. */
    boolean any(Predicate<T> available, Predicate<T> ready) {
        boolean[] candidates = new boolean[nodes.size()];
        for (int tier = 0; tier < 4; tier++) {
            boolean standbyTier = tier >= 2;
            boolean weighted = tier % 2 == 0;
            if (pick(candidates, available, standbyTier, weighted)) {
                return pick(candidates, available.and(ready), standbyTier, weighted);
            }
        }
        return false;
    }

    /** Marks the eligible nodes of one tier; returns whether there is any. */
    private boolean pick(boolean[] candidates, Predicate<T> eligible, boolean standbyTier, boolean weighted) {
        boolean any = false;
        for (int i = 0; i < nodes.size(); i++) {
            candidates[i] = standby[i] == standbyTier && (weights[i] > 0) == weighted && eligible.test(nodes.get(i));
            any |= candidates[i];
        }
        return any;
    }

    private T choose(boolean[] candidates) {
        long total = 0;
        int best = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (!candidates[i]) {
                continue;
            }
            // a weight-0 tier shares equally
            int weight = Math.max(1, weights[i]);
            current[i] += weight;
            total += weight;
            if (best < 0 || current[i] > current[best]) {
                best = i;
            }
        }
        current[best] -= total;
        return nodes.get(best);
    }
}
