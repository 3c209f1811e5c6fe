package io.forwardlog.internal.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Picks the node for each batch: smooth weighted round-robin (as nginx does it) over the nodes in
 * rotation, so traffic follows the weights exactly and is interleaved, with no long runs to one node;
 * equal weights give plain round-robin.
 *
 * <p>The rotation is the one Fluentd's {@code out_forward} builds ({@code rebuild_weight_array}):
 * nodes of weight 0 are never in it; every available active node is; and while the active nodes that
 * are not available have lost some weight, available standby nodes join, in their order, until their
 * weight covers what was lost. A standby leaves again as soon as the active weight is back (an active
 * node is available again once it has been healthy for {@code recoverWait}). Whether a node is in the
 * rotation depends on its availability only: an available node that is busy for a moment (its window
 * full, a frame being written) keeps its place, and its share waits for it rather than going to a
 * standby. Not thread-safe: used by the sender thread only.
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

    /** The next node among those {@code eligible} accepts, all of them taken as available; {@code null} when none. */
    T next(Predicate<T> eligible) {
        return next(eligible, eligible);
    }

    /**
     * The next node of the rotation that {@code available} nodes make, among those that are
     * {@code ready}; {@code null} when no node of the rotation is ready.
     */
    T next(Predicate<T> available, Predicate<T> ready) {
        boolean[] candidates = rotation(available);
        return keepReady(candidates, ready) ? choose(candidates) : null;
    }

    /** Whether {@link #next(Predicate, Predicate)} would return a node now; changes nothing. */
    boolean any(Predicate<T> available, Predicate<T> ready) {
        return keepReady(rotation(available), ready);
    }

    /** The nodes in rotation when {@code available} tells which nodes are available, in their order. */
    List<T> inRotation(Predicate<T> available) {
        boolean[] in = rotation(available);
        List<T> rotation = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (in[i]) {
                rotation.add(nodes.get(i));
            }
        }
        return rotation;
    }

    /** Marks the nodes in rotation, as Fluentd's {@code rebuild_weight_array} chooses them. */
    private boolean[] rotation(Predicate<T> available) {
        boolean[] in = new boolean[nodes.size()];
        long lostWeight = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (!standby[i] && weights[i] > 0) {
                if (available.test(nodes.get(i))) {
                    in[i] = true;
                } else {
                    lostWeight += weights[i];
                }
            }
        }
        for (int i = 0; i < nodes.size() && lostWeight > 0; i++) {
            if (standby[i] && weights[i] > 0 && available.test(nodes.get(i))) {
                in[i] = true;
                lostWeight -= weights[i];
            }
        }
        return in;
    }

    /** Keeps the candidates that are {@code ready}; returns whether any is left. */
    private boolean keepReady(boolean[] candidates, Predicate<T> ready) {
        boolean any = false;
        for (int i = 0; i < nodes.size(); i++) {
            candidates[i] = candidates[i] && ready.test(nodes.get(i));
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
            current[i] += weights[i];
            total += weights[i];
            if (best < 0 || current[i] > current[best]) {
                best = i;
            }
        }
        current[best] -= total;
        return nodes.get(best);
    }
}
