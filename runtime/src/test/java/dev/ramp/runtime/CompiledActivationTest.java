package dev.ramp.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The base class's contract, with a hand-written activation: f(x) = p x^2, kernels built lazily. */
class CompiledActivationTest {

    /** Counts kernel creations and kernel calls. */
    static final class Square extends CompiledActivation {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final double p;

        Square(double p) {
            super("square", List.of("p"), new double[] {p}, 2);
            this.p = p;
        }

        @Override public double applyAsDouble(double x) { return p * x * x; }
        @Override public double derivative(double x) { return 2 * p * x; }
        @Override protected double higherDerivative(int order, double x) {
            assertEquals(2, order);
            return 2 * p;
        }

        @Override
        protected ArrayKernels createKernels() {
            created.incrementAndGet();
            Square self = this;
            return new ArrayKernels() {
                @Override protected void forwardKernel(double[] xs, int xOff, double[] ys, int yOff, int len) {
                    calls.incrementAndGet();
                    for (int i = 0; i < len; i++) ys[yOff + i] = self.applyAsDouble(xs[xOff + i]);
                }
                @Override protected void forwardKernel(float[] xs, int xOff, float[] ys, int yOff, int len) {
                    calls.incrementAndGet();
                    for (int i = 0; i < len; i++) ys[yOff + i] = (float) self.applyAsDouble(xs[xOff + i]);
                }
                @Override protected void backwardKernel(double[] xs, int xOff, double[] g, int gOff, double[] gi, int giOff, int len) {
                    calls.incrementAndGet();
                    for (int i = 0; i < len; i++) gi[giOff + i] = g[gOff + i] * self.derivative(xs[xOff + i]);
                }
                @Override protected void backwardKernel(float[] xs, int xOff, float[] g, int gOff, float[] gi, int giOff, int len) {
                    calls.incrementAndGet();
                }
                @Override protected void forwardBackwardKernel(double[] xs, int xOff, double[] ys, int yOff, double[] g, int gOff, double[] gi, int giOff, int len) {
                    calls.incrementAndGet();
                }
                @Override protected void forwardBackwardKernel(float[] xs, int xOff, float[] ys, int yOff, float[] g, int gOff, float[] gi, int giOff, int len) {
                    calls.incrementAndGet();
                }
                @Override protected void parameterGradientKernel(double[] xs, int xOff, double[] g, int gOff, int len, double[] result) {
                    calls.incrementAndGet();
                    for (int i = 0; i < len; i++) result[0] += g[gOff + i] * xs[xOff + i] * xs[xOff + i];
                }
            };
        }
    }

    @Test
    void metadata() {
        Square s = new Square(1.5);
        assertEquals("square", s.name());
        assertEquals(List.of("p"), s.parameterNames());
        assertThrows(UnsupportedOperationException.class, () -> s.parameterNames().add("q"));
        double[] v = s.parameterValues();
        v[0] = 99;
        assertArrayEquals(new double[] {1.5}, s.parameterValues(), "a copy each time");
        assertEquals(2, s.maxOrder());
        assertEquals("square(p=1.5)", s.toString());
        assertNotEquals(s, new Square(1.5), "identity semantics");
        assertEquals(3.0, s.derivative(2, 7));
        assertEquals(3.0 * 7, s.derivative(1, 7));
        assertEquals(1.5 * 49, s.derivative(0, 7));
        assertThrows(IllegalArgumentException.class, () -> s.derivative(3, 0));
        assertThrows(IllegalArgumentException.class, () -> s.derivative(-1, 0));
        IllegalArgumentException e = CompiledActivation.orderOutOfRange(5, 2);
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("0 to 2"), e.getMessage());
    }

    @Test
    void constructorChecksItsArguments() {
        assertThrows(IllegalArgumentException.class, () -> new CompiledActivation("f", List.of("a"), new double[0], 1) {
            @Override public double applyAsDouble(double x) { return 0; }
            @Override public double derivative(double x) { return 0; }
        });
        assertThrows(IllegalArgumentException.class, () -> new CompiledActivation("f", List.of(), new double[0], 0) {
            @Override public double applyAsDouble(double x) { return 0; }
            @Override public double derivative(double x) { return 0; }
        });
    }

    @Test
    void kernelsAreCreatedOnFirstArrayCallOnly() {
        Square s = new Square(2);
        assertEquals(8.0, s.applyAsDouble(2));
        assertEquals(0, s.created.get(), "scalar use builds no kernels");
        double[] ys = new double[3];
        s.forward(new double[] {1, 2, 3}, ys);
        assertArrayEquals(new double[] {2, 8, 18}, ys);
        s.forward(new double[] {1, 2, 3}, ys);
        double[] gi = new double[3];
        s.backward(new double[] {1, 2, 3}, new double[] {1, 1, 0.5}, gi);
        assertArrayEquals(new double[] {4, 8, 6}, gi);
        assertEquals(1, s.created.get());
        assertEquals(3, s.calls.get());
        assertArrayEquals(new double[] {1 + 4 + 9}, s.parameterGradient(new double[] {1, 2, 3}, new double[] {1, 1, 1}));
    }

    @Test
    void concurrentFirstCallsCreateTheKernelsOnce() throws InterruptedException {
        Square s = new Square(1);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
                s.forward(new double[] {1}, new double[1]);
            });
            th.start();
            threads.add(th);
        }
        go.countDown();
        for (Thread th : threads) th.join();
        assertEquals(1, s.created.get());
        assertEquals(8, s.calls.get());
    }

    @Test
    void failedChecksCallNoKernel() {
        Square s = new Square(1);
        double[] ten = new double[10], nine = new double[9];
        assertThrows(IndexOutOfBoundsException.class, () -> s.forward(ten, 0, nine, 0, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> s.forward(ten, 0, ten, 0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> s.backward(ten, 0, ten, 1, ten, 0, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> s.forwardBackward(ten, 0, ten, 0, ten, 0, nine, 1, 9));
        assertThrows(IndexOutOfBoundsException.class, () -> s.parameterGradient(new float[2], 1, new float[2], 0, 2));
        assertThrows(IllegalArgumentException.class, () -> s.forward(ten, nine));
        assertThrows(IllegalArgumentException.class, () -> s.forwardBackward(ten, ten, nine, ten));
        assertThrows(IllegalArgumentException.class, () -> s.parameterGradient(ten, nine));
        assertThrows(NullPointerException.class, () -> s.forward((double[]) null, ten));
        assertEquals(0, s.calls.get());
        assertEquals(0, s.created.get());
    }

    @Test
    void noParametersMeansAnEmptyGradientWithoutAKernelCall() {
        CompiledActivation id = new CompiledActivation("id", List.of(), new double[0], 1) {
            @Override public double applyAsDouble(double x) { return x; }
            @Override public double derivative(double x) { return 1; }
        };
        assertArrayEquals(new double[0], id.parameterGradient(new double[4], new double[4]));
        // Neither kernels nor createKernels: array use says so clearly.
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> id.forward(new double[1], new double[1]));
        assertTrue(e.getMessage().contains("createKernels"), e.getMessage());
    }
}
