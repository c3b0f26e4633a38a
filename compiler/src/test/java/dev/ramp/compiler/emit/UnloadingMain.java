package dev.ramp.compiler.emit;

import static dev.ramp.compiler.ir.Exprs.*;

import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.runtime.Activation;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.List;

/**
 * Run in its own JVM by {@link UnloadingTest}: compiles N distinct tiny activations through the
 * cache, uses each once (every hundredth one through an array kernel too) and drops it, then reports class counts and metaspace. Exits 0 when the
 * classes were unloaded (metaspace bounded), 1 otherwise.
 */
public final class UnloadingMain {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Expr x = var("x");
        long start = System.nanoTime();
        double checksum = 0;
        for (int i = 0; i < n; i++) {
            Expr f = mul(x, call(Fn.TANH, mul(constant(i + 0.5), x)));
            Activation a = Emitter.compile(new Emitter.Spec("f" + i, "x", List.of(), List.of(), f, List.of(f), List.of()));
            checksum += a.applyAsDouble(1.0);
            if (i % 100 == 0) {   // every hundredth one also builds its kernel companion class
                double[] ys = new double[2];
                a.forward(new double[] {1.0, 2.0}, ys);
                checksum += ys[0] - a.applyAsDouble(1.0);
            }
        }
        long elapsed = System.nanoTime() - start;
        System.gc();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long metaspace = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) metaspace = pool.getUsage().getUsed();
        }
        int cached = CompileCache.INSTANCE.size();
        System.out.printf("compiled=%d loaded=%d unloaded=%d metaspaceMB=%.1f cacheEntries=%d usPerCompile(wall)=%.1f checksum=%s%n",
                n, classes.getLoadedClassCount(), classes.getUnloadedClassCount(), metaspace / 1e6, cached, elapsed / 1e3 / n, checksum);
        boolean ok = classes.getUnloadedClassCount() >= n * 9L / 10 && classes.getLoadedClassCount() < 20_000 && metaspace < 48_000_000;
        System.exit(ok ? 0 : 1);
    }
}
