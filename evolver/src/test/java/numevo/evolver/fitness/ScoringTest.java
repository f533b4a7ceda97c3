package numevo.evolver.fitness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.targets.CostModel;
import org.junit.jupiter.api.Test;

class ScoringTest {
  private static Program parse(String body) {
    return Parser.parse("kernel k float32\ninput x : f\n" + body, "k");
  }

  @Test
  void anExactKernelHasNoErrorAndAnOffByOneUlpKernelOneUlp() {
    SampledScorer s =
        SampledScorer.uniform(
            NumberFormat.FLOAT32, 1, 2, 1000, x -> (float) x * (float) x, ErrorMetric.MAX_ULP);
    assertEquals(0, s.error(parse("y = mul x x\noutput y\n")));
    // x*x in [1, 4): adding one ulp of 1 (2^-23) moves results below 2 by one ulp, above by half.
    double e = s.error(parse("y = fma x x 0x1p-23\noutput y\n"));
    assertEquals(1.0, e, 1e-12);
  }

  @Test
  void nonFiniteResultsAreInfinitelyWrong() {
    SampledScorer s =
        SampledScorer.uniform(NumberFormat.FLOAT32, 0, 1, 64, x -> x, ErrorMetric.MAX_ABS);
    assertEquals(Double.POSITIVE_INFINITY, s.error(parse("y = div 1.0 x\noutput y\n")));
  }

  @Test
  void meanUlpAveragesOverPoints() {
    SampledScorer s =
        SampledScorer.uniform(NumberFormat.FLOAT32, 1, 2, 512, x -> x, ErrorMetric.MEAN_ULP);
    double e = s.error(parse("y = add x 0x1p-22\noutput y\n"));
    assertEquals(2.0, e, 1e-12);
    assertTrue(s.points() == 512);
  }

  @Test
  void costCountsLiveOpsOnly() {
    Program p = parse("a = mul x x\ndead = add x 1.0\nb = add a 1.0\noutput b\n");
    assertEquals(2, CostModel.UNIT.cost(p));
    CostModel weighted =
        new CostModel(
            "w", "w", "ops", "test", java.util.Map.of(numevo.dsl.program.Op.FMUL, 3.0), 1.0);
    assertEquals(4, weighted.cost(p));
  }
}
