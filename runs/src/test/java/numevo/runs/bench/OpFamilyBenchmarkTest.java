package numevo.runs.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Each hand-written loop of {@link OpFamilyBenchmark} computes, bit for bit, what the compiled
 * kernel it is timed against computes on the benchmark's inputs (array and per-point methods), so
 * the benchmark compares equal work.
 */
class OpFamilyBenchmarkTest {
  private static final int N = OpFamilyBenchmark.N;

  private static OpFamilyBenchmark bench() {
    OpFamilyBenchmark b = new OpFamilyBenchmark();
    b.setup();
    return b;
  }

  private static void sameFloats(String what, float[] expected, float[] actual) {
    for (int i = 0; i < N; i++) {
      assertEquals(
          Float.floatToRawIntBits(expected[i]),
          Float.floatToRawIntBits(actual[i]),
          what + " at " + i + ": " + expected[i] + " vs " + actual[i]);
    }
  }

  private static void sameInts(String what, int[] expected, int[] actual) {
    for (int i = 0; i < N; i++) {
      assertEquals(expected[i], actual[i], what + " at " + i);
    }
  }

  /** Compiled doubles against hand-written floats: the same value, bit for bit once widened. */
  private static void sameValues(String what, double[] expected, float[] actual) {
    for (int i = 0; i < N; i++) {
      assertEquals(
          Double.doubleToRawLongBits(expected[i]),
          Double.doubleToRawLongBits(actual[i]),
          what + " at " + i + ": " + expected[i] + " vs " + actual[i]);
    }
  }

  private static void sameDoubles(String what, double[] expected, double[] actual) {
    for (int i = 0; i < N; i++) {
      assertEquals(
          Double.doubleToRawLongBits(expected[i]),
          Double.doubleToRawLongBits(actual[i]),
          what + " at " + i);
    }
  }

  @Test
  void float32FamiliesAgreeBitForBit() {
    OpFamilyBenchmark b = bench();
    float[] hand = new float[N];
    int[] handI = new int[N];

    OpFamilyBenchmark.handArith(b.xs, b.ys, hand);
    sameFloats("arith batch", b.arith_batch().clone(), hand);
    sameFloats("arith call", b.arith_call().clone(), hand);

    OpFamilyBenchmark.handRint(b.ys, hand);
    sameFloats("rint batch", b.rint_batch().clone(), hand);
    sameFloats("rint call", b.rint_call().clone(), hand);

    OpFamilyBenchmark.handToi(b.ca, b.cb, handI);
    sameInts("toi batch", b.toi_batch().clone(), handI);
    sameInts("toi call", b.toi_call().clone(), handI);
    sameInts("toi alt", b.toi_handAlt().clone(), handI);

    OpFamilyBenchmark.handItof(b.ia, b.ib, handI);
    sameInts("itof batch", b.itof_batch().clone(), handI);
    sameInts("itof call", b.itof_call().clone(), handI);
    sameInts("itof alt", b.itof_handAlt().clone(), handI);

    OpFamilyBenchmark.handBits(b.xs, hand);
    sameFloats("bits batch", b.bits_batch().clone(), hand);
    sameFloats("bits call", b.bits_call().clone(), hand);
    sameFloats("bits alt", b.bits_handAlt().clone(), hand);

    OpFamilyBenchmark.handMinmax(b.xs, b.ys, hand);
    sameFloats("minmax batch", b.minmax_batch().clone(), hand);
    sameFloats("minmax call", b.minmax_call().clone(), hand);

    OpFamilyBenchmark.handSelect(b.xs, b.ys, hand);
    sameFloats("select batch", b.select_batch().clone(), hand);
    sameFloats("select call", b.select_call().clone(), hand);

    OpFamilyBenchmark.handCmp(b.ca, b.cb, handI);
    sameInts("cmp batch", b.cmp_batch().clone(), handI);
    sameInts("cmp call", b.cmp_call().clone(), handI);

    OpFamilyBenchmark.handShift(b.sa, b.sb, handI);
    sameInts("shift batch", b.shift_batch().clone(), handI);
    sameInts("shift call", b.shift_call().clone(), handI);
  }

