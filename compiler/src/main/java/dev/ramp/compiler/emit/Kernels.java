package dev.ramp.compiler.emit;

import static dev.ramp.compiler.emit.Descs.*;

import dev.ramp.compiler.emit.Statements.Sink;
import dev.ramp.compiler.emit.Statements.Stmt;
import dev.ramp.compiler.ir.Expr;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The array kernels: straight counted loops with the expression inlined in the body, so the JIT
 * sees the same shape as a hand-written loop (and vectorises it when the body allows, as for
 * relu). The base class has checked every range, so the loops carry no checks of their own. Each
 * iteration reads its inputs before writing anything, which makes in-place use safe.
 *
 * <p>Element types: a float kernel widens each loaded element ({@code f2d}), computes in double
 * and narrows the result once ({@code d2f}).
 */
final class Kernels {
    private Kernels() {}

    /** Which element type a kernel reads and writes. */
    enum Elem {
        DOUBLE(CD_double_array), FLOAT(CD_float_array);

        final ClassDesc array;

        Elem(ClassDesc array) {
            this.array = array;
        }

        /** Pushes {@code array[off + i]} as a double. */
        void load(CodeBuilder c, int array, int off, int i) {
            c.aload(array).iload(off).iload(i).iadd();
            if (this == DOUBLE) c.daload();
            else c.faload().f2d();
        }

        /** A sink storing the value at {@code array[off + i]}, narrowed for float. */
        Sink store(int array, int off, int i) {
            return Statements.sink(c -> c.aload(array).iload(off).iload(i).iadd(),
                    c -> {
                        if (this == DOUBLE) c.dastore();
                        else c.d2f().fastore();
                    }, false);
        }
    }

    // forwardKernel(xs, xOff, ys, yOff, len):
    //     for (int i = 0; i < len; i++) {
    //         double x = xs[xOff + i];                   // (double) xs[..] for float[]
    //         ys[yOff + i] = <f(x)>;                      // (float) <f(x)> for float[]
    //     }
    static final class Forward {
        static final int XS = 1, X_OFF = 2, YS = 3, Y_OFF = 4, LEN = 5, I = 6, X = 7, FIRST_TEMP = 9;
    }

    static Consumer<CodeBuilder> forward(Elem elem, Expr f, Context ctx, Consumer<CodeBuilder> prologue) {
        return c -> loop(c, prologue, Forward.I, Forward.LEN, () -> {
                    elem.load(c, Forward.XS, Forward.X_OFF, Forward.I);
                    c.dstore(Forward.X);
                }, Map.of(Emitter.INPUT, Forward.X), ctx,
                List.of(new Stmt(f, elem.store(Forward.YS, Forward.Y_OFF, Forward.I))), Forward.FIRST_TEMP, null);
    }

    // backwardKernel(xs, xOff, gradOut, gOff, gradIn, giOff, len):
    //     for (int i = 0; i < len; i++) {
    //         double x = xs[xOff + i], g = gradOut[gOff + i];
    //         gradIn[giOff + i] = <g * f'(x)>;
    //     }
    static final class Backward {
        static final int XS = 1, X_OFF = 2, G_OUT = 3, G_OFF = 4, G_IN = 5, GI_OFF = 6, LEN = 7, I = 8, X = 9, G = 11, FIRST_TEMP = 13;
    }

    static Consumer<CodeBuilder> backward(Elem elem, Expr gTimesDf, Context ctx, Consumer<CodeBuilder> prologue) {
        return c -> loop(c, prologue, Backward.I, Backward.LEN, () -> {
                    elem.load(c, Backward.XS, Backward.X_OFF, Backward.I);
                    c.dstore(Backward.X);
                    elem.load(c, Backward.G_OUT, Backward.G_OFF, Backward.I);
                    c.dstore(Backward.G);
                }, Map.of(Emitter.INPUT, Backward.X, Emitter.GRAD, Backward.G), ctx,
                List.of(new Stmt(gTimesDf, elem.store(Backward.G_IN, Backward.GI_OFF, Backward.I))), Backward.FIRST_TEMP, null);
    }

    // forwardBackwardKernel(xs, xOff, ys, yOff, gradOut, gOff, gradIn, giOff, len):
    //     for (int i = 0; i < len; i++) {
    //         double x = xs[xOff + i], g = gradOut[gOff + i];
    //         ys[yOff + i] = <f(x)>;  gradIn[giOff + i] = <g * f'(x)>;   // one ExprGen: shared terms once
    //     }
    static final class Fused {
        static final int XS = 1, X_OFF = 2, YS = 3, Y_OFF = 4, G_OUT = 5, G_OFF = 6, G_IN = 7, GI_OFF = 8, LEN = 9, I = 10,
                X = 11, G = 13, FIRST_TEMP = 15;
    }

