package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.Mul;
import dev.ramp.compiler.ir.Expr.Var;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one class computes, as canonical DAG nodes: f, f', the higher derivatives, and the
 * kernels' statements {@code g * f'} and {@code g * df/dp_j}. Built in two steps so that the
 * compile cache can be consulted (by {@link #key}) before any outlining or code generation.
 */
final class Plan {
    final Emitter.Spec spec;
    final Emitter.Tuning tuning;
    final Emitter.Options options;
    final Dag dag;
    final Expr value;
    final List<Expr> derivatives;
    final Expr gTimesDf;
    final List<Expr> gTimesDp;
    private Outlining outlining;

    Plan(Emitter.Spec spec, Emitter.Tuning tuning) {
        this(spec, tuning, Emitter.Options.DEFAULT);
    }

    Plan(Emitter.Spec spec, Emitter.Tuning tuning, Emitter.Options options) {
        this.spec = spec;
        this.tuning = tuning;
        this.options = options;
        Map<String, Double> constants = new LinkedHashMap<>();
        for (int i = 0; i < spec.parameterNames().size(); i++) constants.put(spec.parameterNames().get(i), spec.parameterValues().get(i));
        dag = new Dag(Map.of(spec.variable(), Emitter.INPUT, Emitter.GRAD, Emitter.GRAD), constants);
        value = dag.intern(spec.value());
        derivatives = spec.derivatives().stream().map(dag::intern).toList();
        // g * f' as one product node (not flattened into f''s factors): the kernel result is then
        // exactly gradOut[i] * derivative(x), one rounding after f' as the API documents.
        Expr g = new Var(Emitter.GRAD);
        gTimesDf = dag.intern(new Mul(List.of(g, derivatives.getFirst())));
        List<Expr> dp = new ArrayList<>();
        for (Expr d : spec.parameterDerivatives()) dp.add(dag.intern(new Mul(List.of(g, d))));
        gTimesDp = List.copyOf(dp);
    }

    /** The compile-cache key: metadata, tuning, options and the DAG's exact content. */
    Object key() {
        List<Integer> roots = new ArrayList<>();
        roots.add(dag.id(value));
        for (Expr d : derivatives) roots.add(dag.id(d));
        for (Expr d : gTimesDp) roots.add(dag.id(d));
        return List.of(spec.name(), spec.parameterNames(), spec.parameterValues(), tuning, options, dag.fingerprint(), roots);
    }

    /** Which nodes are helper methods; decided once, for all methods, before emitting any. */
    Outlining outlining() {
        if (outlining == null) {
            Outlining o = new Outlining(dag, Emitter.INPUT, tuning.nodeLimit());
            int limit = tuning.methodLimit();
            o.fitMethod(List.of(value), limit);
            for (Expr d : derivatives) o.fitMethod(List.of(d), limit);
            if (derivatives.size() > 1) o.fitMethod(derivatives.subList(1, derivatives.size()), limit);  // the order switch
            o.fitMethod(List.of(gTimesDf), limit);
            o.fitMethod(List.of(value, gTimesDf), limit);
            if (!gTimesDp.isEmpty()) o.fitMethod(gTimesDp, limit);
            outlining = o;
        }
        return outlining;
    }

    /** The number of distinct double constants (each takes two constant-pool entries). */
    int constantCount() {
        int n = 0;
        for (int id = 0; id < dag.size(); id++) if (dag.node(id) instanceof Expr.Const) n++;
        return n;
    }
}
