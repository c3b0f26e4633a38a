package dev.ramp.compiler.emit;

import dev.ramp.runtime.Activation;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Compiled activations by key, with weak values: an entry lives exactly as long as someone uses
 * its activation. Why weak: an instance keeps its hidden class alive, so strong (or soft) values
 * would pin every class ever compiled (a soft reference is not cleared by metaspace pressure,
 * only by heap pressure), while a bounded LRU would evict activations still in use and hand out
 * a second instance for the same key. With weak values, equal requests get the same instance
 * while it is in use, and an unused one is collected together with its class.
 *
 * <p>Thread-safe without holding a lock while compiling: two threads racing on the same new key
 * may both compile, but only one result is published and both callers get it.
 */
final class CompileCache {
    static final CompileCache INSTANCE = new CompileCache();

    private final ConcurrentHashMap<Object, Entry> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<Activation> queue = new ReferenceQueue<>();

    private static final class Entry extends WeakReference<Activation> {
        final Object key;

        Entry(Object key, Activation value, ReferenceQueue<Activation> queue) {
            super(value, queue);
            this.key = key;
        }
    }

    Activation get(Object key, Supplier<Activation> compile) {
        expunge();
        while (true) {
            Entry old = map.get(key);
            Activation a = old == null ? null : old.get();
            if (a != null) return a;
            Activation fresh = compile.get();
            Entry e = new Entry(key, fresh, queue);
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
            Entry e = (Entry) r;
            map.remove(e.key, e);
        }
    }
}
