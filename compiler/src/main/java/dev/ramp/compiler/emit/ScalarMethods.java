package dev.ramp.compiler.emit;

import static dev.ramp.compiler.emit.Descs.*;

import dev.ramp.compiler.emit.Statements.Stmt;
import dev.ramp.compiler.ir.Expr;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The scalar methods: {@code applyAsDouble}, {@code derivative(x)}, {@code derivative(order, x)}, helpers. */
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

    // double derivative(int order, double x) {
    //     switch (order) {
    //         case 0: return applyAsDouble(x);
    //         case 1: return derivative(x);
    //         case 2: return <f''(x)>;  ...                    each case its own scope and slots
    //         default: throw CompiledActivation.orderOutOfRange(order, N);
    //     }
    // }
    private static final int ORDER = 1, ORDER_X = 2, ORDER_FIRST_TEMP = 4;

    static Consumer<CodeBuilder> derivativeOfOrder(List<Expr> higher, int maxOrder, Kernels.Context ctx) {
        return c -> {
            Label fail = c.newLabel();
            List<Label> targets = new ArrayList<>();
            List<SwitchCase> cases = new ArrayList<>();
            for (int order = 0; order <= maxOrder; order++) {
                Label l = c.newLabel();
                targets.add(l);
                cases.add(SwitchCase.of(order, l));
            }
            c.iload(ORDER).tableswitch(0, maxOrder, fail, cases);
            ClassDesc self = ctx.owner();
            c.labelBinding(targets.get(0));
            c.aload(0).dload(ORDER_X).invokevirtual(self, "applyAsDouble", MTD_D_D).dreturn();
            c.labelBinding(targets.get(1));
            c.aload(0).dload(ORDER_X).invokevirtual(self, "derivative", MTD_D_D).dreturn();
            for (int order = 2; order <= maxOrder; order++) {
                c.labelBinding(targets.get(order));
                body(c, higher.get(order - 2), Map.of(Emitter.INPUT, ORDER_X), ORDER_FIRST_TEMP, null, ctx);
            }
            c.labelBinding(fail);
            c.iload(ORDER).loadConstant(maxOrder)
                    .invokestatic(CD_CompiledActivation, "orderOutOfRange", MTD_ORDER_OUT_OF_RANGE)
                    .athrow();
        };
    }

    private static void body(CodeBuilder c, Expr e, Map<String, Integer> inputs, int firstTemp, Expr self, Kernels.Context ctx) {
        ExprGen gen = new ExprGen(c, ctx.outlining(), ctx.owner(), inputs, firstTemp, List.of(e), self);
        new Statements(c, gen, ctx.outlining(), List.of(new Stmt(e, RETURN)), ctx.methodLimit()).emit(Scope.root(), null);
    }
}
