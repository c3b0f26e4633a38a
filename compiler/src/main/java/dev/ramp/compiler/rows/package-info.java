/**
 * Functions of a row: {@code softmax(xs[])}, {@code logsumexp(xs[])}, {@code glu(xs[])}, ...
 *
 * <h2>Design</h2>
 * The core scalar IR ({@link dev.ramp.compiler.ir.Expr}) is unchanged. A row function is a
 * {@link dev.ramp.compiler.rows.RowProgram}: an ordered list of reductions
 * ({@code sum}, {@code max}, {@code min} over the row, each an {@code Expr} in the element
 * variable), then an output that is either an {@code Expr} in the step values (one number per
 * row) or an {@code Expr} in the element and the step values (one number per element). Every
 * element-wise computation is therefore an ordinary scalar expression: differentiation,
 * simplification, printing and code generation reuse the scalar passes, and a step value is just a
 * variable to them.
 *
 * <pre>{@code
 * logsumexp(xs[]) = let m = max(xs) in m + log(sum(exp(xs - m)))
 *   steps:  m = max(xs);  sum = sum(exp(xs - m))
 *   output: m + log(sum)                                    (Scalar)
 * softmax(xs[])   = exp(xs - logsumexp(xs))
 *   steps:  as above (logsumexp inlined)
 *   output: exp(xs - (m + log(sum)))                        (Elements)
 * }</pre>
 *
 * {@link dev.ramp.compiler.rows.RowResolve} builds programs from syntax (numbers broadcast over
 * rows, {@code concat(0, xs)} prepends numbers that reductions include as extras,
 * {@code first_half}/{@code second_half} read the row as two aligned views);
 * {@link dev.ramp.compiler.rows.RowEval} runs them; {@link dev.ramp.compiler.rows.RowDerivative}
 * derives the backward program (the VJP, reverse mode over the steps, with the derivative rule
 * of each reduction: a sum passes {@code dbody/dx_j}, a max or min passes it at the first
 * index where the extreme was attained); {@code emit.RowEmitter} compiles forward and backward
 * into row kernels; {@link dev.ramp.runtime.RowActivation} is what users call.
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li>Max and min send the whole gradient to the first index attaining them, as PyTorch's
 *     {@code max(dim)} (the index it returns); {@code torch.amax} splits among ties and JAX
 *     halves a binary tie. NaN elements are skipped by max and min.</li>
 * <li>The shift of a max-subtracted form carries no gradient: its adjoint cancels exactly
 *     (see {@link dev.ramp.compiler.rows.RowDerivative}), which JAX obtains with
 *     {@code stop_gradient}.</li>
 * <li>The stdlib's softmax gives zeros for a fully masked row (all {@code -inf}), its
 *     log_softmax {@code -inf}, logsumexp {@code -inf}, lse0 0; see {@code vector.ramp}.</li>
 * </ul>
 */
package dev.ramp.compiler.rows;
