package numevo.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Functional hashing with Java lambdas: equal where the functions are equal, and only there. */
class HasherTest {
  private static final FloatFormat F32 = FloatFormat.FLOAT32;
  private static final Hasher ALL32 = Hasher.of(Signature.unary(FloatDomain.all(F32)));

  private static Hash128 hash(Hasher h, Evaluator e) {
    return h.hash(e).orElseThrow();
  }

  private static Hash128 unary(Hasher h, DoubleUnaryOperator f) {
    return hash(h, Evaluator.unary(f));
  }

  // --- Equal where it must be ---------------------------------------------------------------

  @Test
  void doublingByAdditionAndByMultiplicationAreOneFunction() {
    // x + x and 2 * x are both exact doublings rounded once: equal bits everywhere, Inf and NaN
    // included.
    assertEquals(unary(ALL32, x -> (float) x + (float) x), unary(ALL32, x -> 2.0f * (float) x));
  }

  @Test
  void reorderedIndependentComputationsAreOneFunction() {
    Signature sig =
        Signature.of(
            List.of(FloatDomain.all(F32), FloatDomain.all(F32)), List.of(Codomain.of(F32)));
    Hasher h = Hasher.of(sig);
    Hash128 plain =
        hash(
            h,
            Evaluator.binary(
                (a, b) -> {
                  float p = (float) a * (float) a;
                  float q = (float) b * (float) b;
                  return p - q;
                }));
    Hash128 reordered =
        hash(
            h,
            Evaluator.binary(
                (a, b) -> {
                  float q = (float) b * (float) b;
                  float p = (float) a * (float) a;
                  return p - q;
                }));
    // Commuted operands of a single rounding are the same function too.
    Hash128 commuted =
        hash(h, Evaluator.binary((a, b) -> (float) a * (float) a - (float) b * (float) b));
    assertEquals(plain, reordered);
    assertEquals(plain, commuted);
  }

  @Test
  void codesAndValuesHashTheSameFunctionEqually() {
    Hash128 viaValues = unary(ALL32, x -> (float) x * 3.0f);
    Hash128 viaCodes =
        hash(
            ALL32,
            b -> {
              double[] x = b.floatInput(0);
              long[] y = b.output(0);
              for (int i = 0; i < y.length; i++) {
                y[i] = Float.floatToIntBits((float) x[i] * 3.0f) & 0xffff_ffffL;
              }
              return true;
            });
    assertEquals(viaValues, viaCodes);
  }

  @Test
  void everyNaNBitPatternIsOneClass() {
    float[] nans = {
      Float.NaN,
      Float.intBitsToFloat(0x7fc0_0001),
      Float.intBitsToFloat(0xffc0_0000),
      Float.intBitsToFloat(0x7f80_0001),
      Float.intBitsToFloat(0xffff_ffff)
    };
    Hash128 reference = unary(ALL32, x -> x < 1 ? Float.NaN : (float) x);
    for (float nan : nans) {
      assertTrue(Float.isNaN(nan));
      assertEquals(reference, unary(ALL32, x -> x < 1 ? nan : (float) x), Float.toString(nan));
    }
    // The canonical class is not some other value's class.
    assertNotEquals(reference, unary(ALL32, x -> x < 1 ? Float.POSITIVE_INFINITY : (float) x));
  }

  @Test
  void subtractingZeroIsTheIdentityButAddingZeroIsNot() {
    Hash128 identity = unary(ALL32, x -> x);
    assertEquals(identity, unary(ALL32, x -> (float) x - 0.0f));
    // -0 + +0 is +0: x + 0 differs from x at -0 only.
    assertNotEquals(identity, unary(ALL32, x -> (float) x + 0.0f));
  }

  @Test
  void outsideTheDomainDifferencesAreInvisible() {
    // Without -0 in the domain, x + 0 is the identity: the domain is part of the question.
    Hasher positive = Hasher.of(Signature.unary(FloatDomain.of(F32, 0.0, 1.0)));
    assertEquals(unary(positive, x -> x), unary(positive, x -> (float) x + 0.0f));
  }

  @Test
  void aDifferenceAtPositiveZeroAloneIsSeen() {
    DoubleUnaryOperator f = x -> (float) x * (float) x;
    DoubleUnaryOperator g = x -> Double.doubleToRawLongBits(x) == 0L ? 1.0 : f.applyAsDouble(x);
    assertNotEquals(unary(ALL32, f), unary(ALL32, g));
    Hasher awayFromZero = Hasher.of(Signature.unary(FloatDomain.of(F32, 0.5, 4.0)));
    assertEquals(unary(awayFromZero, f), unary(awayFromZero, g));
  }

