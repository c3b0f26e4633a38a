/**
 * Code generation: IR to JVM bytecode, through the JDK Class-File API ({@code java.lang.classfile}).
 * The only public types are {@link dev.ramp.compiler.emit.Emitter} (with its {@code Spec}) and
 * {@link dev.ramp.compiler.emit.EmitException}.
 *
 * <h2>Pipeline</h2>
 * {@code FormChooser} (through {@code Emitter.chooseForms}, which {@code Compiler.compile} calls
 * after the symbolic passes) first picks, among equal forms of f and f', the one
 * {@code CostModel}'s measured call costs say is cheaper, within the accuracy budget, and
 * {@code ComplementaryExp} shares one exp(-|u|) between the two sides of a {@code where} on the
 * sign of u; then
 * {@code Plan} interns f, its derivatives and the kernels' products {@code g * f'},
 * {@code g * df/dp} into one hash-consed DAG ({@code Dag}; bound parameters become constants,
 * {@code Folding} folds what that makes constant), {@code Outlining} decides which subterms
 * become helper methods, and {@code ClassGen} builds the classes: {@code ScalarMethods} and
 * {@code Kernels} lay out the methods, {@code Statements} and {@code ExprGen} emit their
 * bodies with common subexpressions computed once per path ({@code Scope}), {@code PowLowering}
 * picks the code for constant powers. {@code HiddenClasses} defines the result;
 * {@code CompileCache} shares instances.
 *
 * <h2>What is emitted</h2>
 * Two hidden classes per activation, both in this package (a hidden class lives in the package
 * of its defining lookup), both unloadable: the activation class, and a companion with the eight
 * array loops, built the first time an array method is called, so point-by-point use never pays
 * for the loops. For {@code mish(x) = x * tanh(softplus(x))} with
 * {@code mish'(x) = t + x (1 - t^2) sigmoid(x)}, {@code t = tanh(softplus(x))}:
 *
 * <pre>{@code
 * public final class Compiled$mish extends CompiledActivation {            // hidden
 *     static { HiddenClasses.handoff(new Compiled$mish()); }              // the one instance
 *     public Compiled$mish() { super("mish", List.of(), new double[0], 1); }
 *
 *     public final double applyAsDouble(double x) { return x * Math.tanh(RampMath.softplus(x)); }
 *     public final double derivative(double x) {
 *         double t = Math.tanh(RampMath.softplus(x));                       // used twice: a local
 *         return t + x * (1.0 + -(t * t)) * RampMath.sigmoid(x);             // t^2 lowered to t*t
 *     }
 *     // derivative(int order, x) is inherited: orders 0 and 1 call the methods above; with f''
 *     // compiled there would be a  protected final double higherDerivative(int order, double x)
 *     protected final ArrayKernels createKernels() {                     // first array call
 *         return (ArrayKernels) ((Supplier) MethodHandles.classData(...)).get();
 *     }
 * }
 *
 * public final class Compiled$mish$Kernels extends ArrayKernels {          // hidden, built lazily
 *     protected final void forwardKernel(double[] xs, int xOff, double[] ys, int yOff, int len) {
 *         for (int i = 0; i < len; i++) {
 *             double x = xs[xOff + i];
 *             ys[yOff + i] = x * Math.tanh(RampMath.softplus(x));            // inlined, not a call
 *         }
 *     }
 *     protected final void forwardBackwardKernel(double[] xs, int xOff, double[] ys, int yOff,
 *                                                double[] gradOut, int gOff, double[] gradIn, int giOff, int len) {
 *         for (int i = 0; i < len; i++) {
 *             double x = xs[xOff + i], g = gradOut[gOff + i];                // read before writing
 *             double t = Math.tanh(RampMath.softplus(x));                   // once for f and f'
 *             ys[yOff + i] = x * t;
 *             gradIn[giOff + i] = g * (t + x * (1.0 + -(t * t)) * RampMath.sigmoid(x));
 *         }
 *     }
 *     // backwardKernel, and the float[] versions of all three: (float) of the double result;
 *     // parameterGradientKernel (double and float) when there are parameters.
 * }
 * }</pre>
 *
 * Argument checks live in {@code dev.ramp.runtime.CompiledActivation}, once per call, so the
 * loops are bare. {@link dev.ramp.compiler.emit.Emitter#classBytes} builds the same activation as
 * one named class with the loops inside (no static initializer, no companion), for
 * {@code .class} files that need only the runtime.
 *
 * <h2>Exactness</h2>
 * The code evaluates exactly what the IR says, in the IR's order (sums and products fold left),
 * with the same {@code Math}/{@code RampMath} methods, so results equal a tree-walking evaluator
 * bit for bit. The exceptions are the constant powers of {@code PowLowering} (x^3, x^4, x^-1
 * differ from {@code Math.pow} by rounding; x^2 and x^0.5 do not). Sharing and scheduling never
 * change a value: every node is a pure function of x.
 */
package dev.ramp.compiler.emit;
