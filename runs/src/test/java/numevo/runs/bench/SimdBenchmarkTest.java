package numevo.runs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The loops {@link SimdBenchmark} times compute the same function bit for bit on its inputs: the
 * SIMD kernel, the scalar compiled kernel and the hand-written Java loop of each pair, so the
 * benchmark compares equal work.
 */
class SimdBenchmarkTest {

  private static void same(String what, float[] expected, float[] actual, int n) {
    for (int i = 0; i < n; i++) {
      assertEquals(
          Float.floatToRawIntBits(expected[i]),
          Float.floatToRawIntBits(actual[i]),
          what + " at " + i + ": " + expected[i] + " vs " + actual[i]);
    }
  }

  @Test
  void simdScalarAndHandWrittenLoopsAgreeBitForBit() {
    SimdBenchmark b = new SimdBenchmark();
    b.size = 1024;
    b.setup();
    float[] simd = b.polySimd().clone();
    same("poly scalar", simd, b.polyScalar(), b.size);
    same("poly hand", simd, b.polyHand(), b.size);
    simd = b.expSimd().clone();
    same("exp scalar", simd, b.expScalar(), b.size);
    same("exp hand", simd, b.expHand(), b.size);
    double[] columnar = b.expColumnar().f(0);
    float[] narrowed = new float[b.size];
    for (int i = 0; i < b.size; i++) {
      narrowed[i] = (float) columnar[i];
    }
    same("exp columnar", simd, narrowed, b.size);
  }
}
