package numevo.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.targets.floats.FloatTargets;
import org.junit.jupiter.api.Test;

/** The cost models a user chooses with {@code --cost}, on known kernels. */
class CostModelsTest {

  private static Program baseline(Target t, String name) {
    return t.baselines().stream()
        .filter(b -> b.name().equals(name))
        .findFirst()
        .orElseThrow()
        .program();
  }

  @Test
  void opsCountsEachLiveOpOnceAndLiteralsNothing() {
    Target exp2 = FloatTargets.exp2();
    CostModel ops = CostModels.of("ops", exp2);
    assertEquals("ops", ops.kind());
    assertEquals("ops", ops.describe());
    // Degree-5 Horner: 5 mul + 5 add without fma, 5 fma with.
    assertEquals(10.0, ops.cost(baseline(exp2, "horner5")));
    assertEquals(5.0, ops.cost(baseline(exp2, "horner5_fma")));
    Program p =
        Parser.parse(
            "kernel k float32\ninput x : f\na = sqrt x\nb = neg a\ndead = div x 3.0\n"
                + "c = fma b x 2.0\noutput c\n",
            "k");
    assertEquals(3.0, ops.cost(p));
    assertEquals(ops.ops(p), (int) ops.cost(p));
  }

  @Test
  void latencyIsTheTargetsOwnModel() {
    Target exp2 = FloatTargets.exp2();
    assertSame(exp2.costModel(), CostModels.of(null, exp2));
    assertSame(exp2.costModel(), CostModels.of("latency", exp2));
    assertSame(exp2.costModel(), CostModels.of("measured", exp2));
    assertEquals("cycles (latency)", exp2.costModel().describe());
    assertEquals(24.0, CostModels.of("latency", exp2).cost(baseline(exp2, "horner6_fma")));
    assertEquals("latency", CostModels.kind(null, exp2));
  }

  @Test
  void throughputIsPerElementOfThePackedInstruction() {
    Target exp2 = FloatTargets.exp2();
    CostModel tp = CostModels.of("throughput", exp2);
    assertEquals("cycles per element (throughput)", tp.describe());
    // vfmadd/vmul/vadd ymm: 0.5 cycles for 8 float32 lanes.
    assertEquals(6 * 0.0625, tp.cost(baseline(exp2, "horner6_fma")));
    assertEquals(10 * 0.0625, tp.cost(baseline(exp2, "horner5")));
    // vdivps ymm: 3 cycles / 8 lanes; vdivpd ymm: 5 cycles / 4 lanes.
    assertEquals(0.375, tp.costOf(numevo.dsl.program.Op.FDIV));
    CostModel tp64 = CostModels.of("throughput", FloatTargets.exp2Real());
    assertEquals(1.25, tp64.costOf(numevo.dsl.program.Op.FDIV));
    assertEquals(0.125, tp64.costOf(numevo.dsl.program.Op.FFMA));
  }

  @Test
  void anUnknownChoiceIsRefusedAndATargetsOwnKindAccepted() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CostModels.of("cycles", FloatTargets.exp2()));
    assertTrue(e.getMessage().contains("latency, ops, throughput, measured"), e.getMessage());
    Target lmul = Targets.resolve("lmul-e4m3", TargetParams.of(java.util.Map.of()));
    assertEquals("energy", lmul.costModel().kind());
    assertSame(lmul.costModel(), CostModels.of("energy", lmul));
    assertEquals("energy", CostModels.kind(null, lmul));
    assertEquals("latency", CostModels.of("latency", lmul).kind());
  }
}
