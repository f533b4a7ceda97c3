package numevo.targets.lmul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import numevo.dsl.format.NumberFormat;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

class LmulScorerShapeTest {

  private static final LmulScorer E4M3 = LmulScorer.of(LmulConfig.of(NumberFormat.E4M3FN));

  @Test
  void theShippedTargetsAreFoundByName() {
    assertEquals(NumberFormat.BFLOAT16, LmulConfig.byName("LMUL-BF16").orElseThrow().format());
    assertEquals("lmul-e5m2", LmulConfig.of(NumberFormat.E5M2).name());
    assertTrue(LmulConfig.byName("lmul-f32").isEmpty());
  }

  @Test
  void aKernelWithTheWrongInputsOutputsOrFormatIsRejectedWithOneLine() {
    var floatInput = Parser.parse("kernel k e4m3fn\ninput a : f\ninput b : i32\noutput b\n", "k");
    var twoOutputs =
        Parser.parse("kernel k e4m3fn\ninput a : i32\ninput b : i32\noutput a\noutput b\n", "k");
    var otherFormat = Parser.parse("kernel k e5m2\ninput a : i32\ninput b : i32\noutput a\n", "k");
    for (var k : new numevo.dsl.program.Program[] {floatInput, twoOutputs, otherFormat}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> E4M3.score(k));
      assertTrue(e.getMessage().startsWith("lmul-e4m3: "), e.getMessage());
      assertTrue(!e.getMessage().contains("\n"));
    }
  }

  @Test
  void deadCodeDoesNotCount() {
    var k =
        Parser.parse(
            "kernel k e4m3fn\ninput a : i32\ninput b : i32\nd = mul a b\nr = add a b\noutput r\n",
            "k");
    KernelCost c = KernelCost.of(k, LmulCosts.horowitz45nm(NumberFormat.E4M3FN));
    assertEquals(1, c.ops());
    assertTrue(c.inPrimitiveSet());
    assertEquals(0.1, c.energyPj(), 1e-12);
  }
}
