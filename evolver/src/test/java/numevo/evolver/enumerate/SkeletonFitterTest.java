package numevo.evolver.enumerate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SkeletonFitterTest {
  private static final int C = Skeleton.CONST;

  /** 2^x at 513 points of [0, 1], endpoints included, relative error. */
  private static SkeletonFitter exp2Fitter(SkeletonFitter.FitConfig config) {
    int m = 513;
    double[][] xs = new double[1][m];
    double[] exact = new double[m];
    double[] scale = new double[m];
    for (int p = 0; p < m; p++) {
      double x = p / (m - 1.0);
      xs[0][p] = x;
      exact[p] = Math.pow(2, x);
      scale[p] = 1 / exact[p];
    }
    return new SkeletonFitter(xs, exact, scale, 6, 12, config);
  }

  @Test
  void theLineReachesTheMinimaxRelativeErrorOfADegreeOnePolynomial() {
    // x * c0 + c1: the minimax line to 2^x on [0, 1] in relative error, 2.982e-2 (the shipped
    // exp2-real horner1 baseline measures 2.98212e-2 on a million points).
    Skeleton line =
        Skeleton.of(1, new BinOp[] {BinOp.MUL, BinOp.ADD}, new int[] {0, 1}, new int[] {C, C});
    SkeletonFitter.Fit fit = exp2Fitter(SkeletonFitter.FitConfig.DEFAULT).fit(line, 1);
    // Lawson's iteration stops within 0.3% of it.
    assertTrue(fit.error() >= 2.981e-2 && fit.error() < 2.99e-2, "line: " + fit.error());
  }

  @Test
  void threeOpsMakeTheGeneralDegreeOneRational() {
    // c2 + c1 / (x + c0) is every (1,1) rational: about 8.68e-4, below AutoNumerics-Zero's
    // 3-op 1.2266e-3.
    Skeleton rat =
        Skeleton.of(
            1,
            new BinOp[] {BinOp.ADD, BinOp.DIV, BinOp.ADD},
            new int[] {0, C, 2},
            new int[] {C, 1, C});
    SkeletonFitter.Fit fit = exp2Fitter(SkeletonFitter.FitConfig.DEFAULT).fit(rat, 1);
    assertTrue(fit.error() > 8.5e-4 && fit.error() < 8.75e-4, "rational: " + fit.error());
  }

  @Test
  void aFitIsAFunctionOfItsSeed() {
    Skeleton rat =
        Skeleton.of(
            1,
            new BinOp[] {BinOp.ADD, BinOp.DIV, BinOp.ADD},
            new int[] {0, C, 2},
            new int[] {C, 1, C});
    SkeletonFitter f = exp2Fitter(new SkeletonFitter.FitConfig(32, 4, 20, 1, 5));
    SkeletonFitter.Fit a = f.fit(rat, 7);
    f.fit(rat, 8);
    SkeletonFitter.Fit b = f.fit(rat, 7);
    assertArrayEquals(a.constants(), b.constants());
  }
}
