package dev.ramp.compiler.emit;

import dev.ramp.runtime.Activation;
import dev.ramp.runtime.RowActivation;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Compiled activations (element-wise or row) by key, with weak values: an entry lives exactly as long as someone uses
 * its activation. Why weak: an instance keeps its hidden class alive, so strong (or soft) values
 * would pin every class ever compiled (a soft reference is not cleared by metaspace pressure,
 * only by heap pressure), while a bounded LRU would evict activations still in use and hand out
 * a second instance for the same key. With weak values, equal requests get the same instance
 * while it is in use, and an unused one is collected together with its class.
 *
 * <p>Thread-safe without holding a lock while compiling: two threads racing on the same new key
 * may both compile, but only one result is published and both callers get it.
 */
final class CompileCache<T> {
    /** Element-wise activations, keyed by {@code Plan.key()}. */
    static final CompileCache<Activation> INSTANCE = new CompileCache<>();
    /** Row activations, keyed by name, variable, programs and parameter values. */
    static final CompileCache<RowActivation> ROWS = new CompileCache<>();

    private final ConcurrentHashMap<Object, Entry<T>> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<T> queue = new ReferenceQueue<>();

    private static final class Entry<T> extends WeakReference<T> {
        final Object key;

        Entry(Object key, T value, ReferenceQueue<T> queue) {
            super(value, queue);
            this.key = key;
        }
    }

    T get(Object key, Supplier<T> compile) {
        expunge();
        while (true) {
            Entry<T> old = map.get(key);
            T a = old == null ? null : old.get();
            if (a != null) return a;
            T fresh = compile.get();
            Entry<T> e = new Entry<>(key, fresh, queue);
            boolean published = old == null ? map.putIfAbsent(key, e) == null : map.replace(key, old, e);
            if (published) return fresh;
            // Another thread published first: loop and return its instance.
        }
    }

    /** Entries in the map, including any whose activation was collected but not yet expunged. */
    int size() {
        expunge();
        return map.size();
    }

    private void expunge() {
        for (Object r; (r = queue.poll()) != null; ) {
            @SuppressWarnings("unchecked")
            Entry<T> e = (Entry<T>) r;
            map.remove(e.key, e);
        }
    }
}
