package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomProgramConfig;
import numevo.dsl.random.RandomPrograms;
import numevo.dsl.text.Parser;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Scorer;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import org.junit.jupiter.api.Test;

/**
 * {@link Scorer#residuals}: where they exist, their largest magnitude is the score's objective (max
 * ULP or max relative error), and their sign is that of kernel minus exact value.
 */
class ResidualsMatchTheScoreTest {

  private static void assertMaxIsTheObjective(String target, NumberFormat format, long seed) {
    Scorer s = Targets.resolve(target, TargetParams.none()).scorer(ScoreOptions.training(512, 3));
    RandomPrograms gen =
        RandomPrograms.of(
            RandomProgramConfig.of(format)
                .withInputs(Type.F)
                .withSize(1, 8)
                .withOps(List.of(Op.FADD, Op.FMUL, Op.FFMA, Op.FSUB)));
    SplittableRandom rng = new SplittableRandom(seed);
    double[] r = new double[s.points()];
    int filled = 0;
    List<Program> tried = new ArrayList<>();
    while (tried.size() < 300) {
      Program p = gen.next(rng);
      if (!p.outputTypes().equals(List.of(Type.F))) {
        continue;
      }
      tried.add(p);
      Score score = s.score(p);
      if (s.residuals(p, r)) {
        filled++;
        double max = 0;
        for (double v : r) {
          max = Math.max(max, Math.abs(v));
        }
        assertEquals(score.error(), max, 1e-12 * max, p.toString());
      } else {
        assertFalse(score.error() < Double.POSITIVE_INFINITY, "finite error but no residuals");
      }
    }
    assertTrue(filled > 100, "only " + filled + " programs had residuals");
  }

  @Test
  void theLargestUlpResidualIsTheMaxUlpOfExp2() {
    assertMaxIsTheObjective("exp2", NumberFormat.FLOAT32, 11);
    Scorer s = Targets.resolve("exp2", TargetParams.none()).scorer(ScoreOptions.training(64, 1));
    assertEquals(1.0, s.residualResolution());
  }

  @Test
  void theLargestRelativeResidualIsTheMaxRelErrOfExp2Real() {
    assertMaxIsTheObjective("exp2-real", NumberFormat.FLOAT64, 12);
    Scorer s =
        Targets.resolve("exp2-real", TargetParams.none()).scorer(ScoreOptions.training(64, 1));
    assertEquals(0x1p-53, s.residualResolution());
  }

  @Test
  void residualsAreKernelMinusExact() {
    Scorer s = Targets.resolve("exp2", TargetParams.none()).scorer(ScoreOptions.training(64, 1));
    // 2^x is convex and meets 1 + x at 0 and 1: the line lies above it, so every residual is
    // positive but for the rounding of 1 + x (at most half an ULP).
    Program p = Parser.parse("kernel k float32\ninput x : f\ny = add x 1.0\noutput y\n", "k");
    double[] r = new double[s.points()];
    assertTrue(s.residuals(p, r));
    double large = 0;
    for (double v : r) {
      assertTrue(v >= -0.5, "residual " + v);
      large = Math.max(large, v);
    }
    assertTrue(large > 1e5, "largest " + large);
  }
}
