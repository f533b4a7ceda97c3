package numevo.hashing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ProbeSetTest {
  private static final FloatFormat F32 = FloatFormat.FLOAT32;

  /** A float32-like format with no infinities and no negative zero, like the FP8 "fnuz" ones. */
  static final FloatFormat NO_INF_NO_NEG_ZERO =
      FloatFormat.of(
          "f32-fnuz-like",
          x -> {
            float f = (float) x;
            if (Float.isInfinite(f)) {
              return Double.NaN;
            }
            return f == 0 ? 0.0 : f;
          },
          v -> Float.floatToIntBits((float) v) & 0xffff_ffffL,
          Float.MIN_VALUE,
          Float.MIN_NORMAL,
          Float.MAX_VALUE);

  private static Set<Long> bits(double[] column) {
    Set<Long> s = new HashSet<>();
    for (double v : column) {
      s.add(Double.doubleToLongBits(v));
    }
    return s;
  }

  private static boolean has(double[] column, double v) {
    return bits(column).contains(Double.doubleToLongBits(v));
  }

  @Test
  void theWholeFloat32LineHasEverySpecialValue() {
    ProbeSet p = ProbeSet.of(Signature.unary(FloatDomain.all(F32)), ProbeConfig.DEFAULT);
    double[] x = p.floats(0);
    double prevMaxF = Math.nextDown(Float.MAX_VALUE);
    for (double v :
        new double[] {
          0.0,
          -0.0,
          1.0,
          -1.0,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          Float.MIN_VALUE,
          -Float.MIN_VALUE,
          Float.MIN_NORMAL,
          -Float.MIN_NORMAL,
          Float.MIN_NORMAL - Float.MIN_VALUE,
          Float.MAX_VALUE,
          -Float.MAX_VALUE,
          prevMaxF,
          -prevMaxF,
          Math.nextUp(1.0f),
          Math.nextDown(1.0f)
        }) {
      assertTrue(has(x, v), "missing special " + v);
    }
    assertEquals(128, x.length);
    assertTrue(p.specialCount() <= 64);
    for (double v : x) {
      assertTrue(Double.isNaN(v) || (float) v == v, "not a float32 value: " + v);
    }
  }

  @Test
  void aBoundedDomainGetsOnlyItsOwnSpecialValues() {
    FloatDomain unit = FloatDomain.of(F32, 0.0, 1.0);
    double[] x = ProbeSet.of(Signature.unary(unit), ProbeConfig.DEFAULT).floats(0);
    assertTrue(has(x, 0.0));
    assertTrue(has(x, 1.0));
    assertTrue(has(x, Float.MIN_VALUE));
    assertTrue(has(x, Float.MIN_NORMAL));
    assertFalse(has(x, -0.0), "-0 is below +0 in the domain's order");
    for (double v : x) {
      assertTrue(unit.contains(v), "outside [0, 1]: " + v);
    }
  }

  @Test
  void unrepresentableDomainEndsSnapInward() {
    FloatDomain d = FloatDomain.of(F32, 0.1, 0.3);
    double[] x = ProbeSet.of(Signature.unary(d), ProbeConfig.DEFAULT).floats(0);
    float low = (float) 0.1 < 0.1 ? Math.nextUp((float) 0.1) : (float) 0.1;
    float high = (float) 0.3 > 0.3 ? Math.nextDown((float) 0.3) : (float) 0.3;
    assertTrue(has(x, low));
    assertTrue(has(x, high));
    for (double v : x) {
      assertTrue(v >= 0.1 && v <= 0.3 && (float) v == v, "bad probe " + v);
    }
  }

  @Test
  void aFormatWithoutInfinityOrNegativeZeroGetsNeither() {
    FloatDomain d = FloatDomain.all(NO_INF_NO_NEG_ZERO);
    double[] x = ProbeSet.of(Signature.unary(d), ProbeConfig.DEFAULT).floats(0);
    assertFalse(has(x, -0.0));
    assertFalse(has(x, Double.POSITIVE_INFINITY));
    assertFalse(has(x, Double.NEGATIVE_INFINITY));
    assertTrue(has(x, Double.NaN));
    assertTrue(has(x, 0.0));
    assertTrue(has(x, Float.MAX_VALUE));
  }

  @Test
  void everyInputGetsItsSpecialsWithTheOthersRandom() {
    Signature sig =
        Signature.of(
            List.of(FloatDomain.all(F32), I32Domain.ALL, IntDomain.RESIDUES),
            List.of(Codomain.of(F32)));
    ProbeSet p = ProbeSet.of(sig, ProbeConfig.DEFAULT);
    double[] f = p.floats(0);
    int[] i = p.i32s(1);
    long[] z = p.ints(2);
    assertTrue(has(f, -0.0) && has(f, Double.NaN) && has(f, Double.NEGATIVE_INFINITY));
    Set<Integer> is = new HashSet<>();
    for (int v : i) {
      is.add(v);
    }
    assertTrue(is.containsAll(List.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE)));
    Set<Long> zs = new HashSet<>();
    for (long v : z) {
      zs.add(v);
      assertTrue(v >= 0 && v < ModP.P, "not a residue: " + v);
    }
    assertTrue(zs.containsAll(List.of(0L, 1L, ModP.P - 1)));
    // The probe that sets the float input to -0 leaves the other inputs random, not special.
    int negZero = -1;
    for (int k = 0; k < f.length; k++) {
      if (Double.doubleToRawLongBits(f[k]) == Long.MIN_VALUE) {
        negZero = k;
      }
    }
    assertTrue(z[negZero] > 2 && z[negZero] < ModP.P - 2, "other input not random");
  }

  @Test
  void specialValuesTakeAtMostHalfTheProbes() {
    Signature sig = Signature.unary(FloatDomain.all(F32));
    ProbeSet four = ProbeSet.of(sig, ProbeConfig.of(4, 1));
    assertEquals(2, four.specialCount());
    double[] x = four.floats(0);
    // The most telling specials come first: +0 then -0.
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(x[0]));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(x[1]));
    assertEquals(0, ProbeSet.of(sig, ProbeConfig.of(1, 1)).specialCount());
  }

  @Test
  void probesAreDeterministicAndTheSeedMovesOnlyTheRandomOnes() {
    Signature sig = Signature.unary(FloatDomain.all(F32));
    ProbeSet a = ProbeSet.of(sig, ProbeConfig.of(64, 7));
    ProbeSet b = ProbeSet.of(sig, ProbeConfig.of(64, 7));
    ProbeSet c = ProbeSet.of(sig, ProbeConfig.of(64, 8));
    assertArrayEquals(bitsOf(a.floats(0)), bitsOf(b.floats(0)));
    int s = a.specialCount();
    assertArrayEquals(Arrays.copyOf(bitsOf(a.floats(0)), s), Arrays.copyOf(bitsOf(c.floats(0)), s));
    assertFalse(
        Arrays.equals(
            Arrays.copyOfRange(bitsOf(a.floats(0)), s, 64),
            Arrays.copyOfRange(bitsOf(c.floats(0)), s, 64)));
  }

  @Test
  void probeColumnsAreCopies() {
    ProbeSet p = ProbeSet.of(Signature.unary(FloatDomain.all(F32)), ProbeConfig.DEFAULT);
    p.floats(0)[0] = 42;
    assertEquals(0.0, p.floats(0)[0]);
  }

  @Test
  void randomProbesSpreadOverMagnitudes() {
    ProbeSet p = ProbeSet.of(Signature.unary(FloatDomain.finite(F32)), ProbeConfig.of(1024, 3));
    double[] x = p.floats(0);
    int tiny = 0;
    int huge = 0;
    int negative = 0;
    for (int k = p.specialCount(); k < x.length; k++) {
      double a = Math.abs(x[k]);
      tiny += a < 1e-10 ? 1 : 0;
      huge += a > 1e10 ? 1 : 0;
      negative += x[k] < 0 ? 1 : 0;
    }
    int random = x.length - p.specialCount();
    assertTrue(tiny > random / 10, "too few tiny magnitudes: " + tiny);
    assertTrue(huge > random / 10, "too few huge magnitudes: " + huge);
    assertTrue(negative > random / 3 && negative < 2 * random / 3, "sign skewed: " + negative);
  }

  @Test
  void i32DomainsKeepTheirBounds() {
    I32Domain d = I32Domain.of(5, 10);
    int[] x =
        ProbeSet.of(Signature.of(List.of(d), List.of(Codomain.I32)), ProbeConfig.DEFAULT).i32s(0);
    Set<Integer> seen = new HashSet<>();
    for (int v : x) {
      assertTrue(d.contains(v), "outside [5, 10]: " + v);
      seen.add(v);
    }
    assertEquals(Set.of(5, 6, 7, 8, 9, 10), seen);
  }

  @Test
  void aDomainOfOnlyNonFiniteValuesDrawsFromThem() {
    FloatDomain d = new FloatDomain(F32, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, true);
    double[] x = ProbeSet.of(Signature.unary(d), ProbeConfig.of(16, 1)).floats(0);
    for (double v : x) {
      assertTrue(Double.isNaN(v) || v == Double.POSITIVE_INFINITY, "bad probe " + v);
    }
  }

  @Test
  void domainsWithoutValuesAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> FloatDomain.of(F32, 0.1000000001, 0.1000000002));
    assertThrows(IllegalArgumentException.class, () -> FloatDomain.of(F32, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> FloatDomain.of(F32, Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> I32Domain.of(2, 1));
    assertThrows(IllegalArgumentException.class, () -> ProbeConfig.of(0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FloatDomain.of(NO_INF_NO_NEG_ZERO, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
  }

  @Property(tries = 200, seed = "1300")
  void everyProbeLiesInItsDomain(
      @ForAll float a,
      @ForAll float b,
      @ForAll boolean nan,
      @ForAll @IntRange(min = 1, max = 300) int count,
      @ForAll long seed) {
    if (Float.isNaN(a) || Float.isNaN(b)) {
      return;
    }
    FloatDomain d = new FloatDomain(F32, Math.min(a, b), Math.max(a, b), nan);
    double[] x = ProbeSet.of(Signature.unary(d), ProbeConfig.of(count, seed)).floats(0);
    assertEquals(count, x.length);
    for (double v : x) {
      assertTrue(d.contains(v), () -> v + " outside " + d);
    }
  }

  private static long[] bitsOf(double[] x) {
    long[] b = new long[x.length];
    for (int k = 0; k < x.length; k++) {
      b[k] = Double.doubleToRawLongBits(x[k]);
    }
    return b;
  }
}
