package numevo.dsl.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

/**
 * {@code bits} gives the raw code ({@link SimdGenerator#rawBits}) exactly where no output depends
 * on its value in NaN lanes, and kernels of both kinds agree bit for bit with the interpreter on
 * NaN inputs with payloads and signs, once C2 has compiled the loop.
 */
class RawBitsWhereNoOutputSeesNaNTest {

  /** The scale of a Cody-Waite reduction: absorbed by the multiply with a NaN polynomial. */
  private static final String ABSORBED =
      """
      kernel absorbed float32
      input x : f
      t = fma x 1.5 12582912.0
      n = sub t 12582912.0
      r = fma n -0.5 x
      p = fma r r 1.0
      b = bits t
      s = shl b 23
      sc = frombits s
      y = mul p sc
      output y
      """;

  /** Each of these lets the code reach an output: raw is not allowed. */
  private static final String SEEN =
      """
      kernel seen float32
      input x : f
      input z : f
      b1 = bits x
      o1 = add b1 1
      b2 = bits x
      f2 = frombits b2
      o2 = mul f2 z
      b3 = bits x
      f3 = frombits b3
      q3 = add x 1.0
      c3 = lt z 0.0
      s3 = select c3 q3 f3
      o3 = mul s3 2.0
      b4 = bits x
      f4 = frombits b4
      o4 = max x 1.0
      c4 = lt f4 0.0
      o5 = select c4 o4 z
      output o1
      output o2
      output o3
      output o5
      """;

  @Test
  void rawOnlyWhereEveryDependentValueIsAbsorbedByANaN() {
    Program a = Parser.parse(ABSORBED, "absorbed");
    boolean[] want = new boolean[a.valueCount()];
    want[1 + 4] = true; // b
    assertArrayEquals(want, SimdGenerator.rawBits(a, SimdGenerator.liveness(a)));
    Program s = Parser.parse(SEEN, "seen");
    assertArrayEquals(
        new boolean[s.valueCount()], SimdGenerator.rawBits(s, SimdGenerator.liveness(s)));
  }

  @Test
  void bothKindsAgreeWithTheInterpreterOnNaNsWhenHot() {
    SplittableRandom rnd = new SplittableRandom(1207);
    List<Double> fs = EveryOpOnSpecialValuesTest.floats();
    for (String text : List.of(ABSORBED, SEEN)) {
      Program p = Parser.parse(text, "k");
      List<Object[]> points = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        Object[] point = new Object[p.inputs().size()];
        for (int q = 0; q < point.length; q++) {
          point[q] = i % 3 == 0 ? (double) Inputs.f(rnd) : fs.get(rnd.nextInt(fs.size()));
        }
        points.add(point);
      }
      EveryOpOnSpecialValuesTest.checkHot(p, points);
    }
  }
}
