package dev.ramp.bench;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.diag.Source;
import dev.ramp.compiler.ir.Function;
import dev.ramp.runtime.Activation;
import dev.ramp.stdlib.Stdlib;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile latency, text to a callable activation, warm. Every call compiles a distinct source
 * text (a constant that changes per call), so neither the parser's nor the emitter's caches can
 * answer: this is the full cost of parse, resolve, differentiate (f', f'', df/dp), simplify,
 * CSE, bytecode generation and hidden-class definition, plus one call.
 *
 * <p>Run: {@code ./ramp bench-compile} or
 * {@code java -jar bench/target/benchmarks.jar CompileLatencyBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC"})
public class CompileLatencyBench {

    /**
     * {@code mish}: mish exactly as the stdlib writes it, in a definition whose name changes per
     * call (the target of the issue); {@code small}: mish of a scaled input {@code c * x}, whose
     * constant changes per call (the product's rounding is then compensated inside every exp,
     * a larger compile than mish itself); {@code large}: gelu_tanh, silu, elu, log_sigmoid and
     * mish inlined into one definition with a parameter.
     */
    @Param({"mish", "small", "large"})
    public String size;

    private final AtomicLong counter = new AtomicLong();
    private Library library;

    @Setup
    public void setup() {
        library = Stdlib.library();
    }

    private String source(long n) {
        // A distinct name or constant per call defeats every cache while keeping the shape fixed.
        double c = 1.0 + n * 1e-12;
        return switch (size) {
            case "mish" -> "mish_" + n + "(x) = x * tanh(softplus(x))";
            case "small" -> "x * tanh(softplus(" + c + " * x))";
            case "large" -> "f(x; a = 0.5) = let u = " + c + " * x in gelu_tanh(u) * silu(a * u) + where(u > 0, elu(u; alpha = a), log_sigmoid(u)) * mish(u)";
            default -> throw new IllegalArgumentException(size);
        };
    }

    private final double[] xs = {-3, -1, -0.5, 0, 0.5, 1, 3, 7}, ys = new double[8], g = new double[8], gi = new double[8];
    private final float[] xf = {-3, -1, -0.5f, 0, 0.5f, 1, 3, 7}, yf = new float[8], gf = new float[8], gif = new float[8];

    /**
     * As {@link #compileAndCall}, then the first use of everything the activation offers: f'
     * and f'', and each array kernel (forward, backward, fused; double and float), which builds
     * the kernel class the activation defers until its first array call.
     */
    @Benchmark
    public double compileAndUseEverything() {
        Function f = Compiler.parseExpression(new Source("<bench>", source(counter.incrementAndGet())), library);
        Activation a = Compiler.compile(f, Map.of());
        double s = a.applyAsDouble(0.5) + a.derivative(0.5) + a.derivative(2, 0.5);
        a.forward(xs, ys);
        a.backward(xs, g, gi);
        a.forwardBackward(xs, ys, g, gi);
        a.forward(xf, yf);
        a.backward(xf, gf, gif);
        a.forwardBackward(xf, yf, gf, gif);
        if (a.parameterValues().length > 0) s += a.parameterGradient(xs, g)[0] + a.parameterGradient(xf, gf)[0];
        return s + ys[3] + gi[3] + yf[3] + gif[3];
    }

    @Benchmark
    public double compileAndCall() {
        Function f = Compiler.parseExpression(new Source("<bench>", source(counter.incrementAndGet())), library);
        Activation a = Compiler.compile(f, Map.of());
        return a.applyAsDouble(0.5);
    }
}
