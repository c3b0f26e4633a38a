package dev.ramp.compiler.emit;

import static dev.ramp.compiler.emit.Descs.*;
import static java.lang.constant.ConstantDescs.*;

import dev.ramp.compiler.emit.Kernels.Elem;
import dev.ramp.compiler.ir.Cond;
import dev.ramp.compiler.ir.Expr;
import dev.ramp.compiler.ir.Expr.*;
import dev.ramp.compiler.rows.RowProgram;
import dev.ramp.compiler.rows.RowProgram.Reduce;
import dev.ramp.runtime.RowActivation;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Row kernels: a forward and a backward {@link RowProgram} compiled into one hidden subclass of
 * {@link RowActivation}, with per-row methods for double[] and float[]: forward, backward, and
 * fused (the backward program, whose steps begin with the forward program's, writing the forward
 * output too). Each row method is the program's steps as counted loops over the row, then the
 * output loop:
 *
 * <pre>{@code
 * protected final void forwardRow(double[] x, int xOff, double[] y, int yOff, int n) {
 *     int len = n / views;
 *     double m = -inf, argmax_m = 0;                        // a max step
 *     for (int i = 0; i < len; i++) { double xs = x[xOff + i]; double v = <body>; if (v > m) { m = v; argmax_m = i; } }
 *     double h0 = <loop-invariant part>;                    // hoisted: where(abs(m) == inf, 0, m), log(s), ...
 *     double s = 0;                                          // reductions that do not read each other
 *     for (int i = 0; i < len; i++) { double xs = x[xOff + i]; s += <body>; }   // share one pass
 *     for (int i = 0; i < len; i++) { double xs = x[xOff + i]; y[yOff + i] = <element>; }
 * }
 * }</pre>
 *
 * Expressions are emitted by {@link ExprGen} (shared subexpressions computed once per element,
 * {@code where} as branches), so a kernel evaluates the same operations in the same order as
 * {@link dev.ramp.compiler.rows.RowEval} except for hoisting, which moves work out of loops
 * without changing any value. Float kernels widen each element and round each result once.
 */
public final class RowEmitter {
    private RowEmitter() {}

