package numevo.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * float16 encoding from float32 agrees with the JDK's {@link Float#floatToFloat16} (IEEE
 * round-to-nearest-even). For NaN the JDK keeps payload bits that NumberFormat replaces by the
 * quiet NaN, so there the two must agree on being NaN and on the sign, and give the same code for
 * the canonical {@code Float.NaN}.
 */
class Float16MatchesJdkTest {
  private static final NumberFormat F16 = NumberFormat.FLOAT16;

  /** Every float16 midpoint, one float ulp either side of it, and every float16 value. */
  @Test
  void agreesAtEveryMidpointAndOneFloatUlpEitherSide() {
    NearestCodeOracle oracle = new NearestCodeOracle(FormatSpec.FLOAT16);
    List<Float> cases = new ArrayList<>();
    for (BigDecimal m : oracle.midpoints()) {
      float mid = m.floatValue();
      assertEquals(0, m.compareTo(new BigDecimal(mid)), "float16 midpoints are floats");
      cases.add(mid);
      cases.add(Math.nextUp(mid));
      cases.add(Math.nextDown(mid));
    }
    for (int code = 0; code < 0x7c00; code++) {
      cases.add((float) F16.decode(code));
    }
    for (float f : cases) {
      assertAgrees(f);
      assertAgrees(-f);
    }
  }

  @Test
  void agreesOnOverflowSubnormalAndSpecialBoundaries() {
    float[] cases = {
      65504f, // largest finite
      65520f, // overflow threshold: the tie rounds to even, which is 2^16: Inf
      Math.nextDown(65520f),
      Math.nextUp(65520f),
      65536f,
      Float.MAX_VALUE,
      0x1p-14f, // smallest normal
      Math.nextDown(0x1p-14f),
      0x1.ff8p-15f, // midway between the largest subnormal and the smallest normal
      0x1p-24f, // smallest subnormal
      0x1p-25f, // half of it: the tie rounds to even, which is zero
      Math.nextUp(0x1p-25f),
      Math.nextDown(0x1p-25f),
      0x1.8p-24f, // tie between subnormals 1 and 2: rounds to 2
      0x1.4p-23f, // tie between subnormals 2 and 3: rounds to 2
      Float.MIN_VALUE,
      Float.MIN_NORMAL,
      Math.nextDown(Float.MIN_NORMAL),
      0.0f,
      Float.POSITIVE_INFINITY,
      Float.NaN,
      Float.intBitsToFloat(0x7f80_0001), // signalling NaN, smallest payload
      Float.intBitsToFloat(0x7fff_ffff),
      Float.intBitsToFloat(0x7fc0_2000),
    };
    for (float f : cases) {
      assertAgrees(f);
      assertAgrees(-f);
    }
    assertEquals(0x7e00, F16.encode(Float.NaN));
    assertEquals(0x7c00, F16.encode(65520f));
    assertEquals(0x7bff, F16.encode(Math.nextDown(65520f)));
    assertEquals(0x8000, F16.encode(-0x1p-25f));
  }

  /** Every 97th float32 bit pattern: about 44 million values of every kind. */
  @Test
  void agreesOnEvery97thFloat32() {
    long mismatches = 0;
    String first = null;
    for (long bits = 0; bits <= 0xFFFF_FFFFL; bits += 97) {
      float f = Float.intBitsToFloat((int) bits);
      if (!agrees(f)) {
        mismatches++;
        if (first == null) {
          first = describe(f);
        }
      }
    }
    assertEquals(0, mismatches, "first mismatch: " + first);
  }

  private static void assertAgrees(float f) {
    assertTrue(agrees(f), () -> describe(f));
  }

  private static boolean agrees(float f) {
    long ours = F16.encode(f);
    int jdk = Float.floatToFloat16(f) & 0xFFFF;
    if (Float.isNaN(f)) {
      boolean jdkNaN = (jdk & 0x7c00) == 0x7c00 && (jdk & 0x3ff) != 0;
      return jdkNaN && ours == (0x7e00 | (jdk & 0x8000));
    }
    return ours == jdk;
  }

  private static String describe(float f) {
    return String.format(
        "float %s (0x%08x): encode 0x%04x, Float.floatToFloat16 0x%04x",
        Float.toHexString(f),
        Float.floatToRawIntBits(f),
        F16.encode(f),
        Float.floatToFloat16(f) & 0xFFFF);
  }
}
