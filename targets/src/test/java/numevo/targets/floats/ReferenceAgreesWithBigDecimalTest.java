package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.format.NumberFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The float32 reference (float64 libm with an error bound, exact BigDecimal fallback).
 *
 * <p>Anchored to an independent oracle: a table computed with mpmath, arbitrary-precision code that
 * shares nothing with numevo ({@code reference-mpmath.txt}, made by {@code
 * scripts/reference-mpmath.py}): correctly rounded float32 results and 40-digit exact values at
 * edge, random and near-midpoint inputs. The reference must give those results, both through its
 * fast path and (with a huge error bound) through its fallback, and the fallback's BigDecimal
 * values ({@link Functions#exact}) must match the exact values.
 *
 * <p>Then, on many more points (random codes across the whole float range, the functions' edges,
 * near-midpoint points), the fast path against the BigDecimal computation rounded once: a
 * consistency check between the two paths, which the table anchors.
 */
class ReferenceAgreesWithBigDecimalTest {
  private static final NumberFormat F32 = NumberFormat.FLOAT32;
  private static final MathContext MC = new MathContext(60);

  private static List<Double> inputs(Functions f, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Double> xs = new ArrayList<>();
    for (double v :
        new double[] {
          1e-30,
          1e-8,
          0.5,
          1,
          2,
          3,
          10,
          88.72283,
          88.72284,
          -87.33654,
          -103.27893,
          -103.97208,
          0x1p-126,
          Float.MAX_VALUE,
          Math.nextDown(1f),
          Math.nextUp(1f)
        }) {
      xs.add((double) (float) v);
      xs.add((double) (float) -v);
    }
    while (xs.size() < n) {
      float x = Float.intBitsToFloat(rng.nextInt());
      if (Float.isFinite(x) && x != 0) {
        // the range where the function's float32 result is neither 0, 1 nor inf matters most
        float scaled = f == Functions.LOG2 || f == Functions.RSQRT ? x : x % 120f;
        xs.add((double) scaled);
      }
    }
    return xs;
  }

  /** The BigDecimal answer: 60 digits, rounded once; null if not finite nonzero. */
  private static Double bigDecimal(Functions f, double x) {
    if (f == Functions.LOG2 || f == Functions.RSQRT) {
      if (!(x > 0)) {
        return null;
      }
    }
    if (Math.abs(x) > 200 && f != Functions.LOG2 && f != Functions.RSQRT) {
      // far beyond float32's range of results: BigDecimal's exponent would overflow
      return x > 0 ? (f == Functions.SIGMOID ? 1.0 : Double.POSITIVE_INFINITY) : 0.0;
    }
    BigDecimal v = f.exact(x, MC);
    if (v.signum() == 0) {
      return null;
    }
    return F32.roundExact(v);
  }

  private static void check(Functions f, FunctionReference ref, List<Double> xs) {
    double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
    ReferenceColumns c = new ReferenceColumns(x.length);
    FloatReference.Evaluator ev = ref.evaluator(x.length);
    ev.compute(x, x.length, c);
    for (int i = 0; i < x.length; i++) {
      Double want = bigDecimal(f, x[i]);
      if (want == null || (f == Functions.EXP2 || f == Functions.EXP) && x[i] == Math.rint(x[i])) {
        continue;
      }
      assertEquals(want, c.correctlyRounded(i), f + " at x = " + Float.toHexString((float) x[i]));
      if (Double.isFinite(want) && Math.abs(x[i]) <= 200) {
        BigDecimal v = f.exact(x[i], MC);
        int binade = Math.max(BigMath.exponent(v), -126);
        assertEquals(Math.scalb(1.0, binade - 23), c.ulp(i), f + " ulp at " + x[i]);
      }
    }
  }

  /** One row of the mpmath table. */
  private record Row(double x, double rounded, String exact) {}

  private static List<Row> table(Functions f) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in =
        ReferenceAgreesWithBigDecimalTest.class.getResourceAsStream("reference-mpmath.txt")) {
      assertNotNull(in, "reference-mpmath.txt");
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] w = line.trim().split(" ");
        if (w[0].equals(f.name())) {
          rows.add(
              new Row(
                  Float.intBitsToFloat(Integer.parseUnsignedInt(w[1], 16)),
                  Float.intBitsToFloat(Integer.parseUnsignedInt(w[2], 16)),
                  w[3]));
        }
      }
    }
    assertTrue(rows.size() >= 25, f + ": " + rows.size() + " rows");
    return rows;
  }

  /** The reference's correctly rounded results at the rows' inputs, and how many fell back. */
  private static long checkAgainstTable(Functions f, FunctionReference ref, List<Row> rows) {
    double[] x = rows.stream().mapToDouble(Row::x).toArray();
    ReferenceColumns c = new ReferenceColumns(x.length);
    FloatReference.Evaluator ev = ref.evaluator(x.length);
    ev.compute(x, x.length, c);
    for (int i = 0; i < x.length; i++) {
      assertEquals(
          rows.get(i).rounded(),
          c.correctlyRounded(i),
          f + " at x = " + Float.toHexString((float) x[i]) + " (mpmath)");
    }
    return ev.fallbacks();
  }

  @ParameterizedTest
  @EnumSource(
      value = Functions.class,
      names = {"EXP", "EXP2", "LOG2", "RSQRT", "SIGMOID"})
  void referenceGivesMpmathsCorrectlyRoundedResults(Functions f) throws IOException {
    checkAgainstTable(f, FunctionReference.of(f, F32), table(f));
  }

  @ParameterizedTest
  @EnumSource(
      value = Functions.class,
      names = {"EXP", "EXP2", "LOG2", "RSQRT", "SIGMOID"})
  void exactFallbackGivesMpmathsCorrectlyRoundedResults(Functions f) throws IOException {
    List<Row> rows = table(f);
    long fallbacks = checkAgainstTable(f, new FunctionReference(f, F32, 0x1p40), rows);
    assertTrue(fallbacks >= rows.size() / 2, f + ": only " + fallbacks + " fallbacks");
  }

  @ParameterizedTest
  @EnumSource(
      value = Functions.class,
      names = {"EXP", "EXP2", "LOG2", "RSQRT", "SIGMOID"})
  void bigDecimalValuesAgreeWithMpmathTo38Digits(Functions f) throws IOException {
    int checked = 0;
    for (Row r : table(f)) {
      if (Math.abs(r.x()) > 200 || r.rounded() == 0 || Double.isInfinite(r.rounded())) {
        continue; // beyond BigDecimal's exponent range, or no finite nonzero value to compare
      }
      BigDecimal want = new BigDecimal(r.exact());
      BigDecimal got = f.exact(r.x(), MC);
      BigDecimal tolerance = want.abs().movePointLeft(38);
      assertTrue(
          got.subtract(want).abs().compareTo(tolerance) <= 0,
          f + " at x = " + Float.toHexString((float) r.x()) + ": " + got + " vs mpmath " + want);
      checked++;
    }
    assertTrue(checked >= 20, f + ": only " + checked + " values compared");
  }

  @ParameterizedTest
  @EnumSource(
      value = Functions.class,
      names = {"EXP", "EXP2", "LOG2", "RSQRT", "SIGMOID"})
  void referenceEqualsBigDecimalRoundedOnce(Functions f) {
    check(f, FunctionReference.of(f, F32), inputs(f, 1500, 42));
  }

  @ParameterizedTest
  @EnumSource(
      value = Functions.class,
      names = {"EXP", "EXP2", "LOG2", "RSQRT", "SIGMOID"})
  void exactFallbackTriggersAndAgrees(Functions f) {
    // An error bound 2^40 times too wide leaves most points undecided by the fast path.
    FunctionReference wide = new FunctionReference(f, F32, 0x1p40);
    List<Double> xs = inputs(f, 400, 7);
    check(f, wide, xs);
    double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
    FloatReference.Evaluator ev = wide.evaluator(x.length);
    ev.compute(x, x.length, new ReferenceColumns(x.length));
    assertTrue(ev.fallbacks() > x.length / 10, f + ": only " + ev.fallbacks() + " fallbacks");
  }

  @ParameterizedTest
  @EnumSource(
      value = Functions.class,
      names = {"EXP", "EXP2", "LOG2", "RSQRT", "SIGMOID"})
  void hardCasesNearMidpointsAreDecidedExactly(Functions f) {
    // Points whose float64 approximation lies within 2^-5 ULP of a float32 midpoint (for
    // results near 1; closer for larger ones): found by
    // scanning with a wide bound, then checked against the 60-digit value.
    FunctionReference wide = new FunctionReference(f, F32, 0x1p20);
    SplittableRandom rng = new SplittableRandom(3);
    List<Double> hard = new ArrayList<>();
    Approx a = new Approx();
    Rounder r = new Rounder(F32);
    for (int k = 0; k < 400_000 && hard.size() < 20; k++) {
      double x = inputs(f, 33, rng.nextLong()).get(32);
      f.approx(x, a);
      if (!a.exact() && Double.isFinite(a.hi()) && !r.decide(a.hi(), a.lo(), a.err() * 0x1p20)) {
        hard.add(x);
      }
    }
    assertTrue(hard.size() >= 3, f + ": found only " + hard.size() + " hard points");
    check(f, FunctionReference.of(f, F32), hard);
    check(f, wide, hard);
  }
}
