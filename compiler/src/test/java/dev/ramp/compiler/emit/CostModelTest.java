package dev.ramp.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost model's counts and the report {@code ramp show --cost} prints. */
class CostModelTest {

    @Test
    void mishScalarFormCallsTanhSoftplusAndSigmoidOnceEachAfterSharing() {
        Plan plan = new Plan(VectorKernelsTest.spec("mish"), Emitter.Tuning.DEFAULT, Emitter.Options.DEFAULT);
        CostModel.Cost fused = CostModel.of(List.of(plan.value, plan.derivatives.getFirst()));
        assertEquals(1, fused.operations().get("tanh"));
        assertEquals(1, fused.operations().get("softplus"));
        assertEquals(1, fused.operations().get("sigmoid"));
    }

    @Test
    void mishLaneFormIsOneExpAndTwoDivisions() {
        Plan plan = new Plan(VectorKernelsTest.spec("mish"), Emitter.Tuning.DEFAULT, Emitter.Options.DEFAULT);
        CostModel.Cost lanes = CostModel.of(LaneForms.expand(List.of(plan.value, plan.derivatives.getFirst()), LaneType.FLOAT, LaneForms.newDag()));
        assertEquals(1, lanes.operations().get("exp"));
        assertEquals(2, lanes.operations().get("div"));
        assertNull(lanes.operations().get("tanh"));
        CostModel.Cost scalar = CostModel.of(List.of(plan.value, plan.derivatives.getFirst()));
        assertTrue(lanes.laneNs() < scalar.scalarNs() / 10, lanes + " vs " + scalar);
    }

    @Test
    void theReportCoversFDerivativeAndFused() {
        String report = Emitter.costReport(VectorKernelsTest.spec("gelu_tanh"));
        System.out.println(report);
        assertTrue(report.startsWith("f\n"), report);
        assertTrue(report.contains("\nf'\n") && report.contains("\nf, f' fused\n"), report);
        assertTrue(report.contains("tanh 1"), report);        // scalar form: one tanh, shared by f and f'
        assertTrue(report.contains("lane form:   ") && !report.split("lane form:   ")[3].contains("tanh"), report);
    }
}
