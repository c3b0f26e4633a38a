package dev.ramp.compiler.emit;

import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Cond.*;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expressions of one class as a hash-consed DAG (value numbering): structurally equal
 * subtrees become one canonical {@link Expr} or {@link Cond} instance with a small integer id,
 * so everything downstream compares nodes by identity in O(1) and keeps per-node data in arrays.
 *
 * <p>Interning keys a node by its kind, payload and its children's ids, never by the records'
 * own {@code equals}/{@code hashCode}, which recurse through the whole subtree (quadratic, and a
 * {@code StackOverflowError} on deep trees). The walk is iterative for the same reason.
 *
 * <p>While interning, bound parameters become constants (so the JIT sees {@code ldc}s, and the
 * code is the same as if the user had written the numbers), and comparisons are put in one
 * orientation ({@code a > b} becomes {@code b < a}; the operands of {@code ==} and {@code !=}
 * are ordered by id), which is exact under IEEE semantics including NaN and lets the branch
 * scheduler recognise a condition it has already tested. Ids are assigned in post-order: every
 * child's id is smaller than its parent's, so a loop over ids is a topological order.
 */
final class Dag {
    private final Map<String, Expr> bindings;
    private final Map<Key, Object> interned = new HashMap<>(256);
    // Sized for the hundred-odd nodes of a small activation: fewer rehashes on the way.
    private final IdentityHashMap<Object, Object> canonicalOf = new IdentityHashMap<>(128);
    private final IdentityHashMap<Object, Integer> ids = new IdentityHashMap<>(128);
    private final List<Object> nodes = new ArrayList<>();
    private final List<Key> keys = new ArrayList<>();

    /**
     * @param inputs the input variables: each source name (the function's variable, say
     *     {@code z}) and the internal name it is renamed to
     * @param constants values to substitute for the named parameters
     */
    Dag(Map<String, String> inputs, Map<String, Double> constants) {
        bindings = new HashMap<>();
        constants.forEach((name, v) -> bindings.put(name, new Const(v)));
        inputs.forEach((name, internal) -> {
            bindings.put(name, new Var(internal));
            bindings.put(internal, new Var(internal));   // canonical nodes can be interned again
        });
    }

    /** The canonical instance for {@code e}, interning every subterm. */
    Expr intern(Expr e) {
        return (Expr) internAny(e);
    }

    /** The id of a canonical node. */
    int id(Object canonical) {
        Integer id = ids.get(canonical);
        if (id == null) throw new IllegalArgumentException("not a node of this DAG: " + canonical);
        return id;
    }

    /** The canonical node with the given id: an {@link Expr} or a {@link Cond}. */
    Object node(int id) {
        return nodes.get(id);
    }

    /** The number of distinct nodes. */
    int size() {
        return nodes.size();
    }

    /**
     * The children of a node, in evaluation order: expressions and conditions. The operand lists
     * of sums, products and calls are returned as they are (the records hold unmodifiable copies).
     */
    @SuppressWarnings("unchecked")
    static List<Object> children(Object node) {
        return switch (node) {
            case Const c -> List.of();
            case Var v -> List.of();
            case Neg(Expr a) -> List.of(a);
            case Add(List<Expr> terms) -> (List<Object>) (List<?>) terms;
            case Mul(List<Expr> factors) -> (List<Object>) (List<?>) factors;
            case Div(Expr n, Expr d) -> List.of(n, d);
            case Pow(Expr b, Expr e) -> List.of(b, e);
            case Call(var fn, List<Expr> args) -> (List<Object>) (List<?>) args;
            case Where(Cond c, Expr t, Expr f) -> List.of(c, t, f);
            case Compare(var op, Expr l, Expr r) -> List.of(l, r);
            case And(Cond l, Cond r) -> List.of(l, r);
            case Or(Cond l, Cond r) -> List.of(l, r);
            case Not(Cond a) -> List.of(a);
            default -> throw new IllegalArgumentException("not an IR node: " + node);
        };
    }

