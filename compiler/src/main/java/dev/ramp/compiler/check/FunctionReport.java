package dev.ramp.compiler.check;

import java.util.List;
import java.util.Map;

/**
 * {@code ramp check}'s findings for one function: a {@link KernelReport} per derivative order
 * and format.
 *
 * @param name the function's name ({@code expr} for an expression)
 * @param parameters the parameter values it was compiled with
 * @param kernels the reports, by order, double before float
 */
public record FunctionReport(String name, Map<String, Double> parameters, List<KernelReport> kernels) {
    public FunctionReport {
        parameters = Map.copyOf(parameters);
        kernels = List.copyOf(kernels);
    }

    /** Every kernel within budget. */
    public boolean ok() {
        return kernels.stream().allMatch(KernelReport::ok);
    }

    /** The report for the given order and format, or null. */
    public KernelReport kernel(int order, String format) {
        return kernels.stream().filter(k -> k.order() == order && k.format().equals(format)).findFirst().orElse(null);
    }
}
