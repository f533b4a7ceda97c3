package numevo.targets.lmul;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import numevo.dsl.format.NumberFormat;
import numevo.dsl.format.Saturation;
import numevo.dsl.program.Program;
import numevo.targets.Method;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Scorer;
import org.junit.jupiter.api.Test;

/** The training subset of the 8-bit L-Mul targets ({@link TrainingPairs}). */
class TrainingSubsetTest {
  private static final LmulTarget E4M3 = LmulTarget.of(LmulConfig.of(NumberFormat.E4M3FN));

  private static ProductReference all() {
    return ProductReference.of(OperandPairs.exhaustive(NumberFormat.E4M3FN), Saturation.NONE);
  }

  @Test
  void everyCategoryKeepsItsShareAndTheSizeIsExact() {
    ProductReference all = all();
    OperandPairs sub = TrainingPairs.of(all, 8192, 7);
    assertEquals(8192, sub.size());
    assertEquals("sampled", sub.method());
    ProductReference r = ProductReference.of(sub, Saturation.NONE);
    for (ProductCategory c : ProductCategory.values()) {
      double share = (double) all.count(c) * 8192 / all.size();
      // Each of up to 64 mantissa strata rounds by at most one pair.
      assertTrue(
          Math.abs(r.count(c) - share) <= 65, c + ": " + r.count(c) + " for a share of " + share);
    }
  }

  @Test
  void theSubsetIsAFunctionOfTheSeed() {
    ProductReference all = all();
    OperandPairs a = TrainingPairs.of(all, 4096, 3);
    OperandPairs b = TrainingPairs.of(all, 4096, 3);
    OperandPairs c = TrainingPairs.of(all, 4096, 4);
    int[] x = new int[4096];
    int[] y = new int[4096];
    int[] z = new int[4096];
    int[] w = new int[4096];
    a.copy(0, 4096, x, y);
    b.copy(0, 4096, z, w);
    assertArrayEquals(x, z);
    assertArrayEquals(y, w);
    c.copy(0, 4096, z, w);
    assertTrue(!java.util.Arrays.equals(x, z) || !java.util.Arrays.equals(y, w));
  }

  @Test
  void theTrainingSplitIsTheSubsetAndValidationStaysExhaustive() {
    Program lmul = LmulBaselines.load(NumberFormat.E4M3FN, "lmul");
    Scorer train = E4M3.scorer(ScoreOptions.training(8192, 1));
    Score t = train.score(lmul);
    Score v = E4M3.scorer(ScoreOptions.of()).score(lmul);
    assertEquals(Method.SAMPLED, t.method());
    assertEquals(8192, t.points());
    assertEquals(Method.EXHAUSTIVE, v.method());
    assertEquals(65536, v.points());
    assertTrue(train.description().contains("stratified subset of 8,192 of the 65,536"));
    // The subset's loss estimates the exhaustive one.
    assertEquals(v.error(), t.error(), 0.01);
    // All pairs when the training sample asks for as many.
    assertEquals(
        Method.EXHAUSTIVE, E4M3.scorer(ScoreOptions.training(65536, 1)).score(lmul).method());
  }
}
