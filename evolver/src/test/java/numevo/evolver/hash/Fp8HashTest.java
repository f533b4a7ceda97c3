package numevo.evolver.hash;

import static numevo.evolver.hash.HashFixtures.hash;
import static numevo.evolver.hash.HashFixtures.kernel;
import static numevo.evolver.hash.HashFixtures.throughEveryEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.hashing.Evaluator;
import numevo.hashing.Hash128;
import numevo.targets.lmul.LmulBaselines;
import org.junit.jupiter.api.Test;

/**
 * Functional hashing of FP8 kernels: on e4m3fn codes held in i32s (the L-Mul targets' kernels,
 * probed over the codes 0..255), and on e4m3fn values.
 */
class Fp8HashTest {
  private static final String CODES = "kernel k e4m3fn\ninput a : i32\ninput b : i32";
  private static final String VALUES = "kernel k e4m3fn\ninput a : f\ninput b : f";

  private static final Program LMUL = LmulBaselines.load(NumberFormat.E4M3FN, "lmul");

  /** The shipped L-Mul baseline, by hand in Java. */
  private static int lmul(int a, int b) {
    int sign = (a ^ b) & 128;
    int ma = a & 127;
    int mb = b & 127;
    int r = ma + mb - 55;
    if (r < 1) {
      r = 0;
    }
    if (r > 126) {
      r = 127;
    }
    if (ma == 0 || mb == 0) {
      r = 0;
    }
    if (ma == 127 || mb == 127) {
      r = 127;
    }
    return sign | r;
  }

  private static final Evaluator LMUL_LAMBDA =
      batch -> {
        int[] a = batch.i32Input(0);
        int[] b = batch.i32Input(1);
        long[] out = batch.output(0);
        for (int i = 0; i < out.length; i++) {
          out[i] = lmul(a[i], b[i]);
        }
        return true;
      };

  /** The baseline's instructions, independent ones reordered and names changed. */
  private static final String LMUL_REORDERED =
      """
      mb = and b 127
      ma = and a 127
      nb = eq mb 127
      zb = eq mb 0
      sum = add ma mb
      na = eq ma 127
      za = eq ma 0
      r = sub sum 55
      isnan = or na nb
      under = lt r 1
      zero = or za zb
      r1 = select under 0 r
      over = lt 126 r1
      s = xor a b
      r2 = select over 127 r1
      r3 = select zero 0 r2
      sign = and s 128
      r4 = select isnan 127 r3
      out = or sign r4
      output out
      """;

  @Test
  void interpretedCompiledAndLambdaGetTheSameHashOnCodes() {
    Hash128 lambda = hash(LMUL, LMUL_LAMBDA);
    for (Hash128 h : throughEveryEngine(LMUL)) {
      assertEquals(lambda, h);
    }
  }

  @Test
  void xPlusXAndTwoTimesXHashEqualOnCodes() {
    Hash128 sum = hash(kernel(CODES, "m = and a 127\ny = add m m\noutput y"));
    assertEquals(sum, hash(kernel(CODES, "m = and a 127\ny = mul m 2\noutput y")));
    assertEquals(sum, hash(kernel(CODES, "m = and a 127\ny = shl m 1\noutput y")));
  }

  @Test
  void reorderedIndependentInstructionsHashEqualToThePlainForm() {
    assertEquals(hash(LMUL), hash(kernel(CODES, LMUL_REORDERED)));
  }

  @Test
  void deadCodeHashesEqualToThePlainForm() {
    Program bloated =
        kernel(
            CODES,
            LMUL_REORDERED.replace("output out", "")
                + "d1 = mul a b\nd2 = shr d1 3\nd3 = select d2 a b\noutput out\n");
    assertEquals(hash(LMUL), hash(bloated));
  }

  @Test
  void regroupedIntegerSumsHashEqualBecauseI32AdditionIsExactModulo2To32() {
    assertEquals(
        hash(kernel(CODES, "s = add a b\ny = add s 55\noutput y")),
        hash(kernel(CODES, "s = add b 55\ny = add a s\noutput y")));
  }

  @Test
  void differentFunctionsHashDifferently() {
    // Mitchell's approximation differs from L-Mul by one code unit in the offset.
    assertNotEquals(hash(LMUL), hash(LmulBaselines.load(NumberFormat.E4M3FN, "mitchell")));
    assertNotEquals(hash(LMUL), hash(LmulBaselines.load(NumberFormat.E4M3FN, "exact")));
  }

  @Test
  void interpretedCompiledAndLambdaGetTheSameHashOnValues() {
    Program product = kernel(VALUES, "y = mul a b\noutput y");
    // A product of two e4m3fn values is exact in binary64; rounding it once is the DSL's mul.
    Hash128 lambda = hash(product, Evaluator.binary((a, b) -> NumberFormat.E4M3FN.round(a * b)));
    for (Hash128 h : throughEveryEngine(product)) {
      assertEquals(lambda, h);
    }
  }

  @Test
  void regroupedSumsHashDifferentlyInE4m3fnValues() {
    String abc = VALUES + "\ninput c : f";
    Program left = kernel(abc, "s = add a b\ny = add s c\noutput y");
    Program right = kernel(abc, "s = add b c\ny = add a s\noutput y");
    Object[] at = {16.0, -16.0, 0.5};
    assertEquals(0.5, Interpreter.of(left).eval(at)[0]);
    assertEquals(0.0, Interpreter.of(right).eval(at)[0]);
    assertNotEquals(hash(left), hash(right));
  }

  @Test
  void kernelsThatDifferOnlyAtOneNaNCodeHashDifferentlyForEverySeed() {
    // L-Mul, except that a = 0x7f (a NaN code) gives 0: the two differ on 1 in 256 values of a,
    // which 64 random pairs miss about 4 times in 5. The format's special codes are probed on
    // every hash.
    Program zeroAtNaN =
        kernel(
            CODES,
            LMUL_REORDERED.replace("output out", "q = eq a 127\nz = select q 0 out\noutput z"));
    for (long seed = 1; seed <= 20; seed++) {
      numevo.hashing.ProbeConfig probes = numevo.hashing.ProbeConfig.of(128, seed);
      assertNotEquals(
          KernelHash.of(LMUL, probes), KernelHash.of(zeroAtNaN, probes), "seed " + seed);
    }
  }

  @Test
  void theSpecialCodesOfE4m3fnAndE5m2AreProbedFirst() {
    // e4m3fn: NaN 0x7f and 0xff, zeros 0x00 and 0x80, one 0x38 and 0xb8, largest 0x7e and 0xfe.
    assertEquals(
        java.util.List.of(0x7f, 0xff, 0x00, 0x80, 0x38, 0xb8, 0x7e, 0xfe, 0x01, 0x81, 0x08, 0x88),
        HashSignatures.codeSpecials(NumberFormat.E4M3FN));
    // e5m2: NaN 0x7d..0x7f and 0xfd..0xff, infinities 0x7c and 0xfc.
    java.util.List<Integer> e5m2 = HashSignatures.codeSpecials(NumberFormat.E5M2);
    assertEquals(
        java.util.List.of(0x7d, 0xff, 0x7c, 0xfc, 0x00, 0x80, 0x3c, 0xbc), e5m2.subList(0, 8));
  }
}
