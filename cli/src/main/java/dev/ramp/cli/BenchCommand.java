package dev.ramp.cli;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Fn;
import dev.ramp.stdlib.Stdlib;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ramp bench}: builds the JMH suite ({@code bench/target/benchmarks.jar}), runs generated
 * kernels against handwritten scalar kernels, handwritten Vector API kernels and
 * {@code System.arraycopy}, then writes {@code bench/target/summary.csv} and prints the table.
 *
 * <p>Quick mode runs each function in a JVM of its own with JMH's non-forked mode and short
 * iterations (the whole stdlib in under 10 minutes on 2 cores); the default mode lets JMH fork a
 * JVM per benchmark with 3 warm-up and 5 measured iterations of a second (hours for the whole
 * stdlib). Every JVM gets {@code --add-modules jdk.incubator.vector}.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {"Benchmark generated kernels against handwritten ones (JMH) and print ns per element with speedups.",
                       "Writes bench/target/summary.csv: " + BenchSummary.HEADER},
        footer = {"", "Examples:", "  ramp bench --quick                 # the whole stdlib, about 10 minutes",
                  "  ramp bench --quick mish gelu relu", "  ramp bench mish                    # full iterations and forks"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Short iterations, no forks: a quick look (numbers are noisier).")
    boolean quick;

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "4096,1048576", description = "Array sizes (default: 4096,1048576).")
    List<Integer> sizes;

    @Option(names = "--no-build", description = "Use bench/target/benchmarks.jar as it is.")
    boolean noBuild;

    @Option(names = "--root", paramLabel = "DIR", description = "The ramp source tree (default: found from ramp.jar's location).")
    Path root;

    @Option(names = "--extra-classpath", paramLabel = "PATH", description = "More class path for the benchmark JVMs (for example a jar with the handwritten kernels).")
    String extraClasspath;

    @Option(names = "--fast", description = "Compile the generated kernels in fast mode (-Dramp.accuracy=fast: float kernels in float lanes).")
    boolean fast;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "stdlib functions to benchmark (default: all).")
    List<String> names = new ArrayList<>();

    /** The ten functions with a handwritten Vector API kernel (bench's HandwrittenVector.NAMES). */
    static final List<String> HEADLINE = List.of("relu", "leaky_relu", "elu", "sigmoid", "tanh", "silu", "softplus", "gelu", "gelu_tanh", "mish");

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Library library = Stdlib.library();
        List<String> functions = names.isEmpty() ? List.copyOf(library.names()) : names;
        for (String n : functions) {
            if (library.lookup(n) == null) throw new BadInput("no stdlib function '" + n + "' (ramp list shows them)");
        }
        Path home = root != null ? root : sourceRoot();
        Path jar = home.resolve("bench/target/benchmarks.jar"), target = home.resolve("bench/target");
        if (!noBuild) build(home, err);
        if (!Files.exists(jar)) throw new BadInput("no " + jar + ": build it with mvn -pl bench -am package, or drop --no-build");
        String classpath = jar + (extraClasspath == null ? "" : File.pathSeparator + extraClasspath);
        // The handwritten scalar kernels are stdlib's test classes: the build makes their jar next to stdlib's.
        if (!hasHandwritten(classpath) && stdlibTestJar(home) instanceof Path tests) classpath += File.pathSeparator + tests;
        boolean handwritten = hasHandwritten(classpath);
        if (!handwritten) err.println("ramp bench: the handwritten scalar kernels (stdlib test jar) are not in the suite; their column stays empty");

        Path results = target.resolve("jmh");
        Files.createDirectories(results);
        List<Path> csvs = new ArrayList<>();
        String sizeList = String.join(",", sizes.stream().map(String::valueOf).toList());
        csvs.add(run(classpath, "dev.ramp.bench.ArraycopyBench", List.of("-p", "size=" + sizeList), results.resolve("arraycopy.csv"), err));
        if (quick) {
            for (String fn : functions) {
                err.println("ramp bench: " + fn);
                csvs.add(run(classpath, regex(List.of(fn), handwritten), List.of("-p", "function=" + fn, "-p", "size=" + sizeList),
                        results.resolve(fn + ".csv"), err));
            }
        } else {
            csvs.add(run(classpath, regex(functions, handwritten), List.of("-p", "function=" + String.join(",", functions), "-p", "size=" + sizeList),
                    results.resolve("kernels.csv"), err));
            List<String> headline = functions.stream().filter(HEADLINE::contains).toList();
            if (!headline.isEmpty() && !HEADLINE.containsAll(functions)) {
                csvs.add(run(classpath, "dev\\.ramp\\.bench\\.HandwrittenVectorBench\\.", List.of("-p", "function=" + String.join(",", headline),
                        "-p", "size=" + sizeList), results.resolve("vector.csv"), err));
            }
        }

        BenchSummary summary = new BenchSummary();
        for (Path csv : csvs) summary.read(csv);
        List<BenchSummary.Row> rows = summary.rows(functions, sizes);
        Path csv = target.resolve("summary.csv");
        BenchSummary.writeCsv(rows, csv);
        BenchSummary.printTable(rows, out);
        List<String> misses = BenchSummary.misses(rows, transcendental(functions, library));
        out.println();
        out.println(misses.isEmpty() ? "All targets met." : misses.size() + " target(s) missed:");
        for (String m : misses) out.println("  " + m);
        out.println("Wrote " + csv);
        return Main.OK;
    }

    /**
     * The benchmarks to run: generated kernels; handwritten scalar forward and backward (fused is
     * their sum); handwritten Vector API kernels only for functions that have one. JMH's -p
     * overrides a parameter for every benchmark, so the Vector API class joins only when every
     * function asked for has a kernel (quick mode asks one function at a time).
     */
    private static String regex(List<String> functions, boolean handwritten) {
        List<String> parts = new ArrayList<>();
        parts.add("GeneratedBench\\.");
        if (handwritten) parts.add("HandwrittenBench\\.(forward|backward)");
        if (HEADLINE.containsAll(functions)) parts.add("HandwrittenVectorBench\\.");
        return "dev\\.ramp\\.bench\\.(" + String.join("|", parts) + ")";
    }

    /** Runs JMH on the class path with the mode's iteration settings; returns its CSV result file. */
    private Path run(String classpath, String regex, List<String> params, Path csv, PrintWriter err) throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"));
        if (fast) jvm.add("-Dramp.accuracy=fast");
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", classpath, "org.openjdk.jmh.Main", regex));
        cmd.addAll(params);
        // Forked JVMs: JMH's -jvmArgsAppend replaces the annotations' arguments, so it repeats them all.
        if (!quick) cmd.addAll(List.of("-jvmArgsAppend", String.join(" ", jvm)));
        if (quick) {
            // BULK: every benchmark's warm-up runs before any measurement, so no kernel is
            // measured while C2 is still compiling it (all share one JVM in quick mode).
            cmd.addAll(List.of("-f", "0", "-wm", "BULK", "-wi", "2", "-w", "120ms", "-i", "2", "-r", "100ms"));
        } else {
            cmd.addAll(List.of("-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s"));
        }
        cmd.addAll(List.of("-rf", "csv", "-rff", csv.toString()));
        Files.deleteIfExists(csv);
        Path log = csv.resolveSibling(csv.getFileName().toString().replace(".csv", ".log"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        if (code != 0 || !Files.exists(csv)) {
            throw new IOException("JMH failed (exit " + code + "); its output is in " + log);
        }
        return csv;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code mvn -B -q -DskipTests package -pl bench -am} in the source tree: the reactor, never ~/.m2's copies. */
    private static void build(Path home, PrintWriter err) throws IOException, InterruptedException {
        err.println("ramp bench: building the benchmark jar...");
        Path log = Files.createTempFile("ramp-bench-build", ".log");
        Process p = new ProcessBuilder("mvn", "-B", "-q", "-DskipTests", "package", "-pl", "bench", "-am")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("building the benchmarks failed; Maven's output is in " + log);
        }
        Files.deleteIfExists(log);
    }

    /** The source tree: ramp.jar lives in {@code <root>/cli/target}. */
    private static Path sourceRoot() {
        try {
            Path self = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = self; p != null; p = p.getParent()) {
                if (Files.exists(p.resolve("bench/pom.xml"))) return p;
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.exists(cwd.resolve("bench/pom.xml"))) return cwd;
        throw new BadInput("cannot find the ramp source tree (bench/pom.xml); pass --root");
    }

    /** stdlib/target/ramp-stdlib-*-tests.jar in the source tree, or null. */
    private static Path stdlibTestJar(Path home) throws IOException {
        Path dir = home.resolve("stdlib/target");
        if (!Files.isDirectory(dir)) return null;
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("ramp-stdlib-.*-tests\\.jar")).findFirst().orElse(null);
        }
    }

    /** Whether some jar on the class path has the handwritten kernels' registry. */
    private static boolean hasHandwritten(String classpath) throws IOException {
        for (String entry : classpath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p) ? Files.exists(p.resolve(HANDWRITTEN)) : Files.isRegularFile(p) && jarHas(p)) return true;
        }
        return false;
    }

    private static final String HANDWRITTEN = "dev/ramp/stdlib/handwritten/Handwritten.class";

    private static boolean jarHas(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.getEntry(HANDWRITTEN) != null;
        }
    }

    /** The functions whose definition calls exp, log, tanh, erf or another transcendental function. */
    private static Set<String> transcendental(List<String> functions, Library library) {
        Set<String> out = new LinkedHashSet<>();
        for (String fn : functions) {
            ArrayDeque<Object> work = new ArrayDeque<>();
            work.push(Compiler.function(fn, library).body());
            while (!work.isEmpty()) {
                Object n = work.pop();
                if (n instanceof Expr.Call(Fn f, List<Expr> args) && !Set.of(Fn.ABS, Fn.SIGN, Fn.MAX, Fn.MIN, Fn.SQRT).contains(f)) {
                    out.add(fn);
                    break;
                }
                switch (n) {
                    case Expr.Neg(Expr a) -> work.push(a);
                    case Expr.Add(List<Expr> t) -> work.addAll(t);
                    case Expr.Mul(List<Expr> t) -> work.addAll(t);
                    case Expr.Div(Expr a, Expr b) -> { work.push(a); work.push(b); }
                    case Expr.Pow(Expr a, Expr b) -> { work.push(a); work.push(b); }
                    case Expr.Call(Fn f, List<Expr> args) -> work.addAll(args);
                    case Expr.Where(var c, Expr a, Expr b) -> { work.push(a); work.push(b); }
                    default -> {}
                }
            }
        }
        return out;
    }
}
