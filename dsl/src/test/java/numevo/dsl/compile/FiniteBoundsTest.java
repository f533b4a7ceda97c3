package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

/**
 * {@link FiniteBounds} proves finite what must be (itof results and what add, mul, min, select...
 * make of them and of finite literals) and nothing that may overflow or be NaN; the compiler then
 * emits {@code bits} of a proven value as the raw code, with the same results as the interpreter at
 * the extremes.
 */
class FiniteBoundsTest {
  private static final String KERNEL =
      """
      kernel b float32
      input a : i32
      input c : i32
      x = itof a
      y = itof c
      s = add x y
      p = mul s 0.5
      m = max p -3.5
      q = mul x y
      q2 = mul q q
      q4 = mul q2 q2
      d = div x y
      t = frombits a
      u = add t 1.0
      r1 = bits m
      r2 = bits q4
      r3 = bits d
      r4 = bits u
      o1 = xor r1 r2
      o2 = xor r3 r4
      o = add o1 o2
      output o
      """;

  @Test
  void boundsFollowTheOps() {
    Program p = Parser.parse(KERNEL, "<bounds>");
    double[] b = FiniteBounds.of(p);
    int x = 2;
    assertTrue(b[x] >= 0x1p31 && b[x] < 0x1.0001p31, "itof: " + b[x]);
    assertTrue(Double.isFinite(b[x + 2]), "itof + itof");
    assertTrue(Double.isFinite(b[x + 4]), "max of a finite value and a literal");
    assertTrue(Double.isFinite(b[x + 5]), "itof * itof: 2^62");
    assertTrue(Double.isNaN(b[x + 7]), "(2^62)^4 may overflow: unknown");
    assertTrue(Double.isNaN(b[x + 8]), "div: 0/0 is NaN");
    assertTrue(Double.isNaN(b[x + 9]), "frombits: any code");
    assertTrue(Double.isNaN(b[x + 10]), "from an unknown value");
    assertTrue(Double.isNaN(b[0]), "inputs");
  }

  @Test
  void rawBitsOnlyForProvenValuesAndTheSameResults() {
    Program p = Parser.parse(KERNEL, "<bounds>");
    String classText = new String(KernelCompiler.classBytes(p), StandardCharsets.ISO_8859_1);
    assertTrue(classText.contains("floatToRawIntBits"), "bits of a proven value: raw code");
    assertTrue(classText.contains("\u0000\u0004bits"), "bits of the others: Arith.bits");
    assertFalse(classText.contains("floatToIntBits"));
    int[] ints = {
      Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, 0x7fc00000, 0x7f800001, 0xff800000
    };
    List<Object[]> points = new ArrayList<>();
    for (int a : ints) {
      for (int c : ints) {
        points.add(new Object[] {a, c});
      }
    }
    Agreement.checkBatch(KernelCompiler.compile(p), points);
    assertEquals(ints.length * ints.length, points.size());
  }
}
