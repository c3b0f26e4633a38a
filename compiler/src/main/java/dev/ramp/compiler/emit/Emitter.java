package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Function;
import dev.ramp.compiler.ir.Parameter;
import dev.ramp.runtime.Activation;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles a function and its derivatives to JVM bytecode: one class implementing
 * {@link Activation}, defined as a hidden class (unloaded once unreachable) or written out as a
 * named class. This is the package's only entry point; everything else is package-private.
 *
 * {@snippet :
 * // f = x * tanh(softplus(x)), with f' and f'' from the symbolic passes:
 * Activation mish = Emitter.compile(Emitter.Spec.of(function, new double[0], List.of(d1, d2), List.of()));
 * mish.applyAsDouble(1.0);          // 0.8650983882673103
 * mish.forwardBackward(xs, ys, gradOut, gradIn);
 * }
 *
 * <p>Derivatives are inputs here, plain {@link Expr}s from the caller, so the emitter has no
 * opinion on how they were obtained (or simplified). Bound parameter values are substituted as
 * constants before code generation: the JIT then sees literal numbers, exactly as if the user
 * had typed them; the values are kept as metadata ({@link Activation#parameterValues()}).
 */
public final class Emitter {
    private Emitter() {}

    /** Internal name of the function's input variable in the DAG (not a valid source name). */
    static final String INPUT = "$x";
    /** Internal name of the incoming gradient {@code gradOut[i]} in kernels. */
    static final String GRAD = "$g";

    /**
     * What to compile.
     *
     * @param name the definition's name (reported by {@link Activation#name()}, and part of the
     *     class name)
     * @param variable the input variable's name in the expressions
     * @param parameterNames the parameters, in declaration order
     * @param parameterValues the value bound to each parameter
     * @param value the body f
     * @param derivatives f', f'', ... with respect to {@code variable}; at least f'. Their number
     *     is {@link Activation#maxOrder()}
     * @param parameterDerivatives df/dp for each parameter, in declaration order
     */
    public record Spec(String name, String variable, List<String> parameterNames, List<Double> parameterValues,
                       Expr value, List<Expr> derivatives, List<Expr> parameterDerivatives) {
        public Spec {
            Objects.requireNonNull(name);
            Objects.requireNonNull(variable);
            parameterNames = List.copyOf(parameterNames);
            parameterValues = List.copyOf(parameterValues);
            Objects.requireNonNull(value);
            derivatives = List.copyOf(derivatives);
            parameterDerivatives = List.copyOf(parameterDerivatives);
            if (parameterValues.size() != parameterNames.size()) {
                throw new IllegalArgumentException(parameterNames.size() + " parameters but " + parameterValues.size() + " values");
            }
            if (parameterDerivatives.size() != parameterNames.size()) {
                throw new IllegalArgumentException(parameterNames.size() + " parameters but " + parameterDerivatives.size() + " parameter derivatives");
            }
            if (derivatives.isEmpty()) throw new IllegalArgumentException("at least the first derivative is needed");
        }

        /** A spec for a resolved definition, its parameters bound to {@code values} (in declaration order). */
        public static Spec of(Function f, double[] values, List<Expr> derivatives, List<Expr> parameterDerivatives) {
            List<String> names = f.parameters().stream().map(Parameter::name).toList();
            List<Double> vals = new ArrayList<>();
            for (double v : values) vals.add(v);
            return new Spec(f.name(), f.variable(), names, vals, f.body(), derivatives, parameterDerivatives);
        }
    }

    /**
     * How array kernels are generated. Point-by-point methods are the same in every mode.
     *
     * @param backend which loop each array kernel runs: {@link Backend#AUTO} decides per kernel
     *     (see {@code Backends}), the others force one kind for every kernel that can have it
     * @param accuracy what float kernels may trade for speed
     */
    public record Options(Backend backend, Accuracy accuracy) {
        /** The loop an array kernel runs. */
        public enum Backend {
            /** Per kernel, whichever measured faster: on the reference machine the vector loop wherever the lane form fits (see {@code Backends}). */
            AUTO,
            /** Plain counted loops (C2 still auto-vectorises the simple ones). */
            SCALAR,
            /** Vector API loops wherever the expression allows (needs {@code jdk.incubator.vector}). */
            VECTOR
        }

        /** The accuracy contract of SIMD float kernels (double kernels always compute in double). */
        public enum Accuracy {
            /**
             * Float kernels within 1 float ulp: they compute in double lanes and round once, like
             * the scalar kernels, or in float lanes where the program is exact but for one
             * correctly rounded operation (relu, leaky_relu, hardtanh; {@code ExactInFloat}).
             */
            ACCURATE,
            /** Float kernels compute in float lanes: twice the lanes, a few float ulps of error (more in the tails; ACCURACY.md). */
            FAST
        }

        public Options {
            Objects.requireNonNull(backend);
            Objects.requireNonNull(accuracy);
        }

        /**
         * The defaults, from the system properties {@code ramp.backend} ({@code auto},
         * {@code scalar}, {@code vector}; default auto) and {@code ramp.accuracy}
         * ({@code accurate}, {@code fast}; default accurate).
         */
        public static final Options DEFAULT = new Options(
                property("ramp.backend", Backend.class, Backend.AUTO), property("ramp.accuracy", Accuracy.class, Accuracy.ACCURATE));

        private static <E extends Enum<E>> E property(String key, Class<E> type, E fallback) {
            String v = System.getProperty(key);
            if (v == null || v.isBlank()) return fallback;
            try {
                return Enum.valueOf(type, v.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("system property " + key + "=" + v + ": expected one of "
                        + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT), e);
            }
        }
    }

    /**
     * Size limits for outlining, in estimated bytes of bytecode: a subexpression body stays near
     * {@code nodeLimit}, a method's inline code within {@code methodLimit}. The defaults keep
     * every method under HotSpot's 8000-byte limit for JIT compilation; tests lower them to
     * exercise outlining on small expressions. {@code laneRewrites}: whether vector kernels
     * use the cheaper, stabler forms of {@link LaneForms} (tests turn them off to compare vector
     * and scalar kernels bit for bit). {@code skipBranches}: whether a lane-wise {@code where}
     * with a costly side tests its mask and computes only the sides some lane needs
     * ({@link BranchSkip}); tests turn it off to compare with the blend bit for bit.
     */
    record Tuning(int nodeLimit, int methodLimit, boolean laneRewrites, boolean skipBranches) {
        static final Tuning DEFAULT = new Tuning(2000, 6000, true, true);

        Tuning(int nodeLimit, int methodLimit) {
            this(nodeLimit, methodLimit, true, true);
        }

        Tuning halved() {
            return new Tuning(Math.max(64, nodeLimit / 2), Math.max(128, methodLimit / 2), laneRewrites, skipBranches);
        }

        Tuning withoutLaneRewrites() {
            return new Tuning(nodeLimit, methodLimit, false, skipBranches);
        }

        Tuning blendingEveryWhere() {
            return new Tuning(nodeLimit, methodLimit, laneRewrites, false);
        }
    }

    /**
     * The activation for {@code spec}, compiled on first request and then shared: equal specs
     * (same expressions, names and values) give the same instance for as long as someone holds
     * it. Thread-safe.
     *
     * @throws EmitException if the expressions are too large to compile or mention an unbound variable
     */
    public static Activation compile(Spec spec) {
        return compile(spec, Options.DEFAULT);
    }

    /** {@link #compile(Spec)} with the given kernel options (part of the cache key). */
    public static Activation compile(Spec spec, Options options) {
        Plan plan = new Plan(spec, Tuning.DEFAULT, options);
        return CompileCache.INSTANCE.get(plan.key(), () -> define(plan));
    }

    /** A new activation for {@code spec}, in a class of its own (no caching). */
    public static Activation define(Spec spec) {
        return define(spec, Options.DEFAULT);
    }

    /** {@link #define(Spec)} with the given kernel options. */
    public static Activation define(Spec spec, Options options) {
        return define(new Plan(spec, Tuning.DEFAULT, options));
    }

    /**
     * The same class as a normal named class, for writing {@code .class} files: it contains its
     * array kernels itself (scalar loops, whatever the options) and needs only the ramp runtime; load it with any class loader that
     * sees the runtime and instantiate it with its no-argument constructor.
     *
     * @param binaryName the class's binary name, such as {@code com.example.Mish}
     */
    public static byte[] classBytes(String binaryName, Spec spec) {
        ClassDesc self = ClassDesc.of(binaryName);
        return withRetries(new Plan(spec, Tuning.DEFAULT), p -> ClassGen.activation(self, p, false));
    }

    /**
     * What {@code spec}'s kernels compute per element, for f, f' and the fused pair: operations
     * and math calls by kind after sharing, in the scalar form and in the lane form (with the
     * vector rewrites), with cost estimates from measured per-call costs. For {@code ramp show --cost}.
     */
    public static String costReport(Spec spec) {
        return CostModel.report(spec);
    }

    /**
     * {@code spec} with f and f' in the cheapest equal forms the cost model finds (see
     * {@code FormChooser}: shared exponentials, rational mish, gelu_tanh through sigmoid, f'
     * reusing f), each within the accuracy budget; {@code spec} itself when none pays. The
     * chosen f and f' have the bound parameter values as constants.
     */
    public static Spec chooseForms(Spec spec) {
        return ComplementaryExp.share(FormChooser.choose(spec));
    }

    static Activation define(Plan plan) {
        return HiddenClasses.defineActivation(activationBytes(plan), new LazyKernels(plan.spec, plan.tuning, plan.options));
    }

    /** The hidden activation class's bytes. */
    static byte[] activationBytes(Plan plan) {
        ClassDesc self = hiddenName(plan.spec.name(), "");
        return withRetries(plan, p -> ClassGen.activation(self, p, true));
    }

    /** The bytes of the hidden activation class's kernel companion. */
    static byte[] kernelBytes(Plan plan) {
        ClassDesc self = hiddenName(plan.spec.name(), "$Kernels");
        return withRetries(plan, p -> ClassGen.kernels(self, p));
    }

    /**
     * Builds a class, retrying with halved outlining limits when a method still comes out too
     * large (the estimates are conservative, so this is rare); gives up after three halvings.
     */
    private static byte[] withRetries(Plan plan, java.util.function.Function<Plan, byte[]> build) {
        if (plan.constantCount() > MAX_CONSTANTS) {
            throw new EmitException("expression too large to compile: " + plan.constantCount()
                    + " distinct constants (a class holds at most " + MAX_CONSTANTS + ")");
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return build.apply(plan);
            } catch (IllegalArgumentException e) {
                // The Class-File API reports "Code length N is outside the allowed range" and
                // constant-pool overflows as IllegalArgumentException.
                if (attempt == 3) {
                    throw new EmitException("expression too large to compile: " + e.getMessage(), e);
                }
                plan = new Plan(plan.spec, plan.tuning.halved(), plan.options);
            }
        }
    }

    /**
     * Constants beyond this many leave too little of the 65535 constant-pool entries for the
     * rest (each double takes two).
     */
    static final int MAX_CONSTANTS = 30_000;

    /** Hidden classes must live in the package of the defining lookup: this one. */
    static ClassDesc hiddenName(String functionName, String suffix) {
        StringBuilder b = new StringBuilder();
        for (char ch : functionName.toCharArray()) b.append(Character.isJavaIdentifierPart(ch) ? ch : '_');
        return ClassDesc.of(Emitter.class.getPackageName() + ".Compiled$" + b + suffix);
    }
}
