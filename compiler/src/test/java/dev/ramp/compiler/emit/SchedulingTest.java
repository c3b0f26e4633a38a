package dev.ramp.compiler.emit;

import static dev.ramp.compiler.emit.Activations.*;
import static dev.ramp.compiler.emit.EmitTesting.count;
import static dev.ramp.compiler.emit.EmitTesting.instructions;
import static dev.ramp.compiler.ir.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where shared values are computed: once, and never in a branch that does not need them. */
class SchedulingTest {
    static final String SCALAR = "(D)D";
    static final String FUSED = "([DI[DI[DI[DII)V";
    static final String FORWARD = "([DI[DII)V";
    static final String PARAM_GRAD = "([DI[DII[D)V";

    static byte[] bytes(Emitter.Spec spec) {
        return EmitTesting.verifiedBytes(spec, Emitter.Tuning.DEFAULT);
    }

    static byte[] kernelBytes(Emitter.Spec spec) {
        return EmitTesting.verifiedKernelBytes(spec, Emitter.Tuning.DEFAULT);
    }

    static Emitter.Spec spec(Expr f, Expr d1) {
        return new Emitter.Spec("t", "x", List.of(), List.of(), f, List.of(d1), List.of());
    }

    @Test
    void mishFusedKernelCallsEachTranscendentalOnce() {
        List<String> code = instructions(kernelBytes(mish()), "forwardBackwardKernel", FUSED);
        assertEquals(1, count(code, "call tanh"), code::toString);
        assertEquals(1, count(code, "call softplus"), code::toString);
        assertEquals(1, count(code, "call sigmoid"), code::toString);
    }

    @Test
    void siluSharesTheSigmoidAcrossValueAndDerivative() {
        byte[] b = bytes(silu());
        assertEquals(1, count(instructions(kernelBytes(silu()), "forwardBackwardKernel", FUSED), "call sigmoid"));
        assertEquals(1, count(instructions(b, "derivative", SCALAR), "call sigmoid"));
        assertEquals(1, count(instructions(b, "higherDerivative", "(ID)D"), "call sigmoid"));
    }

    /** elu's f and f' test the same condition (once written 0 < x): one test, one exp per path. */
    @Test
    void eluFusedKernelTestsOnceAndComputesExpOnlyWhenNeeded() {
        List<String> code = instructions(kernelBytes(elu(1.0)), "forwardBackwardKernel", FUSED);
        assertEquals(1, count(code, "dcmp"), code::toString);
        assertEquals(1, count(code, "call exp"), code::toString);
        assertTrue(code.indexOf("call exp") > code.indexOf("dcmp"), code::toString);
    }

    @Test
    void parameterGradientKernelSplitsOnTheSharedTestToo() {
        Emitter.Spec twoParams = new Emitter.Spec("elu2", "x", List.of("alpha", "beta"), List.of(1.0, 2.0),
                elu(1.0).value(), elu(1.0).derivatives(),
                List.of(elu(1.0).parameterDerivatives().getFirst(), where(gt(X, ZERO), X, ZERO)));
        List<String> code = instructions(kernelBytes(twoParams), "parameterGradientKernel", PARAM_GRAD);
        assertEquals(1, count(code, "dcmp"), code::toString);
        assertEquals(1, count(code, "call exp"), code::toString);
    }

    /** A subterm used only inside one side is computed there, after the test, and only once. */
    @Test
    void branchLocalSubtermStaysInItsBranch() {
        Expr e = call(Fn.EXP, X);
        Expr f = where(gt(X, ZERO), add(e, mul(e, TWO)), X);
        List<String> code = instructions(bytes(spec(f, f)), "applyAsDouble", SCALAR);
        assertEquals(1, count(code, "call exp"), code::toString);
        assertTrue(code.indexOf("call exp") > code.indexOf("if"), code::toString);
    }

    /** Used on both sides but not before: computed in each side (once per path), not hoisted. */
    @Test
    void subtermOnBothSidesIsNotHoisted() {
        Expr e = call(Fn.EXP, X);
        Expr f = where(gt(X, ZERO), e, mul(e, TWO));
        List<String> code = instructions(bytes(spec(f, f)), "applyAsDouble", SCALAR);
        assertEquals(2, count(code, "call exp"), code::toString);
        assertTrue(code.indexOf("call exp") > code.indexOf("if"), code::toString);
    }

    /** Computed on both sides, then needed after the join: reused, not computed a third time. */
    @Test
    void valueComputedOnBothSidesIsAvailableAfterTheJoin() {
        Expr e = call(Fn.EXP, X);
        Expr f = add(where(gt(X, ZERO), e, mul(e, TWO)), e);
        List<String> code = instructions(bytes(spec(f, f)), "applyAsDouble", SCALAR);
        assertEquals(2, count(code, "call exp"), code::toString);
    }

    /** Computed before a where and used inside it: one computation. */
    @Test
    void valueComputedBeforeABranchIsReusedInside() {
        Expr e = call(Fn.EXP, X);
        Expr f = mul(e, where(gt(e, TWO), e, ONE));
        List<String> code = instructions(bytes(spec(f, f)), "applyAsDouble", SCALAR);
        assertEquals(1, count(code, "call exp"), code::toString);
    }

    @Test
    void nestedTestOfTheSameConditionIsFolded() {
        Cond c = gt(X, ONE);
        Expr f = where(c, where(lt(ONE, X), call(Fn.EXP, X), call(Fn.LOG, X)), where(c, X, ZERO));
        List<String> code = instructions(bytes(spec(f, f)), "applyAsDouble", SCALAR);
        assertEquals(1, count(code, "dcmp"), code::toString);
        assertEquals(0, count(code, "call log"), code::toString);
    }

    @Test
    void conditionOnBoundParametersIsDecidedAtCompileTime() {
        Expr f = where(gt(var("p"), ZERO), call(Fn.EXP, X), call(Fn.LOG, X));
        Emitter.Spec s = new Emitter.Spec("t", "x", List.of("p"), List.of(1.0), f, List.of(f), List.of(f));
        List<String> code = instructions(bytes(s), "applyAsDouble", SCALAR);
        assertEquals(List.of("dload_1", "call exp", "dreturn"), code);
    }

    /** The right operand of and/or runs only when needed: after the left operand's jump. */
    @Test
    void andOrShortCircuit() {
        Expr l = call(Fn.LOG, X);
        Expr f = where(new Cond.And(gt(X, ZERO), gt(l, ONE)), l, X);
        List<String> code = instructions(bytes(spec(f, f)), "applyAsDouble", SCALAR);
        assertTrue(code.indexOf("call log") > code.indexOf("if"), code::toString);
        // l is computed in the right operand (conditional), so the true side computes it again.
        assertEquals(2, count(code, "call log"), code::toString);
        assertEquals(Math.log(5), EmitTesting.compile(spec(f, f)).applyAsDouble(5));
        assertEquals(-1.0, EmitTesting.compile(spec(f, f)).applyAsDouble(-1));
    }

    @Test
    void forwardKernelBodyIsInlinedInTheLoop() {
        List<String> code = instructions(kernelBytes(mish()), "forwardKernel", FORWARD);
        assertEquals(List.of("call softplus", "call tanh"), code.stream().filter(s -> s.startsWith("call")).toList());
        assertEquals(1, count(code, "goto"));
    }
}
