package numevo.evolver.enumerate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.targets.CostModels;
import org.junit.jupiter.api.Test;

class CompositionTest {
  private static final int C = Skeleton.CONST;

  /** x + c0 / x. */
  private static final Skeleton INNER =
      Skeleton.of(1, new BinOp[] {BinOp.DIV, BinOp.ADD}, new int[] {C, 0}, new int[] {0, 1});

  /** c3 + c2 / (x + c0 / x + c1). */
  private static final Skeleton CORE =
      Skeleton.of(
          1,
          new BinOp[] {BinOp.DIV, BinOp.ADD, BinOp.ADD, BinOp.DIV, BinOp.ADD},
          new int[] {C, 0, 2, C, 4},
          new int[] {0, 1, C, 3, C});

  /** c2 + c1 / (x + c0). */
  private static final Skeleton RATIONAL =
      Skeleton.of(
          1,
          new BinOp[] {BinOp.ADD, BinOp.DIV, BinOp.ADD},
          new int[] {0, C, 2},
          new int[] {C, 1, C});

  private static double core(double[] c, double s) {
    return c[3] + c[2] / (s + c[0] / s + c[1]);
  }

  @Test
  void theComposedSkeletonComputesTheCoreOfTheInnerMapSquaredKTimes() {
    Skeleton s = Composition.compose(INNER, CORE, 3);
    assertEquals(2 + 5 + 3, s.size());
    assertEquals(1 + 4, s.constants());
    double[] c = {-0.3, 2.5, -1.25, 0.75, 1.5};
    double[] x = {0.125, 0.5, 0.9, 1.0, 3.0};
    double[] out = new double[x.length];
    Composition.evaluate(s, c, x, out, new double[s.size()]);
    for (int p = 0; p < x.length; p++) {
      double in = x[p] + c[0] / x[p];
      double v = core(new double[] {c[1], c[2], c[3], c[4]}, in);
      v = v * v;
      v = v * v;
      v = v * v;
      assertEquals(v, out[p], 0.0, "x = " + x[p]);
    }
  }

  @Test
  void withoutAnInnerMapTheCoreReadsTheInput() {
    Skeleton s = Composition.compose(null, RATIONAL, 1);
    double[] c = {0.5, 2.0, 3.0};
    double[] out = new double[1];
    Composition.evaluate(s, c, new double[] {0.25}, out, new double[s.size()]);
    double v = 3.0 + 2.0 / (0.25 + 0.5);
    assertEquals(v * v, out[0], 0.0);
  }

  @Test
  void theOpsCostOfAComposedKernelIsItsOpCount() {
    for (int k = 0; k <= 4; k++) {
      Skeleton s = Composition.compose(INNER, CORE, k);
      Program p =
          s.toProgram(
              "k",
              NumberFormat.FLOAT64,
              List.of(Input.of("x", Type.F)),
              new double[] {-1, 2, 3, 4, 5});
      assertEquals(2 + 5 + k, CostModels.ops().cost(p), 0.0, "k = " + k);
    }
  }

  /**
   * Points of (0, 1] and the exact values of a known composed kernel there: the composition must
   * find a kernel of the same op count matching it to rounding.
   */
  @Test
  void recoversAKnownComposedFunction() {
    double[] known = {3000.0, 15000.0, -250.0, 500.0, 1.0};
    int m = 400;
    double[] x = new double[m];
    double[] exact = new double[m];
    double[] scale = new double[m];
    Skeleton whole = Composition.compose(INNER, CORE, 3);
    for (int p = 0; p < m; p++) {
      x[p] = (p + 1.0) / m;
    }
    Composition.evaluate(whole, known, x, exact, new double[whole.size()]);
    for (int p = 0; p < m; p++) {
      scale[p] = 1 / exact[p];
    }
    Composition.Config config =
        new Composition.Config(
            10,
            2,
            3,
            4,
            2,
            4,
            48,
            new SkeletonFitter.FitConfig(48, 4, 40, 1, 10),
            6,
            40,
            1,
            Long.MAX_VALUE,
            2);
    Composition.Result r =
        Composition.run(
            x, exact, scale, List.of(CORE, RATIONAL), EnumSet.allOf(BinOp.class), config);
    Composition.Composed best = r.kernels().get(0);
    assertEquals(10, best.skeleton().size());
    assertTrue(best.error() < 1e-13, "relative error " + best.error() + " " + best.skeleton());
    assertEquals(r.gridTotal(), r.gridPoints());
  }

  @Test
  void theResultDoesNotDependOnTheThreadCount() {
    int m = 200;
    double[] x = new double[m];
    double[] exact = new double[m];
    double[] scale = new double[m];
    for (int p = 0; p < m; p++) {
      x[p] = (p + 1.0) / m;
      exact[p] = Math.pow(2, x[p]);
      scale[p] = 1 / exact[p];
    }
    Composition.Result[] rs = new Composition.Result[2];
    for (int t = 1; t <= 2; t++) {
      Composition.Config config =
          new Composition.Config(
              5,
              1,
              2,
              2,
              -1,
              1,
              32,
              new SkeletonFitter.FitConfig(16, 2, 10, 1, 4),
              4,
              2,
              7,
              Long.MAX_VALUE,
              t);
      rs[t - 1] =
          Composition.run(x, exact, scale, List.of(RATIONAL), EnumSet.allOf(BinOp.class), config);
    }
    assertEquals(rs[0].kernels().size(), rs[1].kernels().size());
    for (int i = 0; i < rs[0].kernels().size(); i++) {
      assertEquals(rs[0].kernels().get(i).skeleton(), rs[1].kernels().get(i).skeleton());
      assertArrayEquals(rs[0].kernels().get(i).constants(), rs[1].kernels().get(i).constants());
    }
  }
}
