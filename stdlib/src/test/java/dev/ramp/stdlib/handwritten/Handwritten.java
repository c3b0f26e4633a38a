package dev.ramp.stdlib.handwritten;

import java.util.List;
import java.util.Optional;

/**
 * The handwritten kernels by stdlib name: the baseline the benchmarks compare generated code
 * against, and a second oracle for the tests. Each call returns a new instance of a function's
 * own final class, so a benchmark holding one sees a single receiver type.
 */
public final class Handwritten {
    private Handwritten() {}

    /** Every stdlib function with a handwritten kernel, in stdlib order. */
    public static final List<String> NAMES = List.of("relu", "relu6", "leaky_relu", "prelu", "rrelu", "srelu", "threshold", "heaviside", "elu", "celu", "selu", "exponential", "log1mexp", "sigmoid", "tanh", "softplus", "softplus_k", "log_sigmoid", "silu", "swish", "swish_beta", "mish", "tanhshrink", "softsign", "squareplus", "gelu", "gelu_tanh", "quick_gelu", "hardtanh", "hardsigmoid", "hardswish", "sparse_plus", "sparse_sigmoid", "softshrink", "hardshrink", "identity", "linear");

    /** The kernel for {@code name}, at the stdlib's default parameters. */
    public static Kernel kernel(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no handwritten kernel for " + name));
    }

    public static Optional<Kernel> find(String name) {
        return Optional.ofNullable(switch (name) {
            case "relu" -> new RectifierKernels.Relu();
            case "relu6" -> new RectifierKernels.Relu6();
            case "leaky_relu" -> new RectifierKernels.LeakyRelu();
            case "prelu" -> new RectifierKernels.Prelu();
            case "rrelu" -> new RectifierKernels.Rrelu();
            case "srelu" -> new RectifierKernels.Srelu();
            case "threshold" -> new RectifierKernels.Threshold();
            case "heaviside" -> new RectifierKernels.Heaviside();
            case "elu" -> new ExponentialKernels.Elu();
            case "celu" -> new ExponentialKernels.Celu();
            case "selu" -> new ExponentialKernels.Selu();
            case "exponential" -> new ExponentialKernels.Exponential();
            case "log1mexp" -> new ExponentialKernels.Log1mexp();
            case "sigmoid" -> new SigmoidalKernels.Sigmoid();
            case "tanh" -> new SigmoidalKernels.Tanh();
            case "softplus" -> new SigmoidalKernels.Softplus();
            case "softplus_k" -> new SigmoidalKernels.SoftplusK();
            case "log_sigmoid" -> new SigmoidalKernels.LogSigmoid();
            case "silu" -> new SigmoidalKernels.Silu();
            case "swish" -> new SigmoidalKernels.Swish();
            case "swish_beta" -> new SigmoidalKernels.SwishBeta();
            case "mish" -> new SigmoidalKernels.Mish();
            case "tanhshrink" -> new SigmoidalKernels.Tanhshrink();
            case "softsign" -> new SigmoidalKernels.Softsign();
            case "squareplus" -> new SigmoidalKernels.Squareplus();
            case "gelu" -> new GaussianKernels.Gelu();
            case "gelu_tanh" -> new GaussianKernels.GeluTanh();
            case "quick_gelu" -> new GaussianKernels.QuickGelu();
            case "hardtanh" -> new HardKernels.Hardtanh();
            case "hardsigmoid" -> new HardKernels.Hardsigmoid();
            case "hardswish" -> new HardKernels.Hardswish();
            case "sparse_plus" -> new HardKernels.SparsePlus();
            case "sparse_sigmoid" -> new HardKernels.SparseSigmoid();
            case "softshrink" -> new HardKernels.Softshrink();
            case "hardshrink" -> new HardKernels.Hardshrink();
            case "identity" -> new HardKernels.Identity();
            case "linear" -> new HardKernels.Linear();
            default -> null;
        });
    }
}