    private static final ClassFile CLASS_FILE = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(RowEmitter.class.getClassLoader()))));
    private static final ClassDesc CD_RowActivation = ClassDesc.of("dev.ramp.runtime.RowActivation");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String HOISTED = "#h";

    /**
     * Compiles and defines the class, or returns the instance an equal earlier request got while
     * that one is still in use ({@code CompileCache}).
     *
     * @param name the function's name
     * @param variable the row variable ({@code len(variable)} is the row length)
     * @param forward the definition's program
     * @param backward its vector-Jacobian product ({@link dev.ramp.compiler.rows.RowDerivative})
     * @param parameters the parameter values, bound as constants
     */
    public static RowActivation compile(String name, String variable, RowProgram forward, RowProgram backward, Map<String, Double> parameters) {
        return CompileCache.ROWS.get(List.of(name, variable, forward, backward, Map.copyOf(parameters)),
                () -> HiddenClasses.defineRows(classBytes(name, variable, forward, backward, parameters)));
    }

    /** The class file {@link #compile} defines (a hidden class of this package). */
    public static byte[] classBytes(String name, String variable, RowProgram forward, RowProgram backward, Map<String, Double> parameters) {
        ClassDesc self = ClassDesc.of("dev.ramp.compiler.emit.Rows$" + name.replaceAll("[^A-Za-z0-9_]", "_") + "$" + COUNTER.incrementAndGet());
        boolean scalar = forward.output() instanceof RowProgram.Scalar;
        int views = forward.views().size();
        return CLASS_FILE.build(self, cb -> {
            cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER).withSuperclass(CD_RowActivation);
            cb.withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, c -> c.aload(0).ldc(name).loadConstant(views).loadConstant(scalar ? 1 : 0)
                    .invokespecial(CD_RowActivation, INIT_NAME, MethodTypeDesc.of(CD_void, CD_String, CD_int, CD_boolean)).return_());
            cb.withMethodBody(CLASS_INIT_NAME, MTD_void, ClassFile.ACC_STATIC, c -> c.new_(self).dup().invokespecial(self, INIT_NAME, MTD_void)
                    .invokestatic(CD_HiddenClasses, "handoff", MTD_HANDOFF).return_());
            int flags = ClassFile.ACC_PROTECTED | ClassFile.ACC_FINAL;
            for (Elem elem : Elem.values()) {
                cb.withMethodBody("forwardRow", MethodTypeDesc.of(CD_void, elem.array, CD_int, elem.array, CD_int, CD_int), flags,
                        c -> new RowMethod(c, elem, variable, forward, parameters, self, false).emit());
                cb.withMethodBody("backwardRow", MethodTypeDesc.of(CD_void, elem.array, CD_int, elem.array, CD_int, elem.array, CD_int, CD_int), flags,
                        c -> new RowMethod(c, elem, variable, backward, parameters, self, true).emit());
                cb.withMethodBody("forwardBackwardRow", MethodTypeDesc.of(CD_void, elem.array, CD_int, elem.array, CD_int, elem.array, CD_int,
                        elem.array, CD_int, CD_int), flags, c -> new RowMethod(c, elem, variable, backward, parameters, self, true, forward.output()).emit());
            }
        });
    }

    /** Where an output loop writes a value: {@code array[off + i + multiple*len]} (slots of the method). */
    private record Target(int array, int off, int multiple) {}

    /** One row method: slots for the named scalars and the element variables, then the loops. */
    private static final class RowMethod {
        final CodeBuilder c;
        final Elem elem;
        final RowProgram p;
        final boolean backward;
        final boolean elementGrad;
        final int x = 1, xOff = 2, out, outOff, gOut, gOff, y, yOff, n;
        /** The forward output a fused method writes as well (to {@code y}), or null. */
        final RowProgram.Output alsoForward;
        final int len, i;
        final Map<String, Integer> slots = new LinkedHashMap<>();
        final Dag dag;
        final Outlining outlining;
        final ClassDesc owner;
        final String variable;
        final LaneType lanes;
        int next;
        int hoistCounter;

        RowMethod(CodeBuilder c, Elem elem, String variable, RowProgram p, Map<String, Double> parameters, ClassDesc owner, boolean backward) {
            this(c, elem, variable, p, parameters, owner, backward, null);
        }

        /**
         * @param alsoForward for the fused method: the forward program's output, written to
         *     {@code y} from the values the backward program computes anyway (its steps begin
         *     with the forward program's)
         */
        RowMethod(CodeBuilder c, Elem elem, String variable, RowProgram p, Map<String, Double> parameters, ClassDesc owner, boolean backward,
                  RowProgram.Output alsoForward) {
            this.c = c;
            this.alsoForward = alsoForward;
            this.elem = elem;
            this.p = p;
            this.backward = backward;
            this.owner = owner;
            this.variable = variable;
            this.lanes = RowLanes.lanesFor(elem);
            this.elementGrad = p.output() instanceof RowProgram.Gradient g && g.elementGrad();
            if (alsoForward != null) {
                gOut = 3; gOff = 4; y = 5; yOff = 6; out = 7; outOff = 8; n = 9;
            } else if (backward) {
                gOut = 3; gOff = 4; out = 5; outOff = 6; n = 7; y = -1; yOff = -1;
            } else {
                out = 3; outOff = 4; n = 5; gOut = -1; gOff = -1; y = -1; yOff = -1;
            }
            len = n + 1;
            i = n + 2;
            next = n + 3;
            List<String> names = new ArrayList<>(p.views());
            names.add(RowProgram.INDEX);
            names.add(RowProgram.GRAD);
            names.add(RowProgram.lengthName(variable));
            for (Reduce r : p.steps()) {
                names.add(r.name());
                names.add(RowProgram.argmaxName(r.name()));
            }
            for (int k = 0; k < 64; k++) names.add(HOISTED + k);
            names.add("#v");
            for (String s : names) slot(s);
            Map<String, String> inputs = new HashMap<>();
            for (String s : names) inputs.put(s, s);
            this.dag = new Dag(inputs, parameters);
            this.outlining = new Outlining(dag, p.views().getFirst(), Integer.MAX_VALUE);
        }

        int slot(String name) {
            return slots.computeIfAbsent(name, k -> {
                int s = next;
                next += 2;
                return s;
            });
        }

        void emit() {
            int views = p.views().size();
            // len = n / views; len(xs) = (double) n
            c.iload(n).loadConstant(views).idiv().istore(len);
            c.iload(n).i2d().dstore(slot(RowProgram.lengthName(variable)));
            if (backward && !elementGrad) {
                c.aload(gOut).iload(gOff);
                if (elem == Elem.DOUBLE) c.daload();
                else c.faload().f2d();
                c.dstore(slot(RowProgram.GRAD));
            }
            for (List<Reduce> batch : batches(p.steps())) reductions(batch);
            List<Expr> values = new ArrayList<>();
            List<Target> targets = new ArrayList<>();
            if (alsoForward instanceof RowProgram.Scalar(Expr v)) scalarOutput(v, y, yOff);
            if (alsoForward instanceof RowProgram.Elements(Expr e)) {
                values.add(e);
                targets.add(new Target(y, yOff, 0));
            }
            switch (p.output()) {
                case RowProgram.Scalar(Expr v) -> scalarOutput(v, out, outOff);
                case RowProgram.Elements(Expr e) -> {
                    values.add(e);
                    targets.add(new Target(out, outOff, 0));
                }
                case RowProgram.Gradient(List<Expr> perView, boolean eg) -> {
                    for (int k = 0; k < perView.size(); k++) {
                        values.add(perView.get(k));
                        targets.add(new Target(out, outOff, k));
                    }
                }
            }
            if (!values.isEmpty()) loop(values, targets);
            c.return_();
        }


        /** {@code array[off] = value}, once per row. */
        void scalarOutput(Expr v, int array, int off) {
            c.aload(array).iload(off);
            value(intern(v));
            store();
        }

        Expr intern(Expr e) {
            return dag.intern(e);
        }

        /** Emits a loop-invariant value onto the stack. */
        void value(Expr e) {
            new ExprGen(c, outlining, owner, slots, next, List.of(e), null).emit(e, Scope.root());
        }

        void store() {
            if (elem == Elem.DOUBLE) c.dastore();
            else c.d2f().fastore();
        }

        /** Replaces maximal loop-invariant subterms by hoisted variables computed now. */
        Expr hoist(Expr e) {
            Map<Expr, Expr> done = new HashMap<>();
            return hoist(e, done);
        }

        private Expr hoist(Expr e, Map<Expr, Expr> done) {
            if (e instanceof Const || e instanceof Var) return e;
            if (!mentionsElement(e)) {
                Expr known = done.get(e);
                if (known != null) return known;
                if (hoistCounter >= 64) return e;
                String h = HOISTED + hoistCounter++;
                value(intern(e));
                c.dstore(slot(h));
                Expr v = new Var(h);
                done.put(e, v);
                return v;
            }
            return switch (e) {
                case Neg(Expr a) -> new Neg(hoist(a, done));
                case Add(List<Expr> t) -> new Add(t.stream().map(k -> hoist(k, done)).toList());
                case Mul(List<Expr> t) -> new Mul(t.stream().map(k -> hoist(k, done)).toList());
                case Div(Expr a, Expr b) -> new Div(hoist(a, done), hoist(b, done));
                case Pow(Expr a, Expr b) -> new Pow(hoist(a, done), hoist(b, done));
                case Call(var fn, List<Expr> args) -> new Call(fn, args.stream().map(k -> hoist(k, done)).toList());
                case Where(Cond cond, Expr t, Expr f) -> new Where(hoist(cond, done), hoist(t, done), hoist(f, done));
                case Const _, Var _ -> e;
            };
        }

        private Cond hoist(Cond cond, Map<Expr, Expr> done) {
            return switch (cond) {
                case Cond.Compare(var op, Expr l, Expr r) -> new Cond.Compare(op, hoist(l, done), hoist(r, done));
                case Cond.Not(Cond a) -> new Cond.Not(hoist(a, done));
                case Cond.And(Cond l, Cond r) -> new Cond.And(hoist(l, done), hoist(r, done));
                case Cond.Or(Cond l, Cond r) -> new Cond.Or(hoist(l, done), hoist(r, done));
            };
        }

        boolean mentionsElement(Expr e) {
            for (String v : dev.ramp.compiler.rows.Variables.of(e)) {
                if (isElement(v)) return true;
            }
            return false;
        }

        boolean isElement(String name) {
            return p.views().contains(name) || name.equals(RowProgram.INDEX) || name.equals(RowProgram.GRAD) && elementGrad;
        }

        /**
         * Consecutive reductions that do not read each other's results, to be computed in one
         * pass over the row (softmax's backward: the sum of exp and the sum of g * exp share
         * their exp).
         */
        static List<List<Reduce>> batches(List<Reduce> steps) {
            List<List<Reduce>> batches = new ArrayList<>();
            List<Reduce> current = new ArrayList<>();
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Reduce r : steps) {
                java.util.Set<String> read = new java.util.HashSet<>(dev.ramp.compiler.rows.Variables.of(r.body()));
                for (Expr e : r.extras()) read.addAll(dev.ramp.compiler.rows.Variables.of(e));
                read.retainAll(names);
                if (!read.isEmpty()) {
                    batches.add(current);
                    current = new ArrayList<>();
                    names.clear();
                }
                current.add(r);
                names.add(r.name());
                names.add(RowProgram.argmaxName(r.name()));
            }
            if (!current.isEmpty()) batches.add(current);
            return batches;
        }

        /** One pass over the row computing every reduction of {@code batch}, sharing subexpressions. */
        void reductions(List<Reduce> batch) {
            List<Expr> bodies = new ArrayList<>();
            for (Reduce r : batch) {
                int acc = slot(r.name()), at = slot(RowProgram.argmaxName(r.name()));
                switch (r.kind()) {
                    case SUM -> c.dconst_0();
                    case MAX -> c.ldc(Double.NEGATIVE_INFINITY);
                    case MIN -> c.ldc(Double.POSITIVE_INFINITY);
                }
                c.dstore(acc);
                c.ldc(r.extras().isEmpty() ? 0.0 : -1.0).dstore(at);
                for (int e = 0; e < r.extras().size(); e++) {
                    value(intern(r.extras().get(e)));
                    int v = slot("#v");
                    c.dstore(v);
                    double index = -1 - e;
                    update(r, acc, at, v, () -> c.ldc(index));
                }
                bodies.add(intern(hoist(r.body())));
            }
            boolean vectorised = batch.stream().allMatch(r -> r.kind() == RowProgram.Reduction.SUM)
                    && sumLanes(batch, bodies);
            Label head = c.newLabel(), end = c.newLabel();
            if (!vectorised) c.iconst_0().istore(i);
            c.labelBinding(head);
            c.iload(i).iload(len).if_icmpge(end);
            loadElement();
            ExprGen gen = new ExprGen(c, outlining, owner, slots, next, bodies, null);
            Scope scope = Scope.root();
            for (int k = 0; k < batch.size(); k++) {
                Reduce r = batch.get(k);
                gen.emit(bodies.get(k), scope);
                int v = slot("#v");
                c.dstore(v);
                update(r, slot(r.name()), slot(RowProgram.argmaxName(r.name())), v, () -> c.iload(i).i2d());
            }
            c.iinc(i, 1).goto_(head);
            c.labelBinding(end);
        }

        RowLanes.Layout layout() {
            return new RowLanes.Layout(x, xOff, len, i, gOut, gOff, elementGrad, p.views());
        }

        /** The vector loop of a batch of sums, adding into the scalar accumulators; false if it stays scalar. */
        boolean sumLanes(List<Reduce> batch, List<Expr> bodies) {
            int[] accumulators = new int[batch.size()];
            return RowLanes.loop(c, lanes, layout(), bodies, slots, next,
                    (code, free) -> {
                        for (int k = 0; k < accumulators.length; k++) {
                            accumulators[k] = free++;
                            lanes.broadcast(code, 0.0);
                            code.astore(accumulators[k]);
                        }
                        return free;
                    },
                    (code, k, value) -> RowLanes.accumulate(code, lanes, accumulators[k], value),
                    code -> {
                        for (int k = 0; k < accumulators.length; k++) RowLanes.reduceInto(code, lanes, accumulators[k], slot(batch.get(k).name()));
                    });
        }

        /** The vector loop of the output; false if it stays scalar. */
        boolean outputLanes(List<Expr> values, List<Target> targets) {
            int[] outOffsets = new int[values.size()];
            return RowLanes.loop(c, lanes, layout(), values, slots, next,
                    (code, free) -> {
                        for (int k = 0; k < outOffsets.length; k++) {
                            Target t = targets.get(k);
                            if (t.multiple() == 0) {
                                outOffsets[k] = t.off();
                            } else {
                                outOffsets[k] = free++;
                                code.iload(t.off()).iload(len).loadConstant(t.multiple()).imul().iadd().istore(outOffsets[k]);
                            }
                        }
                        return free;
                    },
                    (code, k, value) -> {
                        value.run();
                        lanes.store(code, targets.get(k).array(), outOffsets[k], i);
                    },
                    code -> {});
        }

        /** acc = acc + v, or for max/min: if (v > acc) { acc = v; at = index; }. */
        void update(Reduce r, int acc, int at, int v, Runnable index) {
            switch (r.kind()) {
                case SUM -> c.dload(acc).dload(v).dadd().dstore(acc);
                case MAX, MIN -> {
                    Label skip = c.newLabel();
                    c.dload(v).dload(acc);
                    if (r.kind() == RowProgram.Reduction.MAX) c.dcmpl().ifle(skip);
                    else c.dcmpg().ifge(skip);
                    c.dload(v).dstore(acc);
                    index.run();
                    c.dstore(at);
                    c.labelBinding(skip);
                }
            }
        }

        void loadElement() {
            for (int k = 0; k < p.views().size(); k++) {
                c.aload(x).iload(xOff).iload(i).iadd();
                if (k > 0) c.iload(len).loadConstant(k).imul().iadd();
                if (elem == Elem.DOUBLE) c.daload();
                else c.faload().f2d();
                c.dstore(slot(p.views().get(k)));
            }
            c.iload(i).i2d().dstore(slot(RowProgram.INDEX));
            if (elementGrad) {
                c.aload(gOut).iload(gOff).iload(i).iadd();
                if (elem == Elem.DOUBLE) c.daload();
                else c.faload().f2d();
                c.dstore(slot(RowProgram.GRAD));
            }
        }

        /** The output loop: value k goes to {@code targets[k].array[off + i + multiple*len]}. */
        void loop(List<Expr> values, List<Target> targets) {
            List<Expr> hoisted = new ArrayList<>();
            for (Expr e : values) hoisted.add(hoist(e));
            List<Expr> interned = hoisted.stream().map(this::intern).toList();
            boolean vectorised = outputLanes(interned, targets);
            Label head = c.newLabel(), end = c.newLabel();
            if (!vectorised) c.iconst_0().istore(i);
            c.labelBinding(head);
            c.iload(i).iload(len).if_icmpge(end);
            loadElement();
            ExprGen gen = new ExprGen(c, outlining, owner, slots, next, interned, null);
            Scope scope = Scope.root();
            for (int k = 0; k < interned.size(); k++) {
                Target t = targets.get(k);
                c.aload(t.array()).iload(t.off()).iload(i).iadd();
                if (t.multiple() > 0) c.iload(len).loadConstant(t.multiple()).imul().iadd();
                gen.emit(interned.get(k), scope);
                store();
            }
            c.iinc(i, 1).goto_(head);
            c.labelBinding(end);
        }
    }
}