  @Test
  void aDifferenceAtNaNInputsAloneIsSeenWhenNaNIsInTheDomain() {
    // Two ReLUs: the comparison sends NaN to 0, Math.max keeps NaN. They agree at both zeros.
    DoubleUnaryOperator compare = x -> x > 0 ? (float) x : 0.0f;
    DoubleUnaryOperator max = x -> Math.max((float) x, 0.0f);
    assertNotEquals(unary(ALL32, compare), unary(ALL32, max));
    Hasher finite = Hasher.of(Signature.unary(FloatDomain.finite(F32)));
    assertEquals(unary(finite, compare), unary(finite, max));
  }

  // --- Different where it must be -----------------------------------------------------------

  @Test
  void associativityFailsInFloat32AndTheHashSeesIt() {
    Signature sig =
        Signature.of(
            List.of(
                FloatDomain.of(F32, -1000, 1000),
                FloatDomain.of(F32, -1000, 1000),
                FloatDomain.of(F32, -1000, 1000)),
            List.of(Codomain.of(F32)));
    Hasher h = Hasher.of(sig);
    Hash128 left = hash(h, ternary((a, b, c) -> (a + b) + c));
    Hash128 right = hash(h, ternary((a, b, c) -> a + (b + c)));
    assertNotEquals(left, right);

    // And the probe set really holds a point where the two differ: the hash is not lying.
    ProbeSet p = h.probes();
    double[] a = p.floats(0);
    double[] b = p.floats(1);
    double[] c = p.floats(2);
    int differing = 0;
    for (int i = 0; i < p.count(); i++) {
      float x = (float) a[i];
      float y = (float) b[i];
      float z = (float) c[i];
      if (Float.floatToIntBits((x + y) + z) != Float.floatToIntBits(x + (y + z))) {
        differing++;
      }
    }
    assertTrue(differing > 0, "no probe separates (a+b)+c from a+(b+c)");
  }

  @Test
  void theSignatureAndConfigurationAreMixedIn() {
    DoubleUnaryOperator sq = x -> (float) x * (float) x;
    Signature unit = Signature.unary(FloatDomain.of(F32, 0, 1));
    Hash128 base = unary(Hasher.of(unit), sq);
    assertNotEquals(base, unary(Hasher.of(Signature.unary(FloatDomain.of(F32, 0, 2))), sq));
    assertNotEquals(base, unary(Hasher.of(unit, ProbeConfig.DEFAULT.withSeed(1)), sq));
    assertNotEquals(base, unary(Hasher.of(unit, ProbeConfig.DEFAULT.withCount(127)), sq));
    // The same probes and outputs under another format name are another function.
    FloatFormat renamed =
        FloatFormat.of(
            "float32-copy",
            F32.round(),
            F32.encode(),
            F32.minSubnormal(),
            F32.minNormal(),
            F32.maxFinite());
    assertNotEquals(base, unary(Hasher.of(Signature.unary(FloatDomain.of(renamed, 0, 1))), sq));
  }

  @Test
  void aConstantFunctionWithNoInputsHashes() {
    Hasher h = Hasher.of(Signature.of(List.of(), List.of(Codomain.I32)));
    Hash128 seven = hash(h, b -> fill(b.output(0), 7));
    assertEquals(seven, hash(h, b -> fill(b.output(0), 7)));
    assertNotEquals(seven, hash(h, b -> fill(b.output(0), 8)));
  }

  // --- Exact integers modulo P ----------------------------------------------------------------

  /*
   * Schwartz-Zippel: if two integer polynomials differ, their difference is a non-zero polynomial
   * of degree d, which has at most d roots modulo the prime P. A uniformly random residue is a
   * root with probability at most d / P (about 2^-60 for small d), so one random probe separates
   * them almost surely and the ~64 random probes here make a miss impossible in practice. Equal
   * polynomials agree at every residue, so their hashes are equal with certainty.
   */

  @Test
  void equalIntegerPolynomialsHashEqual() {
    Hasher h = Hasher.of(Signature.integer());
    Hash128 product = hash(h, Evaluator.integer(n -> ModP.mul(n, ModP.add(n, 1))));
    Hash128 expanded = hash(h, Evaluator.integer(n -> ModP.add(ModP.mul(n, n), n)));
    assertEquals(product, expanded);
  }

