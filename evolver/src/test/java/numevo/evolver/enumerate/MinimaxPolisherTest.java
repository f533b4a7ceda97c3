package numevo.evolver.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinimaxPolisherTest {
  private static final int C = Skeleton.CONST;

  /** c2 + c1 / (x + c0). */
  private static final Skeleton RATIONAL =
      Skeleton.of(
          1,
          new BinOp[] {BinOp.ADD, BinOp.DIV, BinOp.ADD},
          new int[] {0, C, 2},
          new int[] {C, 1, C});

  @Test
  void recoversTheCoefficientsOfAKnownRationalFunction() {
    double[] known = {0.75, 2.5, 1.25};
    int m = 300;
    double[] x = new double[m];
    double[] exact = new double[m];
    double[] scale = new double[m];
    for (int p = 0; p < m; p++) {
      x[p] = (p + 1.0) / m;
    }
    Composition.evaluate(RATIONAL, known, x, exact, new double[3]);
    for (int p = 0; p < m; p++) {
      scale[p] = 1 / Math.abs(exact[p]);
    }
    SkeletonFitter.Fit f =
        new MinimaxPolisher(x, exact, scale).polish(RATIONAL, new double[] {1.0, 2.0, 1.0}, 10);
    assertTrue(f.error() < 1e-15, "error " + f.error());
    for (int i = 0; i < 3; i++) {
      assertEquals(known[i], f.constants()[i], 1e-13 * Math.abs(known[i]), "c" + i);
    }
  }

  @Test
  void neverReturnsWorseThanItsStart() {
    int m = 100;
    double[] x = new double[m];
    double[] exact = new double[m];
    double[] scale = new double[m];
    for (int p = 0; p < m; p++) {
      x[p] = (p + 1.0) / m;
      exact[p] = Math.pow(2, x[p]);
      scale[p] = 1 / exact[p];
    }
    MinimaxPolisher pol = new MinimaxPolisher(x, exact, scale);
    SkeletonFitter.Fit a = pol.polish(RATIONAL, new double[] {-3.0, -20.0, -5.0}, 1);
    SkeletonFitter.Fit b = pol.polish(RATIONAL, a.constants(), 30);
    assertTrue(b.error() <= a.error(), b.error() + " > " + a.error());
    // The minimax (1,1) rational to 2^x on (0, 1]: about 8.68e-4.
    assertTrue(b.error() < 8.8e-4, "error " + b.error());
  }
}
