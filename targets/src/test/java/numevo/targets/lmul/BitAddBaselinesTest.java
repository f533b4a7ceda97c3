package numevo.targets.lmul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import numevo.dsl.format.NumberFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mitchell and L-Mul on their analysed domain, the core pairs. */
class BitAddBaselinesTest {

  @ParameterizedTest
  @ValueSource(strings = {"lmul-e4m3", "lmul-e5m2", "lmul-bf16"})
  void mitchellNeverOverestimatesAndBottomsOutAtMinusOneNinthOnCorePairs(String target) {
    LmulConfig config = LmulConfig.byName(target).orElseThrow();
    LmulScore s = LmulScorer.of(config).score(LmulBaselines.load(config.format(), "mitchell"));
    // xm = ym = 1/2 is on every grid here: (1 + 1/2 + 1/2) / (3/2)^2 - 1 = -1/9 exactly.
    assertEquals(-1.0 / 9, s.vsRealCore().minSigned(), 1e-15);
    assertEquals(0.0, s.vsRealCore().maxSigned());
    assertEquals(0, s.vsRealCore().excluded());
    assertTrue(s.vsRealCore().count() > 1000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lmul-e4m3", "lmul-e5m2", "lmul-bf16"})
  void lmulAndMitchellKeepToThePrimitiveSetAndHandleEverySpecialOperand(String target) {
    LmulConfig config = LmulConfig.byName(target).orElseThrow();
    LmulScorer scorer = LmulScorer.of(config);
    for (String name : new String[] {"lmul", "mitchell"}) {
      LmulScore s = scorer.score(LmulBaselines.load(config.format(), name));
      assertTrue(s.cost().inPrimitiveSet(), name);
      assertEquals(0.1 * s.cost().ops(), s.cost().energyPj(), 1e-9, name);
      for (ProductCategory c :
          new ProductCategory[] {
            ProductCategory.NAN_OPERAND,
            ProductCategory.INF_OPERAND,
            ProductCategory.ZERO_OPERAND,
            ProductCategory.UNDERFLOW
          }) {
        assertEquals(0, s.outcome(c).mismatching(), name + " " + c);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lmul-e4m3", "lmul-e5m2", "lmul-bf16"})
  void lmulAddsItsOffsetOnCorePairs(String target) {
    LmulConfig config = LmulConfig.byName(target).orElseThrow();
    LmulScore s = LmulScorer.of(config).score(LmulBaselines.load(config.format(), "lmul"));
    int m = config.format().mantissaBits();
    // 1 x 1 gives 1 + 2^-l(m): the largest overestimate.
    double off = Math.scalb(1.0, -UniformOperandStudy.offsetExponent(m));
    assertEquals(off, s.vsRealCore().maxSigned(), 1e-15);
    assertTrue(s.vsRealCore().meanSigned() > 0);
  }

  /**
   * A scorer scores all 65,536 code pairs every time and is reusable: scoring again gives the same
   * score. (How fast it is, is measured by the {@code lmulScore} JMH benchmark, {@code ./numevo jmh
   * HashBenchmark}, not asserted here.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"e4m3fn", "e5m2"})
  void aScorerScoresEveryPairAndScoresAgainAlike(String format) {
    LmulScorer scorer = LmulScorer.of(LmulConfig.of(NumberFormat.byName(format).orElseThrow()));
    var kernel = LmulBaselines.load(scorer.reference().pairs().format(), "lmul");
    LmulScore first = scorer.score(kernel);
    assertEquals("exhaustive", first.method());
    assertEquals(1 << 16, first.points());
    for (int i = 0; i < 2; i++) {
      assertEquals(first, scorer.score(kernel));
    }
  }
}
