package dev.ramp.compiler.emit;

import static dev.ramp.compiler.emit.Descs.*;

import dev.ramp.compiler.emit.Statements.Stmt;
import dev.ramp.compiler.ir.Expr;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The scalar methods: {@code applyAsDouble}, {@code derivative(x)}, {@code higherDerivative(order, x)}
 * (orders 0 and 1 and the range check are dispatched by {@code CompiledActivation.derivative(int, double)}),
 * and outlined helpers.
 */
final class ScalarMethods {
    private ScalarMethods() {}

    private static final Statements.Sink RETURN = Statements.sink(c -> {}, CodeBuilder::dreturn, true);

    // double applyAsDouble(double x) { return <f(x)>; }
    // double derivative(double x)    { return <f'(x)>; }
    private static final int X = 1, FIRST_TEMP = 3;

    static Consumer<CodeBuilder> returning(Expr e, Kernels.Context ctx) {
        return c -> body(c, e, Map.of(Emitter.INPUT, X), FIRST_TEMP, null, ctx);
    }

    // private static double h<id>(double x) { return <node(x)>; }    an outlined subexpression
    private static final int HELPER_X = 0, HELPER_FIRST_TEMP = 2;

    static Consumer<CodeBuilder> helper(Expr node, Kernels.Context ctx) {
        return c -> body(c, node, Map.of(Emitter.INPUT, HELPER_X), HELPER_FIRST_TEMP, node, ctx);
    }

    // protected double higherDerivative(int order, double x) {     order is 2..N, checked by the caller
    //     return <f''(x)>;                                          N = 2: no switch
    //     switch (order) { case 2: return <f''(x)>; case 3: ...; default: return <fN(x)>; }   N > 2
    // }                                                             each order its own scope and slots
    private static final int ORDER = 1, ORDER_X = 2, ORDER_FIRST_TEMP = 4;

    static Consumer<CodeBuilder> higherDerivative(List<Expr> higher, Kernels.Context ctx) {
        return c -> {
            Map<String, Integer> inputs = Map.of(Emitter.INPUT, ORDER_X);
            if (higher.size() == 1) {
                body(c, higher.getFirst(), inputs, ORDER_FIRST_TEMP, null, ctx);
                return;
            }
            int last = higher.size() + 1;
            Label lastCase = c.newLabel();
            List<SwitchCase> cases = new ArrayList<>();
            List<Label> targets = new ArrayList<>();
            for (int order = 2; order < last; order++) {
                Label l = c.newLabel();
                targets.add(l);
                cases.add(SwitchCase.of(order, l));
            }
            c.iload(ORDER).tableswitch(2, last - 1, lastCase, cases);
            for (int order = 2; order < last; order++) {
                c.labelBinding(targets.get(order - 2));
                body(c, higher.get(order - 2), inputs, ORDER_FIRST_TEMP, null, ctx);
            }
            c.labelBinding(lastCase);
            body(c, higher.getLast(), inputs, ORDER_FIRST_TEMP, null, ctx);
        };
    }

    private static void body(CodeBuilder c, Expr e, Map<String, Integer> inputs, int firstTemp, Expr self, Kernels.Context ctx) {
        ExprGen gen = new ExprGen(c, ctx.outlining(), ctx.owner(), inputs, firstTemp, List.of(e), self);
        new Statements(c, gen, ctx.outlining(), List.of(new Stmt(e, RETURN)), ctx.methodLimit()).emit(Scope.root(), null);
    }
}
