package numevo.targets.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import numevo.targets.Baselines;
import org.junit.jupiter.api.Test;

/** The shipped polynomial baselines are exactly what the coefficient tool computes. */
class MinimaxFitReproducesBaselinesTest {
  @Test
  void shippedPolynomialKernelsAreTheToolsOutput() {
    for (String[] f : MinimaxFit.files()) {
      assertEquals(f[1], Baselines.read(Baselines.ROOT + f[0]), f[0]);
    }
  }
}
