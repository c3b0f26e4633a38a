package dev.ramp.compiler.check;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.pass.IntendedConstants;
import dev.ramp.compiler.reference.HighPrecision;
import dev.ramp.compiler.reference.Reference;
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
    private final HighPrecision hp = new HighPrecision();

    /** The oracle for orders 0..maxOrder of {@code f} with its parameters bound to {@code values}. */
    Oracle(Function f, Map<String, Double> values, int maxOrder) {
        Function bound = Compiler.bind(f, values);
        this.variable = bound.variable();
        for (int order = 0; order <= maxOrder; order++) {
            Expr e = order == 0 ? bound.body() : Compiler.derivative(bound, null, order);
            orders.add(IntendedConstants.asMeant(e));
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
}