  @Test
  void narrowFamiliesAgreeBitForBit() {
    OpFamilyBenchmark b = bench();
    float[] hand = new float[N];

    double[] bf16 = b.bf16_batch().clone();
    sameDoubles("bf16 call", bf16, b.bf16_call().clone());
    sameValues("bf16 batchF", bf16, b.bf16_batchF().clone());
    sameValues("bf16 callF", bf16, b.bf16_callF().clone());
    OpFamilyBenchmark.handBf16(b.bf16Xf, b.bf16Yf, hand);
    sameValues("bf16 exported helper", bf16, hand);
    OpFamilyBenchmark.handFastBf16(b.bf16Xf, b.bf16Yf, hand);
    sameValues("bf16 on float bits", bf16, hand);

    double[] f16 = b.f16_batch().clone();
    sameDoubles("f16 call", f16, b.f16_call().clone());
    sameValues("f16 batchF", f16, b.f16_batchF().clone());
    sameValues("f16 callF", f16, b.f16_callF().clone());
    OpFamilyBenchmark.handF16(b.f16Xf, b.f16Yf, hand);
    sameValues("f16 exported helper", f16, hand);
    OpFamilyBenchmark.handFastF16(b.f16Xf, b.f16Yf, hand);
    sameValues("f16 JDK conversions", f16, hand);

    double[] e4m3 = b.e4m3_batch().clone();
    sameDoubles("e4m3 call", e4m3, b.e4m3_call().clone());
    sameValues("e4m3 batchF", e4m3, b.e4m3_batchF().clone());
    sameValues("e4m3 callF", e4m3, b.e4m3_callF().clone());
    OpFamilyBenchmark.handE4m3(b.e4m3Xf, b.e4m3Yf, hand);
    sameValues("e4m3 exported helper", e4m3, hand);
    OpFamilyBenchmark.handFastE4m3(b.e4m3Xf, b.e4m3Yf, hand);
    sameValues("e4m3 Rounding", e4m3, hand);

    double[] e5m2 = b.e5m2_batch().clone();
    sameDoubles("e5m2 call", e5m2, b.e5m2_call().clone());
    sameValues("e5m2 batchF", e5m2, b.e5m2_batchF().clone());
    sameValues("e5m2 callF", e5m2, b.e5m2_callF().clone());
    OpFamilyBenchmark.handE5m2(b.e5m2Xf, b.e5m2Yf, hand);
    sameValues("e5m2 exported helper", e5m2, hand);
    OpFamilyBenchmark.handFastE5m2(b.e5m2Xf, b.e5m2Yf, hand);
    sameValues("e5m2 Rounding", e5m2, hand);
  }

  /**
   * The alternative loops are the same functions on special inputs too, not just on the bench's.
   */
  @Test
  void alternativeLoopsAgreeOnSpecials() {
    float[] sp = {
      Float.NaN,
      Float.intBitsToFloat(0xffc00001),
      Float.intBitsToFloat(0x7f800001),
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      0f,
      -0f,
      0.5f,
      1.5f,
      2.5f,
      -2.5f,
      0x1.fffffep23f,
      0x1p31f,
      -0x1p31f,
      0x1p40f,
      -0x1.fffffep127f,
      Float.MIN_VALUE
    };
    int n = sp.length;
    int[] codes = new int[n];
    int[] zero = new int[n];
    for (int i = 0; i < n; i++) {
      codes[i] = Float.floatToRawIntBits(sp[i]);
    }
    int[] a = new int[n];
    int[] b = new int[n];
    OpFamilyBenchmark.handToi(codes, zero, a);
    OpFamilyBenchmark.handAltToi(codes, zero, b);
    assertArrayEquals(a, b);
    float[] fa = new float[n];
    float[] fb = new float[n];
    OpFamilyBenchmark.handBits(sp, fa);
    OpFamilyBenchmark.handAltBits(sp, fb);
    for (int i = 0; i < n; i++) {
      assertEquals(Float.floatToRawIntBits(fa[i]), Float.floatToRawIntBits(fb[i]), "bits " + i);
    }
    int[] ints = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1, 16777217, -16777217};
    int[] ia = new int[ints.length * ints.length];
    int[] ib = new int[ia.length];
    for (int i = 0; i < ia.length; i++) {
      ia[i] = ints[i / ints.length];
      ib[i] = ints[i % ints.length];
    }
    float[] bf = {
      Float.NaN,
      Float.intBitsToFloat(0x7f800001),
      Float.intBitsToFloat(0x7fffffff),
      Float.intBitsToFloat(0xff800001),
      Float.POSITIVE_INFINITY,
      Float.MAX_VALUE,
      -Float.MAX_VALUE,
      Float.MIN_VALUE,
      -0f
    };
    float[] bfr = new float[bf.length];
    OpFamilyBenchmark.handFastBf16(bf, bf, bfr);
    numevo.dsl.compile.NarrowBinary k =
        OpFamilyBenchmark.compile(
            OpFamilyBenchmark.NARROW_ADD.formatted("bfloat16"),
            numevo.dsl.compile.NarrowBinary.class);
    for (int i = 0; i < bf.length; i++) {
      float c = k.apply(bf[i], bf[i]);
      assertEquals(Float.isNaN(c), Float.isNaN(bfr[i]), "bf16 " + bf[i]);
      if (!Float.isNaN(c)) {
        assertEquals(Float.floatToRawIntBits(c), Float.floatToRawIntBits(bfr[i]), "bf16 " + bf[i]);
      }
    }
    int[] ra = new int[ia.length];
    int[] rb = new int[ia.length];
    OpFamilyBenchmark.handItof(ia, ib, ra);
    OpFamilyBenchmark.handAltItof(ia, ib, rb);
    assertArrayEquals(ra, rb);
  }
}
