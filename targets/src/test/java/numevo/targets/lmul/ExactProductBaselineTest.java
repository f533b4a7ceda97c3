package numevo.targets.lmul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import numevo.dsl.program.Op;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactProductBaselineTest {

  @ParameterizedTest
  @ValueSource(strings = {"lmul-e4m3", "lmul-e5m2", "lmul-bf16"})
  void theExactProductIsBitExactWithZeroErrorAgainstTheRoundedProduct(String target) {
    LmulConfig config = LmulConfig.byName(target).orElseThrow();
    LmulScorer scorer = LmulScorer.of(config);
    LmulScore s = scorer.score(LmulBaselines.load(config.format(), "exact"));

    assertEquals(1.0, s.exactFraction());
    assertEquals(s.points(), s.exactCount());
    assertEquals(0.0, s.vsRounded().max());
    assertEquals(0, s.vsRounded().excluded());
    assertEquals(0, s.specialMismatches());
    for (CategoryOutcome o : s.special()) {
      assertEquals(o.pairs(), o.matching(), o.category().key());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lmul-e4m3", "lmul-e5m2", "lmul-bf16"})
  void theExactProductMultipliesSoItIsOutsideThePrimitiveSet(String target) {
    LmulConfig config = LmulConfig.byName(target).orElseThrow();
    KernelCost cost = KernelCost.of(LmulBaselines.load(config.format(), "exact"), config.energy());
    assertFalse(cost.inPrimitiveSet());
    assertEquals(List.of(Op.FMUL, Op.BITS, Op.FROMBITS), cost.outsidePrimitives());
    assertEquals(4, cost.ops());
  }
}
