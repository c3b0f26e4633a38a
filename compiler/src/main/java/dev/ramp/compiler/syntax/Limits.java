package dev.ramp.compiler.syntax;

/**
 * The front end's size limits, in one place. They exist because the parser and every pass after
 * it recurse on nesting: without a limit, 100,000 nested parentheses overflow the stack.
 */
public final class Limits {
    private Limits() {}

    /**
     * The deepest nesting accepted: parentheses, calls, unary operators, {@code ^} chains, {@code
     * not}, {@code let} and chains of divisions each count as a level. Real activations nest a
     * dozen levels. On a 1 MB thread stack (the JVM's default) the front end alone manages about
     * 1,500 levels of any kind, so 256 leaves most of the stack to the passes after it.
     */
    public static final int MAX_NESTING = 256;

    /**
     * The deepest resolved expression accepted. Inlining multiplies depth (a definition nesting
     * 200 calls of one nesting 200 calls is 40,000 deep) beyond what {@link #MAX_NESTING} bounds,
     * and every later pass recurses on the IR; so the IR's depth is checked after resolution.
     */
    public static final int MAX_DEPTH = 1_000;

    /**
     * The largest resolved expression accepted, counted as a tree: a let-bound value or an
     * argument used n times counts n times, since passes that walk the tree repeat the work.
     * {@code let a = x*x in let b = a*a in ...} doubles per level; a 100,000-term sum is far below.
     */
    public static final long MAX_EXPANDED_SIZE = 1_000_000;

    /**
     * The most IR memory one definition may build while it is resolved, in nodes plus operand
     * slots. A 100,000-term sum builds about 200,000; a chain of 40,000 lets that each extend
     * the previous sum would build 800 million, since sums are copied to stay flat.
     */
    public static final long MAX_BUILT = 5_000_000;

    /** The most diagnostics reported for one input; past a few, more errors rarely help. */
    public static final int MAX_ERRORS = 10;

    /**
     * The most tokens one input may hold. Enough for a 100,000-term sum {@code x+x+...+x}; the
     * lexer stops at the first token past it, so a 10 MB input is rejected without being
     * tokenised in full.
     */
    public static final int MAX_TOKENS = 250_000;
}
