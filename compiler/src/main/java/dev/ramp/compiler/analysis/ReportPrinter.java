package dev.ramp.compiler.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@link Report} as a terminal report ({@link #text}) or as JSON for programs ({@link #json}).
 * The text uses Unicode (φ, Φ, √, ∞, →); {@link #ascii} rewrites it for terminals that cannot
 * show it.
 */
public final class ReportPrinter {
    private final boolean ascii;

    private ReportPrinter(boolean ascii) {
        this.ascii = ascii;
    }

    private static final int SHAPE_DIGITS = 6, MOMENT_DIGITS = 13;

    /** The report for a terminal, in Unicode. */
    public static String text(Report r) {
        return new ReportPrinter(false).render(r);
    }

    /** The report for a terminal; with {@code ascii}, every symbol spelled out (columns stay aligned). */
    public static String text(Report r, boolean ascii) {
        return new ReportPrinter(ascii).render(r);
    }

    private String render(Report r) {
        StringBuilder out = new StringBuilder();
        header(r, out);
        shape(r, out);
        smoothness(r, out);
        moments(r, out);
        gains(r, out);
        symmetry(r, out);
        for (String n : r.notes()) out.append("note: ").append(n).append('\n');
        return ascii ? ascii(out.toString()) : out.toString();
    }

    /** Text with every non-ASCII symbol spelled out (φ → phi, √ → sqrt, ∞ → inf, → → ->); anything else becomes ?. */
    public static String ascii(String text) {
        String[][] map = {
            {"√(2π)", "sqrt(2 pi)"}, {"√e", "sqrt(e)"}, {"√q", "sqrt(q)"}, {"√fan_in", "sqrt(fan_in)"},
            {"√E[f(z)²]", "sqrt(E[f(z)^2])"}, {"√E[f'(z)²]", "sqrt(E[f'(z)^2])"}, {"√", "sqrt"}, {"↦", "|->"}, {"–", "-"}, {"φ", "phi"}, {"Φ", "Phi"}, {"π", "pi"}, {"∞", "inf"},
            {"→", "->"}, {"²", "^2"}, {"≤", "<="}, {"≥", ">="}, {"≠", "!="}, {"·", "*"}, {"χ", "chi"}, {"—", "-"},
            {"±", "+/-"}, {"×", "x"}, {"Δ", "delta"}, {"≈", "~"}, {"∈", "in"}, {"‖", "|"}, {"…", "..."}, {"ℝ", "R"}};
        String s = text;
        for (String[] m : map) s = s.replace(m[0], m[1]);
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.append(c < 0x80 ? Character.toString(c) : "?"));
        return out.toString();
    }

    // ---- text sections ----

    private void header(Report r, StringBuilder out) {
        String params = r.parameters().isEmpty() ? "" : "; " + r.parameters().entrySet().stream()
                .map(e -> e.getKey() + " = " + Fmt.plain(e.getValue())).collect(Collectors.joining(", "));
        out.append(r.name()).append('(').append(r.variable()).append(params).append(") = ").append(r.definition()).append("\n\n");
    }

    private void shape(Report r, StringBuilder out) {
        Shape s = r.shape();
        out.append("Shape\n");
        row(out, "range", range(s) + "   " + bounds(s));
        row(out, "monotonic", monotonic(s, "f"));
        row(out, "at 0", "f(0) = " + num(r.f0()) + ", f'(0) = " + num(r.d0()));
        row(out, "x → -∞", tail(r.left(), "f") + ";  " + gradientTail(r.gradientLeft(), r.deadBelow(), r.saturatesBelow(), -1));
        row(out, "x → +∞", tail(r.right(), "f") + ";  " + gradientTail(r.gradientRight(), r.deadAbove(), r.saturatesAbove(), 1));
        Shape g = r.gradient();
        String peak = g.extrema().stream().filter(e -> !e.minimum()).filter(e -> e.value() == g.upper().value())
                .min(java.util.Comparator.comparingDouble(e -> Math.abs(e.x()))).map(e -> ", peak at x = " + num(e.x())).orElse("");
        row(out, "f' range", range(g) + (Double.isFinite(g.maxAbs()) ? "   |f'| ≤ " + num(g.maxAbs()) + peak : "   unbounded"));
        out.append('\n');
    }

    private String range(Shape s) {
        Bound lo = s.lower(), hi = s.upper();
        return (lo.attained() ? "[" : "(") + num(lo.value()) + ", " + num(hi.value()) + (hi.attained() ? "]" : ")");
    }

    private String bounds(Shape s) {
        return bound(s.lower(), "below") + "; " + bound(s.upper(), "above");
    }

    private String bound(Bound b, String side) {
        if (!b.bounded()) return Double.isNaN(b.value()) ? "bound " + side + " unknown" : "unbounded " + side;
        String where = switch (b.how()) {
            case "point" -> "at x = " + num(b.x());
            case "interval" -> "on (" + num(b.from()) + ", " + num(b.to()) + ")";
            case "limit" -> "as x → " + num(b.x());
            default -> "";
        };
        return "bounded " + side + " by " + num(b.value()) + (b.attained() ? " (attained " + where + ")" : " (approached " + where + ")");
    }

    private String monotonic(Shape s, String f) {
        String kind = switch (s.monotonicity()) {
            case INCREASING -> "increasing";
            case NONDECREASING -> "non-decreasing";
            case DECREASING -> "decreasing";
            case NONINCREASING -> "non-increasing";
            case CONSTANT -> "constant";
            case NONMONOTONIC -> "no";
        };
        List<String> extra = new ArrayList<>();
        for (double[] c : s.constantOn()) extra.add("constant " + num(c[2]) + " on (" + num(c[0]) + ", " + num(c[1]) + ")");
        if (s.monotonicity() == Shape.Monotonicity.NONMONOTONIC) {
            List<String> ex = new ArrayList<>();
            for (Extremum e : s.extrema()) {
                ex.add((e.minimum() ? "minimum " : "maximum ") + f + " = " + num(e.value()) + " at x = " + num(e.x()) + (e.atKink() ? " (a corner)" : ""));
            }
            if (ex.size() > 4) {
                Extremum near = s.extrema().stream().min(java.util.Comparator.comparingDouble(e -> Math.abs(e.x()))).orElseThrow();
                ex = new ArrayList<>(List.of(ex.size() + " local extrema on the grid (|x| ≤ 10^6); nearest 0: "
                        + (near.minimum() ? "minimum " : "maximum ") + f + " = " + num(near.value()) + " at x = " + num(near.x())));
            }
            for (double[] j : s.jumps()) {
                ex.add(f + " jumps " + (j[2] > j[1] ? "up" : "down") + " by " + Fmt.sig(Math.abs(j[2] - j[1]), 3) + " at x = " + num(j[0]));
            }
            extra.addAll(0, ex);
        }
        return extra.isEmpty() ? kind : kind + " (" + String.join("; ", extra) + ")";
    }

    private String tail(Tail t, String f) {
        return switch (t.kind()) {
            case CONSTANT -> f + " → " + num(t.limit()) + " (saturates)";
            case LINEAR -> f + " ~ " + affine(t.limit(), t.offset()) + " (linear, does not saturate)";
            case UNBOUNDED_ABOVE -> f + " → ∞ (" + t.growth() + ")";
            case UNBOUNDED_BELOW -> f + " → -∞ (" + t.growth() + ")";
            case NONE -> f + ": no limit found";
        };
    }

    private String affine(double a, double b) {
        String ax = a == 1 ? "x" : a == -1 ? "-x" : num(a) + "·x";
        if (b == 0 || Double.isNaN(b)) return ax;
        return ax + (b < 0 ? " - " + num(-b) : " + " + num(b));
    }

    private String gradientTail(Tail t, double dead, double saturates, int side) {
        String beyond = side < 0 ? "x < " : "x > ";
        if (!Double.isNaN(dead)) return "f' = 0 for all " + beyond + num(dead) + ": dead, no gradient";
        return switch (t.kind()) {
            case CONSTANT -> t.limit() == 0
                    ? "f' → 0: the gradient vanishes" + (Double.isNaN(saturates) ? "" : " (|f'| < 1% of its peak for " + beyond + num(saturates) + ")")
                    : "f' → " + num(t.limit()) + ": the gradient does not vanish";
            case LINEAR, UNBOUNDED_ABOVE, UNBOUNDED_BELOW -> "f' → " + num(t.approaches()) + ": the gradient grows without bound";
            case NONE -> "f': no limit found";
        };
    }

    private void smoothness(Report r, StringBuilder out) {
        Smoothness s = r.smoothness();
        String summary = switch (s.order()) {
            case Integer.MAX_VALUE -> "smooth (no branch points: an analytic formula wherever it is defined)";
            case 3 -> "smooth across its branch points (f, f', f'', f''' continuous at each)";
            case 2 -> "C2 (f''' jumps)";
            case 1 -> "C1 (f' continuous; f'' jumps)";
            case 0 -> "C0 (continuous; not differentiable at " + plural(s.corners().size(), "point") + ")";
            default -> "discontinuous (f jumps)";
        };
        out.append("Smoothness   ").append(summary).append('\n');
        for (Kink k : s.kinks()) {
            String at = num(k.x());
            String what = switch (k.continuity()) {
                case -1 -> "jump: f(" + at + "-) = " + num(k.fLeft()) + ", f(" + at + "+) = " + num(k.fRight())
                        + " (Δ = " + Fmt.sig(k.fRight() - k.fLeft(), 3) + "); f'(" + at + "∓) = " + num(k.dLeft()) + ", " + num(k.dRight());
                case 0 -> "corner: f'(" + at + "-) = " + num(k.dLeft()) + ", f'(" + at + "+) = " + num(k.dRight())
                        + "; ramp's f'(" + at + ") = " + num(k.d());
                case 1 -> "f' = " + num(k.dLeft()) + " on both sides; f''(" + at + "-) = " + num(k.d2Left()) + ", f''(" + at + "+) = " + num(k.d2Right());
                case 2 -> "f, f', f'' continuous; f''' jumps";
                default -> "the formulas on either side join smoothly";
            };
            row(out, "  x = " + at, what + "   [" + k.source() + "; " + k.method() + "]");
        }
        out.append('\n');
    }

    private void moments(Report r, StringBuilder out) {
        Moments m = r.moments();
        out.append("Under z ~ N(0, 1)\n");
        moment(out, "E[f(z)]", m.mean(), m.zeroCentred() ? "zero-centred" : "not zero-centred");
        moment(out, "E[f(z)²]", m.secondMoment(), "");
        row(out, "Var[f(z)]", num(m.variance(), MOMENT_DIGITS));
        moment(out, "P(f(z) = 0)", m.sparsity(), m.sparsity().value() > 0
                ? "sparsity: " + Fmt.sig(100 * m.sparsity().value(), 4) + "% of units exactly 0" : "sparsity: none");
        moment(out, "E[f'(z)]", m.gradientMean(), "");
        moment(out, "E[f'(z)²]", m.gradientSecondMoment(), "");
        moment(out, "P(f'(z) = 0)", m.deadGradient(), m.deadGradient().value() > 0
                ? "dead gradient for " + Fmt.sig(100 * m.deadGradient().value(), 4) + "% of inputs" : "no dead region");
        out.append("  method: ").append(method(m)).append("\n\n");
    }

    private void moment(StringBuilder out, String label, Estimate e, String comment) {
        StringBuilder v = new StringBuilder(pad(num(e.value(), MOMENT_DIGITS), 18));
        v.append(pad(e.exact() != null ? "exact" : "± " + Fmt.sig(e.error(), 1), 10));
        String form = e.exact() == null ? null
                : e.exact().isConstant() ? Fmt.rational(e.value()).filter(r -> r.contains("/")).orElse(null) : e.closedForm();
        if (form != null) v.append("= ").append(form).append("   ");
        if (e.exact() == null) {
            Fmt.recognise(e.value(), Math.max(4 * e.error(), 1e-14)).filter(m -> !m.equals(num(e.value(), MOMENT_DIGITS)))
                    .ifPresent(m -> v.append("≈ ").append(m).append(" (numerically)   "));
        }
        v.append(comment);
        row(out, label, v.toString().stripTrailing());
    }

    private String method(Moments m) {
        boolean anyNumeric = List.of(m.mean(), m.secondMoment(), m.gradientMean(), m.gradientSecondMoment())
                .stream().anyMatch(e -> e.exact() == null);
        boolean anyExact = List.of(m.mean(), m.secondMoment(), m.gradientMean(), m.gradientSecondMoment())
                .stream().anyMatch(e -> !e.method().equals("Gauss–Kronrod"));
        String exact = "exact Gaussian integrals of the polynomial and exponential pieces between kinks (Φ via erfc)";
        String numeric = "adaptive Gauss–Kronrod (7/15) on each piece between kinks, against the normal density, |z| ≤ 40 (error estimates shown)";
        String probabilities = "probabilities from the branch structure";
        if (!anyNumeric) return exact + "; " + probabilities;
        if (!anyExact) return numeric + "; " + probabilities;
        return exact + ", " + numeric + "; " + probabilities;
    }

    private void gains(Report r, StringBuilder out) {
        Gains g = r.gains();
        out.append("Initialisation (weights with std = gain/√fan_in)\n");
        if (Double.isNaN(g.recommended())) {
            row(out, "gain", "undefined (E[f(z)²] is not a positive finite number)");
            out.append('\n');
            return;
        }
        String shownGain = num(g.recommended(), 10);
        row(out, "gain", shownGain + (g.recommendedExact() != null && !g.recommendedExact().equals(shownGain) ? " = " + g.recommendedExact() : "")
                + "   = 1/√E[f(z)²]: keeps E[pre-activation²] = 1 through each layer (He et al. 2015)");
        if (g.pytorch().isPresent()) {
            Gains.PyTorch p = g.pytorch().get();
            PyTorchGain pg = p.gain();
            String call = "calculate_gain('" + pg.nonlinearity() + "'" + (Double.isNaN(pg.param()) ? "" : ", " + Fmt.plain(pg.param())) + ")";
            String verdict = switch (pg.derivation()) {
                case "derived" -> "derived the same way; agrees (Δ = " + Fmt.sig(p.difference(), 2) + ")";
                case "empirical" -> "empirical, not derived; at " + pg.formula() + " the variance settles at q* = " + num(p.q())
                        + ", χ = " + num(p.chi()) + ", E[grad²] × " + num(p.depthProducts()[1]) + " over 50 layers";
                default -> "a convention (listed with the linear layers, not derived); at " + pg.formula() + " the variance settles at q* = "
                        + num(p.q()) + ", χ = " + num(p.chi());
            };
            String shown = num(pg.gain(), 10);
            row(out, "PyTorch", shown + (shown.equals(pg.formula()) ? "" : " = " + pg.formula()) + "   " + call + ": " + verdict);
        } else {
            row(out, "PyTorch", "no entry: calculate_gain raises ValueError for this activation");
        }
        row(out, "backward gain", num(g.backward(), 10) + "   = 1/√E[f'(z)²]: would keep E[gradient²] through each layer instead");
        String stability = Math.abs(g.varianceSlope() - 1) <= 1e-9
                ? (r.symmetry().homogeneous() ? "marginal: f is positively homogeneous, so every variance is a fixed point" : "marginal: neutral to first order")
                : g.varianceSlope() < 1 ? "stable: perturbed variances return to 1 through depth"
                : "unstable: the variance drifts away from 1 through depth";
        double v = g.varianceSlope();
        row(out, "variance map", "q ↦ g²·E[f(√q z)²] has q* = 1, V'(1) = " + num(v, Math.abs(v - 1) < 1e-4 ? 10 : SHAPE_DIGITS) + " (" + stability + ")");
        row(out, "χ", num(g.chi(), 10) + "   = g²·E[f'(z)²]: the per-layer factor of E[gradient²] at q* = 1");
        StringBuilder depth = new StringBuilder();
        for (int i = 0; i < g.depths().length; i++) {
            depth.append(i > 0 ? ", " : "").append("χ^").append(g.depths()[i]).append(" = ").append(num(g.depthProducts()[i]));
        }
        row(out, "through depth", depth + ": " + flow(g.depthProducts()[g.depthProducts().length - 1]));
        row(out, "edge of chaos", !Double.isNaN(g.chaosJump())
                ? "no gain gives χ = 1: at g = " + num(g.chaosJump()) + " χ jumps from " + num(g.chiBelowJump()) + " to " + num(g.chiAboveJump())
                        + ", as the variance fixed point jumps from q* = " + num(g.qBelowJump()) + " to " + num(g.qAboveJump())
                : Double.isNaN(g.critical()) ? "no gain in [g/16, 16g] gives χ = 1"
                : "g = " + num(g.critical()) + " gives χ = 1 at its own fixed point q* = " + num(g.criticalQ())
                        + (g.criticalQ() < 1e-6 ? " (≈ 0: the signal itself dies out)" : Double.isInfinite(g.criticalQ()) ? " (the variance grows without bound)" : ""));
        out.append('\n');
    }

    private String flow(double p) {
        if (Double.isNaN(p)) return "undefined";
        if (p < 1e-2) return "gradients vanish";
        if (p < 0.5) return "gradients shrink";
        if (p <= 2) return "gradients neither vanish nor explode";
        if (p <= 100) return "gradients grow";
        return "gradients explode";
    }

    private void symmetry(Report r, StringBuilder out) {
        Symmetry s = r.symmetry();
        out.append("Symmetry\n");
        String parity = s.parity() + " (" + s.parityMethod() + ")";
        if (s.parityWitness().length == 3) {
            double[] w = s.parityWitness();
            parity += ": f(" + num(-w[0]) + ") = " + num(w[1]) + ", f(" + num(w[0]) + ") = " + num(w[2]);
        }
        row(out, "parity", parity);
        String h;
        if (s.homogeneous()) {
            h = "yes: f(a·x) = a·f(x) for every a ≥ 0 (" + (s.homogeneityMethod().equals("symbolic")
                    ? "symbolic: linear pieces through 0, kinks only at 0" : "numeric, a = 0.5, 2, 10") + ")";
        } else {
            double[] w = s.homogeneityWitness();
            h = "no: f(" + num(w[0]) + "·" + num(w[1]) + ") = " + num(w[2]) + " ≠ " + num(w[0]) + "·f(" + num(w[1]) + ") = " + num(w[3]);
        }
        row(out, "scale invariant", h);
        out.append('\n');
    }

    // ---- helpers ----

    private void row(StringBuilder out, String label, String value) {
        out.append("  ").append(pad(label, 15)).append(ascii ? ascii(value) : value).append('\n');
    }

    /** s padded to width columns (after spelling out symbols, in ASCII mode). */
    private String pad(String s, int width) {
        if (ascii) s = ascii(s);
        int len = s.codePointCount(0, s.length());
        return len >= width ? s + " " : s + " ".repeat(width - len);
    }

    private String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private String num(double v) {
        return num(v, SHAPE_DIGITS);
    }

    /** Exact small fractions as such (0.5 → 0.5, 1/3 → 0.333333), integers plainly, else significant digits. */
    private String num(double v, int digits) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Fmt.plain(v);
        return Fmt.sig(v, digits);
    }

    // ---- JSON ----

    /** The report as a JSON document (pure ASCII; non-finite numbers as null). */
    public static String json(Report r) {
        return Json.write(tree(r));
    }

    static Map<String, Object> tree(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("variable", r.variable());
        m.put("definition", r.definition());
        m.put("parameters", new LinkedHashMap<>(r.parameters()));
        m.put("f0", r.f0());
        m.put("df0", r.d0());
        m.put("shape", shape(r.shape()));
        m.put("gradientShape", shape(r.gradient()));
        Map<String, Object> tails = new LinkedHashMap<>();
        tails.put("left", tail(r.left()));
        tails.put("right", tail(r.right()));
        tails.put("gradientLeft", tail(r.gradientLeft()));
        tails.put("gradientRight", tail(r.gradientRight()));
        tails.put("deadBelow", r.deadBelow());
        tails.put("deadAbove", r.deadAbove());
        tails.put("saturatesBelow", r.saturatesBelow());
        tails.put("saturatesAbove", r.saturatesAbove());
        m.put("tails", tails);
        m.put("smoothness", smoothness(r.smoothness()));
        m.put("normalInput", moments(r.moments()));
        m.put("initialisation", gains(r.gains()));
        m.put("symmetry", symmetry(r.symmetry()));
        m.put("notes", r.notes());
        return m;
    }

    private static Map<String, Object> shape(Shape s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lower", bound(s.lower()));
        m.put("upper", bound(s.upper()));
        m.put("monotonicity", s.monotonicity().name().toLowerCase(java.util.Locale.ROOT));
        List<Object> ex = new ArrayList<>();
        for (Extremum e : s.extrema()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", e.minimum() ? "minimum" : "maximum");
            x.put("x", e.x());
            x.put("value", e.value());
            x.put("atKink", e.atKink());
            ex.add(x);
        }
        m.put("extrema", ex);
        List<Object> flat = new ArrayList<>();
        for (double[] c : s.constantOn()) flat.add(Map.of("from", c[0], "to", c[1], "value", c[2]));
        m.put("constantOn", flat.stream().map(o -> (Object) ordered((Map<?, ?>) o, "from", "to", "value")).toList());
        List<Object> jumps = new ArrayList<>();
        for (double[] j : s.jumps()) jumps.add(ordered(Map.of("x", j[0], "left", j[1], "right", j[2]), "x", "left", "right"));
        m.put("jumps", jumps);
        return m;
    }

    private static Map<String, Object> ordered(Map<?, ?> src, String... keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : keys) m.put(k, src.get(k));
        return m;
    }

    private static Map<String, Object> bound(Bound b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", b.value());
        m.put("bounded", b.bounded());
        m.put("attained", b.attained());
        m.put("how", b.how());
        if (b.how().equals("interval")) {
            m.put("from", b.from());
            m.put("to", b.to());
        } else {
            m.put("x", b.x());
            m.put("atInfinity", Double.isInfinite(b.x()) ? (int) Math.signum(b.x()) : 0);
        }
        return m;
    }

    private static Map<String, Object> tail(Tail t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (t.kind() == Tail.Kind.CONSTANT) m.put("limit", t.limit());
        if (t.kind() == Tail.Kind.LINEAR) {
            m.put("slope", t.limit());
            m.put("offset", t.offset());
        }
        if (!t.growth().isEmpty()) m.put("growth", t.growth());
        return m;
    }

    private static Map<String, Object> smoothness(Smoothness s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class", s.label());
        List<Object> ks = new ArrayList<>();
        for (Kink k : s.kinks()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("x", k.x());
            x.put("source", k.source());
            x.put("located", k.method());
            x.put("continuity", k.continuity());
            x.put("fLeft", k.fLeft());
            x.put("fRight", k.fRight());
            x.put("f", k.f());
            x.put("dfLeft", k.dLeft());
            x.put("dfRight", k.dRight());
            x.put("df", k.d());
            x.put("d2fLeft", k.d2Left());
            x.put("d2fRight", k.d2Right());
            ks.add(x);
        }
        m.put("branchPoints", ks);
        return m;
    }

    private static Map<String, Object> moments(Moments mo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", estimate(mo.mean()));
        m.put("secondMoment", estimate(mo.secondMoment()));
        m.put("variance", mo.variance());
        m.put("zeroCentred", mo.zeroCentred());
        m.put("sparsity", estimate(mo.sparsity()));
        m.put("gradientMean", estimate(mo.gradientMean()));
        m.put("gradientSecondMoment", estimate(mo.gradientSecondMoment()));
        m.put("deadGradient", estimate(mo.deadGradient()));
        return m;
    }

    private static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", e.value());
        m.put("error", e.error());
        m.put("method", e.method());
        m.put("closedForm", e.closedForm());
        return m;
    }

    private static Map<String, Object> gains(Gains g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gain", g.recommended());
        m.put("gainExact", g.recommendedExact());
        m.put("backwardGain", g.backward());
        m.put("varianceMapSlope", g.varianceSlope());
        m.put("chi", g.chi());
        m.put("depths", g.depths());
        m.put("chiPowers", g.depthProducts());
        m.put("edgeOfChaosGain", g.critical());
        m.put("edgeOfChaosQ", g.criticalQ());
        m.put("chiJumpsAtGain", g.chaosJump());
        m.put("chiBelowJump", g.chiBelowJump());
        m.put("chiAboveJump", g.chiAboveJump());
        m.put("qBelowJump", g.qBelowJump());
        m.put("qAboveJump", g.qAboveJump());
        if (g.pytorch().isPresent()) {
            Gains.PyTorch p = g.pytorch().get();
            Map<String, Object> pt = new LinkedHashMap<>();
            pt.put("nonlinearity", p.gain().nonlinearity());
            pt.put("param", p.gain().param());
            pt.put("gain", p.gain().gain());
            pt.put("formula", p.gain().formula());
            pt.put("derivation", p.gain().derivation());
            pt.put("difference", p.difference());
            pt.put("q", p.q());
            pt.put("chi", p.chi());
            pt.put("gradientProducts", p.depthProducts());
            m.put("pytorch", pt);
        } else {
            m.put("pytorch", null);
        }
        return m;
    }

    private static Map<String, Object> symmetry(Symmetry s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parity", s.parity());
        m.put("parityMethod", s.parityMethod());
        m.put("positivelyHomogeneous", s.homogeneous());
        m.put("homogeneityMethod", s.homogeneityMethod());
        if (s.homogeneityWitness().length == 4) {
            double[] w = s.homogeneityWitness();
            m.put("homogeneityCounterexample", ordered(Map.of("a", w[0], "x", w[1], "f(ax)", w[2], "a*f(x)", w[3]), "a", "x", "f(ax)", "a*f(x)"));
        }
        return m;
    }
}
