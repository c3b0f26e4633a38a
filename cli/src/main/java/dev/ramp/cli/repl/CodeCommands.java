package dev.ramp.cli.repl;

import dev.ramp.cli.ClassNames;
import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.analysis.Analysis;
import dev.ramp.compiler.analysis.ReportPrinter;
import dev.ramp.compiler.check.Checker;
import dev.ramp.compiler.check.FunctionReport;
import dev.ramp.compiler.check.ReportTable;
import dev.ramp.compiler.check.Samples;
import dev.ramp.compiler.ir.Function;
import dev.ramp.runtime.Activation;
import java.lang.classfile.ClassFile;
import java.util.Locale;
import java.util.Map;

/** {@code :bytecode}, {@code :bench} and {@code :check}: the compiled side of a definition. */
final class CodeCommands {
    private CodeCommands() {}

    static void bytecode(Invocation inv, Context cx) {
        Function f = ExprArg.resolve(inv, cx.session, inv.argsStart(), inv.input().length(), ":bytecode NAME");
        Map<String, Double> params = ExprArg.parameterValues(inv, f, inv.argsStart(), inv.input().length());
        byte[] bytes = Compiler.classFile(f, params, "ramp.generated." + ClassNames.of(f.name()));
        cx.out.println(ClassFile.of().parse(bytes).toDebugString());
    }

    /**
     * {@code ramp check --quick} for one definition or expression: f, f' and f'' in double, f and
     * f' in float, against the high-precision reference on a few hundred inputs.
     */
    static void check(Invocation inv, Context cx) {
        dev.ramp.compiler.rows.RowFunction row = cx.session.library().lookupRow(inv.input().substring(inv.argsStart()).strip());
        if (row != null) {
            dev.ramp.stdlib.RowChecks.Result r = dev.ramp.stdlib.RowChecks.measure(row.name(), Compiler.compileRows(row, Map.of()));
            cx.out.print(dev.ramp.cli.RowCheckTable.header() + dev.ramp.cli.RowCheckTable.row(r));
            cx.out.note(r.passed() ? "within budget" : "over budget");
            return;
        }
        Function f = ExprArg.resolve(inv, cx.session, inv.argsStart(), inv.input().length(), ":check NAME");
        Map<String, Double> params = ExprArg.parameterValues(inv, f, inv.argsStart(), inv.input().length());
        FunctionReport r = Checker.check(f, params, Checker.Settings.DEFAULT.withDensity(Samples.Density.TEST));
        cx.out.print(ReportTable.header() + ReportTable.rows(r));
        cx.out.note((r.ok() ? "every kernel within budget" : ReportTable.over(r) + " kernel(s) over budget")
                + ", on a few hundred inputs ('ramp check' sweeps about 2,000)");
    }

    static void analyze(Invocation inv, Context cx) {
        Function f = ExprArg.resolve(inv, cx.session, inv.argsStart(), inv.input().length(), ":analyze EXPR");
        cx.out.print(ReportPrinter.text(Analysis.of(f, ExprArg.parameterValues(inv, f, inv.argsStart(), inv.input().length()))));
    }

    static void bench(Invocation inv, Context cx) {
        Function f = ExprArg.resolve(inv, cx.session, inv.argsStart(), inv.input().length(), ":bench NAME");
        Map<String, Double> params = ExprArg.parameterValues(inv, f, inv.argsStart(), inv.input().length());
        long t0 = System.nanoTime();
        Activation a = Compiler.compile(f, params);
        double compileMs = (System.nanoTime() - t0) / 1e6;
        QuickTimer timer = new QuickTimer(4096);
        cx.out.println(String.format(Locale.ROOT, "quick timing of %s, not JMH (%s): %d doubles in [-5, 5]",
                f.name(), QuickTimer.METHOD, timer.size()));
        cx.out.println(String.format(Locale.ROOT, "  %-34s %9.1f ms", "compile (first call, cached after)", compileMs));
        row(cx, "f(x)   scalar calls", timer.scalar(a));
        row(cx, "f(x)   forward(double[])", timer.forward(a));
        row(cx, "f'(x)  backward(double[])", timer.backward(a));
        row(cx, "f, f'  forwardBackward(double[])", timer.forwardBackward(a));
        cx.out.note("  For numbers to quote, use the JMH benchmarks (bench module); these vary by 10-20% between runs.");
    }

    private static void row(Context cx, String what, double nsPerElement) {
        cx.out.println(String.format(Locale.ROOT, "  %-34s %9.2f ns/element", what, nsPerElement));
    }
}
