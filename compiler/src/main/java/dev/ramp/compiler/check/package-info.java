/**
 * {@code ramp check}: how accurate compiled code is. {@link dev.ramp.compiler.check.Checker}
 * samples a function over the whole double range ({@link dev.ramp.compiler.check.Samples}),
 * runs its compiled double and float kernels and compares them with the high-precision
 * reference of the formula as written, reporting per kernel the largest and mean error in ulps,
 * where the largest occurs and any spurious NaN or infinity
 * ({@link dev.ramp.compiler.check.FunctionReport}), against a
 * {@link dev.ramp.compiler.check.Budget}.
 */
package dev.ramp.compiler.check;
