package dev.ramp.compiler.pass;

import dev.ramp.compiler.ir.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An insertion-ordered map from the few operands of one sum or product to values, looked up by a
 * linear scan that compares by identity and then structurally. No key is hashed: an
 * {@link Expr}'s {@code hashCode} walks its whole subtree on every call (records do not cache
 * it), which made grouping like terms at every node of a pass quadratic in the depth.
 */
final class FewKeys<V> {
    private final List<Expr> keys = new ArrayList<>();
    private final List<V> values = new ArrayList<>();

    /** The value for a key equal to {@code key}, made and added (last) if there is none. */
    V computeIfAbsent(Expr key, Supplier<V> make) {
        for (int i = 0; i < keys.size(); i++) {
            Expr k = keys.get(i);
            if (k == key || k.equals(key)) return values.get(i);
        }
        V v = make.get();
        keys.add(key);
        values.add(v);
        return v;
    }

    /** The value for a key equal to {@code key}, or null. */
    V get(Expr key) {
        for (int i = 0; i < keys.size(); i++) {
            Expr k = keys.get(i);
            if (k == key || k.equals(key)) return values.get(i);
        }
        return null;
    }

    /** The entries in insertion order (each key as first added). */
    List<Map.Entry<Expr, V>> entries() {
        List<Map.Entry<Expr, V>> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) out.add(Map.entry(keys.get(i), values.get(i)));
        return out;
    }
}
