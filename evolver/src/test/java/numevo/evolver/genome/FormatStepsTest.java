package numevo.evolver.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import numevo.dsl.format.NumberFormat;
import org.junit.jupiter.api.Test;

/** Stepping walks the finite values of a format in order, one value per step. */
class FormatStepsTest {

  @Test
  void float32StepsAreJavaNextUpAndNextDown() {
    float[] xs = {1f, -1f, 0f, Float.MIN_VALUE, -Float.MIN_NORMAL, 3.5e20f, 0.1f};
    for (float x : xs) {
      assertEquals(Math.nextUp(x), (float) FormatSteps.step(NumberFormat.FLOAT32, x, 1), "" + x);
      assertEquals(Math.nextDown(x), (float) FormatSteps.step(NumberFormat.FLOAT32, x, -1), "" + x);
    }
  }

  @Test
  void bothZerosAreOnePlace() {
    NumberFormat f = NumberFormat.FLOAT32;
    assertEquals(Float.MIN_VALUE, FormatSteps.step(f, -0.0, 1));
    assertEquals(-(double) Float.MIN_VALUE, FormatSteps.step(f, 0.0, -1));
  }

  @Test
  void stepsStopAtTheLargestFiniteValue() {
    for (NumberFormat f : NumberFormat.values()) {
      assertEquals(f.maxFinite(), FormatSteps.step(f, f.maxFinite(), 5), f.toString());
      assertEquals(-f.maxFinite(), FormatSteps.step(f, 0.0, Long.MIN_VALUE), f.toString());
      assertEquals(f.maxFinite(), FormatSteps.step(f, 1.0, Long.MAX_VALUE), f.toString());
    }
  }

  @Test
  void walkingAnFp8FormatVisitsEveryFiniteValueInIncreasingOrder() {
    for (NumberFormat f :
        new NumberFormat[] {
          NumberFormat.E4M3FN, NumberFormat.E5M2, NumberFormat.E4M3FNUZ, NumberFormat.E5M2FNUZ
        }) {
      double v = -f.maxFinite();
      int visited = 1;
      while (v < f.maxFinite()) {
        double next = FormatSteps.step(f, v, 1);
        assertTrue(next > v || (next == 0 && v == 0), f + " at " + v);
        assertEquals(next, f.round(next), "a value of the format");
        v = next;
        visited++;
      }
      int finiteCodes = 0;
      for (int c = 0; c < 256; c++) {
        double d = f.decode(c);
        if (Double.isFinite(d) && !(d == 0 && (Double.doubleToRawLongBits(d) < 0))) {
          finiteCodes++;
        }
      }
      assertEquals(finiteCodes, visited, f.toString());
    }
  }
}
