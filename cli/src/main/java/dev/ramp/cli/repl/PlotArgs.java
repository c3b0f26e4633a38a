package dev.ramp.cli.repl;

import java.nio.file.Path;
import java.util.List;

/**
 * The arguments of {@code :plot EXPR [FROM TO] [--order 0,1,2] [--out FILE]}. The expression
 * may contain spaces, so the options are taken from the end, then a trailing pair of numbers is
 * the range, and what remains is the expression.
 *
 * @param exprStart where EXPR starts in the input
 * @param exprEnd where it ends
 * @param range FROM and TO, or null for the default
 * @param orders the derivative orders, or null for the default
 * @param out the image file, or null
 */
record PlotArgs(int exprStart, int exprEnd, double[] range, List<Integer> orders, Path out) {

    static final String USAGE = ":plot EXPR [FROM TO] [--order 0,1,2] [--out FILE.svg|FILE.png]";

    static PlotArgs parse(Invocation inv) {
        List<Invocation.Word> words = inv.words();
        int exprEnd = inv.input().length();
        List<Integer> orders = null;
        Path out = null;
        int firstOption = words.size();
        for (int i = 0; i < words.size(); i++) {
            Invocation.Word w = words.get(i);
            String option = optionName(w.text());
            if (option == null) {
                if (firstOption < words.size()) {
                    throw inv.error(w.start(), w.end(), "unexpected '" + w.text() + "' among the options", "usage: " + USAGE);
                }
                continue;
            }
            if (firstOption == words.size()) firstOption = i;
            String value;
            int valueStart;
            int valueEnd;
            if (w.text().contains("=")) {
                value = w.text().substring(w.text().indexOf('=') + 1);
                valueStart = w.start() + w.text().indexOf('=') + 1;
                valueEnd = w.end();
            } else if (i + 1 < words.size()) {
                Invocation.Word v = words.get(++i);
                value = v.text();
                valueStart = v.start();
                valueEnd = v.end();
            } else {
                throw inv.error(w.start(), w.end(), w.text() + " needs a value", option.equals("--order") ? "e.g. --order 0,1" : "e.g. --out plot.svg");
            }
            if (option.equals("--order")) {
                orders = dev.ramp.cli.repl.Settings.parseOrders(value);
                if (orders == null) {
                    throw inv.error(valueStart, valueEnd, "invalid orders '" + value + "'", "distinct orders from 0 to 6, separated by commas, e.g. 0,1,2");
                }
            } else {
                out = Path.of(expandHome(value));
            }
            exprEnd = Math.min(exprEnd, w.start());
        }
        // A trailing pair of numbers is the range, unless the expression would end in an operator.
        double[] range = null;
        List<Invocation.Word> exprWords = words.subList(0, firstOption);
        if (exprWords.size() >= 3) {
            Invocation.Word from = exprWords.get(exprWords.size() - 2);
            Invocation.Word to = exprWords.getLast();
            Double a = number(from.text());
            Double b = number(to.text());
            String before = inv.input().substring(inv.argsStart(), from.start()).strip();
            if (a != null && b != null && !before.isEmpty() && !Lexing.incomplete(before)) {
                if (!(a < b) || !Double.isFinite(a) || !Double.isFinite(b)) {
                    throw inv.error(from.start(), to.end(), "the range must go from a smaller to a larger finite number", "e.g. :plot mish -5 5");
                }
                range = new double[] {a, b};
                exprEnd = from.start();
            }
        }
        return new PlotArgs(inv.argsStart(), exprEnd, range, orders, out);
    }

    private static String optionName(String word) {
        for (String o : List.of("--order", "--out")) {
            if (word.equals(o) || word.startsWith(o + "=")) return o;
        }
        if (word.equals("-o")) return "--out";
        return null;
    }

    private static Double number(String text) {
        if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) return null;
        return Double.parseDouble(text);
    }

    static String expandHome(String path) {
        return path.equals("~") || path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }
}