    /**
     * Post-order interning without recursion: a node is built once all its children have
     * canonical instances. Shared input objects are visited once ({@code canonicalOf} is an
     * identity memo over the caller's objects).
     */
    private Object internAny(Object root) {
        ArrayDeque<Object> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Object o = stack.peek();
            if (canonicalOf.containsKey(o)) {
                stack.pop();
                continue;
            }
            List<Object> kids = children(o);
            boolean ready = true;
            for (int i = kids.size() - 1; i >= 0; i--) {
                Object k = kids.get(i);
                if (!canonicalOf.containsKey(k)) {
                    stack.push(k);
                    ready = false;
                }
            }
            if (!ready) continue;
            stack.pop();
            List<Object> canon = new ArrayList<>(kids.size());
            for (Object k : kids) canon.add(canonicalOf.get(k));
            canonicalOf.put(o, build(o, canon));
        }
        return canonicalOf.get(root);
    }

    private Object build(Object original, List<Object> k) {
        if (original instanceof Expr e && !(e instanceof Const) && !(e instanceof Var)) {
            Expr folded = Folding.fold(e, k);
            if (folded != null) return internAny(folded);
            if (e instanceof Where && ROOT.decide((Cond) k.get(0)) instanceof Boolean taken) return k.get(taken ? 1 : 2);
        }
        return make(original, k);
    }

    /** Decides conditions on constants alone (no facts). */
    private static final Scope ROOT = Scope.root();

    @SuppressWarnings("unchecked")
    private Object make(Object original, List<Object> k) {
        return switch (original) {
            case Const(double v) -> unique(new Key("const", Double.doubleToLongBits(v)), () -> original);
            case Var(String name) -> {
                Expr bound = bindings.get(name);
                if (bound == null) throw new EmitException("unbound variable '" + name + "': neither the input nor a bound parameter");
                yield bound instanceof Var(String internal) ? unique(new Key(new VarHead(internal), 0), () -> bound) : internAny(bound);
            }
            case Neg n -> unique(key("neg", k), () -> new Neg((Expr) k.get(0)));
            case Add a -> unique(key("add", k), () -> new Add((List<Expr>) (List<?>) k));
            case Mul m -> unique(key("mul", k), () -> new Mul((List<Expr>) (List<?>) k));
            case Div d -> unique(key("div", k), () -> new Div((Expr) k.get(0), (Expr) k.get(1)));
            case Pow p -> unique(key("pow", k), () -> new Pow((Expr) k.get(0), (Expr) k.get(1)));
            case Call(var fn, var args) -> unique(key(fn, k), () -> new Call(fn, (List<Expr>) (List<?>) k));
            case Where w -> unique(key("where", k), () -> new Where((Cond) k.get(0), (Expr) k.get(1), (Expr) k.get(2)));
            case Compare(Op op, var l, var r) -> compare(op, (Expr) k.get(0), (Expr) k.get(1));
            case And a -> unique(key("and", k), () -> new And((Cond) k.get(0), (Cond) k.get(1)));
            case Or o -> unique(key("or", k), () -> new Or((Cond) k.get(0), (Cond) k.get(1)));
            // not not c is c exactly: booleans have no NaN.
            case Not n when k.get(0) instanceof Not(Cond inner) -> inner;
            case Not n -> unique(key("not", k), () -> new Not((Cond) k.get(0)));
            default -> throw new IllegalArgumentException("not an IR node: " + original);
        };
    }

    /** The key head of a variable: its (internal) name, apart from every other kind of head. */
    private record VarHead(String name) {}

    /** One orientation per comparison: {@code a > b} is {@code b < a} (both false on NaN). */
    private Object compare(Op op, Expr l, Expr r) {
        Op o = op;
        Expr a = l, b = r;
        switch (op) {
            case GT -> { o = Op.LT; a = r; b = l; }
            case GE -> { o = Op.LE; a = r; b = l; }
            case EQ, NE -> {
                if (id(l) > id(r)) { a = r; b = l; }
            }
            case LT, LE -> {}
        }
        Op fo = o;
        Expr fa = a, fb = b;
        return unique(new Key(o, 0, id(a), id(b)), () -> new Compare(fo, fa, fb));
    }

    private Key key(Object head, List<Object> kids) {
        int[] k = new int[kids.size()];
        for (int i = 0; i < k.length; i++) k[i] = id(kids.get(i));
        return new Key(head, 0, k);
    }

    private Object unique(Key key, java.util.function.Supplier<Object> make) {
        Object existing = interned.get(key);
        if (existing != null) return existing;
        Object fresh = make.get();
        interned.put(key, fresh);
        canonicalOf.put(fresh, fresh);   // interning a canonical node again is O(1)
        ids.put(fresh, nodes.size());
        nodes.add(fresh);
        keys.add(key);
        return fresh;
    }

    /**
     * The interning keys of every node, in id order: equal for structurally equal inputs interned
     * in the same order (ids follow a deterministic post-order), and compared element by element
     * without recursion, so it can key the compile cache.
     */
    List<Key> fingerprint() {
        return List.copyOf(keys);
    }

    /**
     * An interning key: kind (a string literal for the node kind, the {@link dev.ramp.compiler.ir.Fn}
     * of a call, the {@link Op} of a comparison: no string is built per node), a constant's bits,
     * the children's ids.
     */
    record Key(Object head, long bits, int... kids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key(Object h, long b, int[] k) && h.equals(head) && b == bits && Arrays.equals(k, kids);
        }

        @Override
        public int hashCode() {
            return (head.hashCode() * 31 + Long.hashCode(bits)) * 31 + Arrays.hashCode(kids);
        }
    }
}
