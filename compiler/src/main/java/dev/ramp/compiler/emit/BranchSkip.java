package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a lane-wise {@code where} tests its mask and computes only the sides some lane
 * needs ({@link LaneGen}), instead of computing both and blending.
 *
 * <pre>{@code
 * if (m.allTrue())       t            // every lane takes t: f is not computed
 * else if (!m.anyTrue()) f            // no lane does: t is not computed
 * else                   f.blend(t, m)
 * }</pre>
 *
 * It pays when a side computes a math call of its own (a stabiliser's tail such as mish's
 * {@code x < -690} branch, one piece of erf): that side is then computed only for vectors with
 * a lane in its range. Values a side shares with code outside the {@code where} are hoisted in
 * front of it and computed for every lane, as the blend would: a value computed on one path
 * only cannot be read after the paths merge. The mixed path repeats both sides' code, so the
 * duplicated nodes are charged to a budget that keeps the kernel method within HotSpot's limit
 * for JIT compilation.
 */
final class BranchSkip {
    private BranchSkip() {}

    /** At least one exp's worth of lane work on the sides (about 20 arithmetic operations): worth a mask test. */
    private static final double WORTH_NS = 0.2;

    /**
     * @param hoisted nodes of the sides also used outside them, to compute before the test
     * @param duplicated the nodes of the sides' own code, emitted a second time on the mixed path
     */
    record Plan(List<Object> hoisted, int duplicated) {}

    /**
     * The plan for {@code w}, or null to blend.
     *
     * @param uses how many parents each node has among everything the kernel computes
     * @param available nodes already in slots at this point
     * @param budget how many nodes may still be duplicated
     */
    static Plan plan(Where w, Map<Object, Integer> uses, Set<Object> available, int budget) {
        List<Object> sides = List.of(w.ifTrue(), w.ifFalse());
        Map<Object, Integer> internal = new IdentityHashMap<>();
        List<Object> region = reach(sides, available::contains, internal);
        List<Object> hoisted = new ArrayList<>();
        Map<Object, Boolean> outside = new IdentityHashMap<>();
        for (Object n : region) {
            if (n instanceof Var || n instanceof Const) continue;
            if (uses.getOrDefault(n, 0) > internal.getOrDefault(n, 0)) {
                hoisted.add(n);
                outside.put(n, Boolean.TRUE);
            }
        }
        List<Object> own = reach(sides, n -> available.contains(n) || outside.containsKey(n), new IdentityHashMap<>());
        double laneNs = 0;
        for (Object n : own) laneNs += CostModel.laneNs(n);
        if (laneNs < WORTH_NS || own.size() > budget) return null;
        return new Plan(hoisted, own.size());
    }

    /**
     * The distinct nodes reachable from {@code from} without entering {@code stop}, and for each
     * how many edges lead to it from those nodes (a side itself counts one).
     */
    private static List<Object> reach(List<Object> from, java.util.function.Predicate<Object> stop, Map<Object, Integer> edgesIn) {
        List<Object> out = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> work = new ArrayDeque<>();
        for (Object s : from) {
            if (stop.test(s)) continue;
            edgesIn.merge(s, 1, Integer::sum);
            work.push(s);
        }
        while (!work.isEmpty()) {
            Object n = work.pop();
            if (seen.put(n, Boolean.TRUE) != null) continue;
            out.add(n);
            for (Object k : Dag.children(n)) {
                if (stop.test(k)) continue;
                edgesIn.merge(k, 1, Integer::sum);
                work.push(k);
            }
        }
        return out;
    }
}