  @Test
  void differentIntegerPolynomialsHashDifferently() {
    Hasher h = Hasher.of(Signature.integer());
    Hash128 square = hash(h, Evaluator.integer(n -> ModP.mul(n, n)));
    Hash128 squarePlusOne = hash(h, Evaluator.integer(n -> ModP.add(ModP.mul(n, n), 1)));
    assertNotEquals(square, squarePlusOne);
  }

  @Test
  void integerOutputsAreReducedModuloP() {
    Hasher h = Hasher.of(Signature.integer());
    // Exact small values written as plain longs, negative ones included, are their residues.
    Hash128 residues = hash(h, Evaluator.integer(n -> ModP.sub(0, n)));
    Hash128 negated = hash(h, Evaluator.integer(n -> -n));
    assertEquals(residues, negated);
  }

  @Test
  void anInvalidCandidateGetsNoHash() {
    Hasher h = Hasher.of(Signature.integer());
    assertEquals(Optional.empty(), h.hash(b -> false));
  }

  // --- The batch contract ---------------------------------------------------------------------

  @Test
  void inputsOverwrittenByOneEvaluationAreFreshInTheNext() {
    Hash128 identity = unary(ALL32, x -> x);
    Hash128 doubled =
        hash(
            ALL32,
            b -> {
              double[] x = b.floatInput(0);
              for (int i = 0; i < x.length; i++) {
                x[i] = (float) x[i] * 2.0f;
              }
              System.arraycopy(x, 0, b.floatOutput(0), 0, x.length);
              return true;
            });
    assertEquals(unary(ALL32, x -> (float) x * 2.0f), doubled);
    assertEquals(identity, unary(ALL32, x -> x));
  }

  @Test
  void outputsStartZeroedEveryEvaluation() {
    Hasher h = Hasher.of(Signature.of(List.of(), List.of(Codomain.I32)));
    Hash128 zeros = hash(h, b -> fill(b.output(0), 0));
    hash(h, b -> fill(b.output(0), 5));
    assertEquals(zeros, hash(h, b -> b.output(0) != null));
  }

  @Test
  void misuseOfTheBatchIsAnError() {
    assertThrows(IllegalStateException.class, () -> ALL32.hash(b -> true));
    assertThrows(
        IllegalStateException.class,
        () ->
            ALL32.hash(
                b -> {
                  b.output(0);
                  b.floatOutput(0);
                  return true;
                }));
    assertThrows(IllegalArgumentException.class, () -> ALL32.hash(b -> b.i32Input(0) != null));
    Hasher ints = Hasher.of(Signature.integer());
    assertThrows(IllegalArgumentException.class, () -> ints.hash(b -> b.floatOutput(0) != null));
  }

  @Test
  void hashingInsideAnEvaluationDoesNotDisturbIt() {
    Hash128 square = unary(ALL32, x -> (float) x * (float) x);
    Hash128 nested =
        hash(
            ALL32,
            b -> {
              double[] x = b.floatInput(0);
              double[] y = b.floatOutput(0);
              assertEquals(square, unary(ALL32, v -> (float) v * (float) v));
              for (int i = 0; i < y.length; i++) {
                y[i] = (float) x[i] * (float) x[i];
              }
              return true;
            });
    assertEquals(square, nested);
  }

  @Test
  void hashersAreKeptAndThreadSafe() throws Exception {
    Signature sig = Signature.unary(FloatDomain.all(F32));
    assertSame(Hasher.of(sig), Hasher.of(Signature.unary(FloatDomain.all(F32))));
    Hash128 expected = unary(ALL32, x -> (float) Math.sqrt((float) x));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Hash128>> results = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        results.add(pool.submit(() -> unary(ALL32, x -> (float) Math.sqrt((float) x))));
      }
      for (Future<Hash128> r : results) {
        assertEquals(expected, r.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  // --- Helpers --------------------------------------------------------------------------------

  private interface FloatTernary {
    float apply(float a, float b, float c);
  }

  private static Evaluator ternary(FloatTernary f) {
    return b -> {
      double[] x = b.floatInput(0);
      double[] y = b.floatInput(1);
      double[] z = b.floatInput(2);
      double[] out = b.floatOutput(0);
      for (int i = 0; i < out.length; i++) {
        out[i] = f.apply((float) x[i], (float) y[i], (float) z[i]);
      }
      return true;
    };
  }

  private static boolean fill(long[] column, long value) {
    java.util.Arrays.fill(column, value);
    return true;
  }
}
