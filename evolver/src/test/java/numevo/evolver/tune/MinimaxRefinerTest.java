package numevo.evolver.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MinimaxRefinerTest {

  /** Residuals of the line a + b x against x^2 at n points of [0, 1], and their derivatives. */
  private static double[][] lineVsSquare(int n, double a, double b, double[] r) {
    double[][] jac = new double[2][n];
    for (int j = 0; j < n; j++) {
      double x = j / (n - 1.0);
      r[j] = a + b * x - x * x;
      jac[0][j] = 1;
      jac[1][j] = x;
    }
    return jac;
  }

  @Test
  void aStepOnALinearModelReachesTheMinimaxFit() {
    // The best line to x^2 on [0, 1] in the max norm is x - 1/8, with error 1/8 at 0, 1/2 and 1.
    double[] r = new double[101];
    double[][] jac = lineVsSquare(101, 0, 0, r);
    double[] delta = MinimaxRefiner.step(jac, r);
    assertEquals(-0.125, delta[0], 2e-3);
    assertEquals(1.0, delta[1], 2e-3);
    double max = 0;
    for (int j = 0; j < r.length; j++) {
      max = Math.max(max, Math.abs(r[j] + jac[0][j] * delta[0] + jac[1][j] * delta[1]));
    }
    assertEquals(0.125, max, 1e-3);
  }

  @Test
  void aConstantWithoutInfluenceIsLeftAlone() {
    double[] r = new double[51];
    double[][] line = lineVsSquare(51, 0, 0, r);
    double[][] jac = {line[0], new double[51], line[1]};
    double[] delta = MinimaxRefiner.step(jac, r);
    assertEquals(0.0, delta[1]);
    assertEquals(1.0, delta[2], 2e-3);
  }

  @Test
  void noStepIsProposedAtTheOptimum() {
    double[] r = new double[101];
    double[][] jac = lineVsSquare(101, -0.125, 1, r);
    assertNull(MinimaxRefiner.step(jac, r));
  }

  @Test
  void onAThousandPointsTheWorkingSetFindsTheMinimaxFit() {
    // 1,024 points: the fit runs on a working set of them and is checked on all.
    double[] r = new double[1024];
    double[][] jac = lineVsSquare(1024, 0, 0, r);
    double[] delta = MinimaxRefiner.step(jac, r);
    double max = 0;
    for (int j = 0; j < r.length; j++) {
      max = Math.max(max, Math.abs(r[j] + jac[0][j] * delta[0] + jac[1][j] * delta[1]));
    }
    assertEquals(0.125, max, 1e-3);
    assertEquals(1.0, delta[1], 2e-3);
  }

  @Test
  void aSinglePeakIsBalancedAgainstTheOtherThousandPoints() {
    // Residuals 0 except 1 at one point, and a constant term: least squares would barely move
    // (-1/1024); the minimax constant settles halfway between the peak and the rest.
    int n = 1024;
    double[] r = new double[n];
    double[][] jac = new double[1][n];
    java.util.Arrays.fill(jac[0], 1);
    r[777] = 1;
    double[] delta = MinimaxRefiner.step(jac, r);
    assertEquals(-0.5, delta[0], 1e-3);
  }
}
