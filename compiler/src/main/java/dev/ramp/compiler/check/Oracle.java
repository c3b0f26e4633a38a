package dev.ramp.compiler.check;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.pass.Differentiate;
import dev.ramp.compiler.pass.IntendedConstants;
import dev.ramp.compiler.pass.Simplify;
import dev.ramp.compiler.pass.Stabilise;
import dev.ramp.compiler.reference.HighPrecision;
import dev.ramp.compiler.reference.Real;
import dev.ramp.compiler.reference.Reference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code ramp check} measures against: the function as written (order 0) or its
 * simplified symbolic derivative (order n), never the stabilised form, with the parameters
 * bound and every constant read as meant ({@link IntendedConstants}: 1.702 is the decimal,
 * 0.7071067811865476 is 1/sqrt(2)), evaluated by {@link HighPrecision} to 30 correct digits.
 */
final class Oracle {
    private final String variable;
    private final List<Expr> orders = new ArrayList<>();
    private final List<Expr> termForms = new ArrayList<>();
    private final HighPrecision hp = new HighPrecision();
    /** Term scales are a yardstick: three digits will do, and capping the precision keeps 1 - sigmoid(1e300) cheap. */
    private final HighPrecision rough = new HighPrecision(new HighPrecision.Settings(20, 3, 80));

    /** The oracle for orders 0..maxOrder of {@code f} with its parameters bound to {@code values}. */
    Oracle(Function f, Map<String, Double> values, int maxOrder) {
        Function bound = Compiler.bind(f, values);
        this.variable = bound.variable();
        Expr canonical = Stabilise.canonical(Simplify.simplify(bound.body()));
        for (int order = 0; order <= maxOrder; order++) {
            Expr e = order == 0 ? bound.body() : Compiler.derivative(bound, null, order);
            orders.add(IntendedConstants.asMeant(e));
            termForms.add(IntendedConstants.asMeant(Differentiate.derivative(canonical, variable, order)));
        }
    }

    /** The expression measured against for {@code order}, constants as meant. */
    Expr expression(int order) {
        return orders.get(order);
    }

    /** The reference value of the {@code order}-th derivative at {@code x}. */
    Reference at(int order, double x) {
        return hp.evaluate(orders.get(order), variable, x);
    }

    /**
     * The size of what the function adds up at {@code x}: the sum of the exact absolute values of
     * the terms of the top-level sum of the form ramp differentiates (the body rewritten to
     * stable primitives, {@link Stabilise#canonical}, and its simplified derivative), |f(x)|
     * itself when that is not a sum; null where a term has no finite value. Taken from that
     * form rather than the formula as typed, so that x / (1 + exp(-x)) and x * sigmoid(x) are
     * held to the same yardstick: the terms sigmoid(x) and x sigmoid(x) (1 - sigmoid(x)) of
     * their derivative.
     */
    BigDecimal termScale(int order, double x) {
        Expr e = termForms.get(order);
        List<Expr> terms = e instanceof Expr.Add(List<Expr> ts) ? ts : List.of(e);
        BigDecimal sum = BigDecimal.ZERO;
        for (Expr t : terms) {
            if (!(rough.evaluate(t, variable, x).value() instanceof Real.Finite(BigDecimal v))) return null;
            sum = sum.add(v.abs());
        }
        return sum;
    }
}
