package dev.ramp.stdlib.handwritten;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ramp.stdlib.KinkDerivativesTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The handwritten derivatives at every kink are exactly PyTorch's, from the same table as ramp's. */
class HandwrittenKinksTest {
    @TestFactory
    Stream<DynamicTest> pyTorchValuesExactly() {
        return KinkDerivativesTest.KINKS.stream().filter(k -> k.wrt() == null)
                .map(k -> DynamicTest.dynamicTest(k.toString(),
                        () -> assertEquals(k.expected(), Handwritten.kernel(k.function()).df(k.x()), 0.0, k::toString)));
    }
}
