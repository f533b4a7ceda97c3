package numevo.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * bfloat16 encoding from float32 agrees with the usual bit-level conversion: add {@code 0x7fff}
 * plus the lowest kept bit to the float32 bits and keep the top 16 (round to nearest, ties to even,
 * with the carry running into the exponent and on to Inf). A NaN becomes the quiet NaN 0x7fc0 with
 * its sign.
 */
class Bfloat16MatchesBitLevelRoundingTest {
  private static final NumberFormat BF16 = NumberFormat.BFLOAT16;

  static int bitLevel(float f) {
    int bits = Float.floatToRawIntBits(f);
    if (Float.isNaN(f)) {
      return ((bits >>> 16) & 0x8000) | 0x7fc0;
    }
    int lowestKept = (bits >>> 16) & 1;
    return (bits + 0x7fff + lowestKept) >>> 16;
  }

  /** Every 89th float32 bit pattern: about 48 million values of every kind. */
  @Test
  void agreesOnEvery89thFloat32() {
    long mismatches = 0;
    float first = 0;
    for (long bits = 5; bits <= 0xFFFF_FFFFL; bits += 89) {
      float f = Float.intBitsToFloat((int) bits);
      if (BF16.encode(f) != bitLevel(f)) {
        if (mismatches++ == 0) {
          first = f;
        }
      }
    }
    assertEquals(0, mismatches, "first mismatch: " + describe(first));
  }

  @Test
  void agreesAtEveryMidpointAndOneFloatUlpEitherSide() {
    for (BigDecimal m : new NearestCodeOracle(FormatSpec.BFLOAT16).midpoints()) {
      float mid = m.floatValue();
      for (float f : new float[] {mid, Math.nextUp(mid), Math.nextDown(mid)}) {
        assertEquals(bitLevel(f), BF16.encode(f), () -> describe(f));
        assertEquals(bitLevel(-f), BF16.encode(-f), () -> describe(-f));
      }
    }
  }

  @Test
  void agreesOnSpecialsAndExtremes() {
    float[] cases = {
      0f,
      Float.MIN_VALUE,
      Float.MIN_NORMAL,
      Float.MAX_VALUE, // rounds up to Inf
      0x1.fep127f,
      0x1.fdp127f, // tie between the two largest finite values: rounds down to the even 0x1.fcp127
      0x1.ffp127f, // overflow threshold: Inf
      Math.nextDown(0x1.ffp127f),
      Float.POSITIVE_INFINITY,
      Float.NaN,
      Float.intBitsToFloat(0x7f80_0001),
      Float.intBitsToFloat(0x7fbf_ffff),
    };
    for (float f : cases) {
      assertEquals(bitLevel(f), BF16.encode(f), () -> describe(f));
      assertEquals(bitLevel(-f), BF16.encode(-f), () -> describe(-f));
    }
    assertEquals(0x7f80, BF16.encode(0x1.ffp127f));
    assertEquals(0x7f7f, BF16.encode(Math.nextDown(0x1.ffp127f)));
  }

  private static String describe(float f) {
    return String.format(
        "float %s (0x%08x): encode 0x%04x, bit-level 0x%04x",
        Float.toHexString(f), Float.floatToRawIntBits(f), BF16.encode(f), bitLevel(f));
  }
}
