package dev.ramp.compiler.ir;

import java.util.List;
import java.util.Objects;

/**
 * The compiler's core IR: a closed set of span-free, immutable expression nodes with structural
 * equality, so that matching, memoising and common-subexpression elimination can compare trees
 * with {@code equals}. Every pass is an exhaustive {@code switch} over these records, so adding a
 * node kind breaks the build wherever it must be handled.
 *
 * <p>Subtraction is {@code Add} of a {@code Neg}; sums and products are n-ary (at least two
 * operands, flattened) so that like terms can be collected without associativity rules. Build
 * nodes through {@link Exprs}, whose constructors do the O(1) canonicalisation.
 */
public sealed interface Expr {

    /** A numeric constant. Equality follows {@link Double#compare}: {@code -0.0 != 0.0}. */
    record Const(double value) implements Expr {}

    /** A variable: the definition's input, or a parameter. */
    record Var(String name) implements Expr {
        public Var {
            Objects.requireNonNull(name);
        }
    }

    /** {@code -arg}. */
    record Neg(Expr arg) implements Expr {
        public Neg {
            Objects.requireNonNull(arg);
        }
    }

    /** {@code terms[0] + terms[1] + ...}, at least two terms. */
    record Add(List<Expr> terms) implements Expr {
        public Add {
            terms = List.copyOf(terms);
            if (terms.size() < 2) throw new IllegalArgumentException("Add needs two or more terms");
        }
    }

    /** {@code factors[0] * factors[1] * ...}, at least two factors. */
    record Mul(List<Expr> factors) implements Expr {
        public Mul {
            factors = List.copyOf(factors);
            if (factors.size() < 2) throw new IllegalArgumentException("Mul needs two or more factors");
        }
    }

    /** {@code num / den}; kept as a division (not a power -1) because one rounding beats two. */
    record Div(Expr num, Expr den) implements Expr {
        public Div {
            Objects.requireNonNull(num);
            Objects.requireNonNull(den);
        }
    }

    /** {@code base ^ exponent}, with {@link Math#pow} semantics ({@code 0^0 = 1}). */
    record Pow(Expr base, Expr exponent) implements Expr {
        public Pow {
            Objects.requireNonNull(base);
            Objects.requireNonNull(exponent);
        }
    }

    /** A call of a primitive; definitions from files and the stdlib are inlined before this IR. */
    record Call(Fn fn, List<Expr> args) implements Expr {
        public Call {
            Objects.requireNonNull(fn);
            args = List.copyOf(args);
            if (args.size() != fn.arity()) {
                throw new IllegalArgumentException(fn.symbol() + " takes " + fn.arity() + " argument(s), got " + args.size());
            }
        }

        /** The single argument of a unary primitive. */
        public Expr arg() {
            return args.getFirst();
        }
    }

    /**
     * {@code where(cond, ifTrue, ifFalse)}: a real branch. Only the chosen side is evaluated, so
     * an inactive side can never turn the result into NaN.
     */
    record Where(Cond cond, Expr ifTrue, Expr ifFalse) implements Expr {
        public Where {
            Objects.requireNonNull(cond);
            Objects.requireNonNull(ifTrue);
            Objects.requireNonNull(ifFalse);
        }
    }
}