    static Consumer<CodeBuilder> forwardBackward(Elem elem, Expr f, Expr gTimesDf, Context ctx, Consumer<CodeBuilder> prologue) {
        return c -> loop(c, prologue, Fused.I, Fused.LEN, () -> {
                    elem.load(c, Fused.XS, Fused.X_OFF, Fused.I);
                    c.dstore(Fused.X);
                    elem.load(c, Fused.G_OUT, Fused.G_OFF, Fused.I);
                    c.dstore(Fused.G);
                }, Map.of(Emitter.INPUT, Fused.X, Emitter.GRAD, Fused.G), ctx,
                List.of(new Stmt(f, elem.store(Fused.YS, Fused.Y_OFF, Fused.I)),
                        new Stmt(gTimesDf, elem.store(Fused.G_IN, Fused.GI_OFF, Fused.I))), Fused.FIRST_TEMP, null);
    }

    // parameterGradientKernel(xs, xOff, gradOut, gOff, len, result):
    //     double acc0 = 0, acc1 = 0, ...;
    //     for (int i = 0; i < len; i++) {
    //         double x = xs[xOff + i], g = gradOut[gOff + i];
    //         acc0 += <g * df/dp0(x)>;  acc1 += <g * df/dp1(x)>; ...
    //     }
    //     result[0] = acc0; result[1] = acc1; ...
    private static final class ParamGrad {
        static final int XS = 1, X_OFF = 2, G_OUT = 3, G_OFF = 4, LEN = 5, RESULT = 6, I = 7, X = 8, G = 10, FIRST_ACC = 12;
    }

    static Consumer<CodeBuilder> parameterGradient(Elem elem, List<Expr> gTimesDp, Context ctx) {
        int k = gTimesDp.size();
        List<Stmt> stmts = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            int slot = acc(j);
            stmts.add(new Stmt(gTimesDp.get(j), Statements.sink(b -> b.dload(slot), b -> b.dadd().dstore(slot), false)));
        }
        return c -> {
            for (int j = 0; j < k; j++) c.dconst_0().dstore(acc(j));
            loop(c, null, ParamGrad.I, ParamGrad.LEN, () -> {
                        elem.load(c, ParamGrad.XS, ParamGrad.X_OFF, ParamGrad.I);
                        c.dstore(ParamGrad.X);
                        elem.load(c, ParamGrad.G_OUT, ParamGrad.G_OFF, ParamGrad.I);
                        c.dstore(ParamGrad.G);
                    }, Map.of(Emitter.INPUT, ParamGrad.X, Emitter.GRAD, ParamGrad.G), ctx, stmts, acc(k), after -> {
                        for (int j = 0; j < k; j++) after.aload(ParamGrad.RESULT).loadConstant(j).dload(acc(j)).dastore();
                    });
        };
    }

    private static int acc(int j) {
        return ParamGrad.FIRST_ACC + 2 * j;
    }

    /** What every kernel needs from the class being built. */
    record Context(Outlining outlining, ClassDesc owner, int methodLimit) {}

    /**
     * The shared loop skeleton; a {@code prologue} (a vector main loop, see {@link VectorKernels})
     * replaces {@code i = 0}, and the loop then finishes the elements it left:
     * <pre>{@code
     *     int i = 0;                  or <prologue>, which leaves i where the scalar loop starts
     * HEAD: if (i >= len) goto END;
     *     <load>                      x = ...; [g = ...]
     *     <body>                      the statements, sharing subexpressions
     * NEXT: i++; goto HEAD;
     * END: <after>; return;
     * }</pre>
     */
    private static void loop(CodeBuilder c, Consumer<CodeBuilder> prologue, int i, int len, Runnable load, Map<String, Integer> inputs,
                             Context ctx, List<Stmt> body, int firstTemp, Consumer<CodeBuilder> after) {
        if (prologue != null) prologue.accept(c);
        else c.iconst_0().istore(i);
        Label head = c.newLabel(), next = c.newLabel(), end = c.newLabel();
        c.labelBinding(head);
        c.iload(i).iload(len).if_icmpge(end);
        load.run();
        List<Expr> roots = body.stream().map(Stmt::value).toList();
        ExprGen gen = new ExprGen(c, ctx.outlining(), ctx.owner(), inputs, firstTemp, roots, null);
        new Statements(c, gen, ctx.outlining(), body, ctx.methodLimit()).emit(Scope.root(), next);
        c.labelBinding(next);
        c.iinc(i, 1).goto_(head);
        c.labelBinding(end);
        if (after != null) after.accept(c);
        c.return_();
    }

    /** Adds one kernel method to the class. */
    static void add(ClassBuilder cb, Kernel k, Elem elem, Consumer<CodeBuilder> body) {
        cb.withMethodBody(k.methodName, Descs.kernel(k, elem.array), ClassFile.ACC_PROTECTED | ClassFile.ACC_FINAL, body);
    }
}
