package numevo.dsl.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector semantics of each supported op, as the generated loops call them: one small static
 * method per op on {@link FloatVector} ({@code f}) and {@link IntVector} ({@code i32}) lanes of the
 * preferred species, which C2 inlines and intrinsifies. Each method computes, lane by lane, bit for
 * bit what {@link numevo.dsl.eval.Interpreter} computes for a float32 kernel (NaN payloads aside,
 * which no DSL op can observe: {@code bits} maps every NaN to the canonical NaN).
 *
 * <p>Where the Vector API has no lane-wise operation of the op's exact meaning, it is composed:
 * {@code rint} by the 2^23 addition trick on |a| with a's sign restored, {@code floor} from {@code
 * rint}, {@code bits} with NaN lanes replaced by {@code 0x7fc00000}; comparisons give 1 or 0 lanes.
 */
final class SimdOps {
  private SimdOps() {}

  /** The float species of every generated loop. */
  static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  /** The int species: as many lanes as {@link #F}. */
  static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;

  private static final float TWO_23 = 8388608f;
  private static final int SIGN = 0x80000000;
  private static final int CANONICAL_NAN = 0x7fc00000;

  // Loop control, loads and stores.

  static int bound(int n) {
    return F.loopBound(n);
  }

  static VectorMask<Float> tail(int i, int n) {
    return F.indexInRange(i, n);
  }

  static FloatVector loadF(float[] a, int i) {
    return FloatVector.fromArray(F, a, i);
  }

  static FloatVector loadF(float[] a, int i, VectorMask<Float> m) {
    return FloatVector.fromArray(F, a, i, m);
  }

  static IntVector loadI(int[] a, int i) {
    return IntVector.fromArray(I, a, i);
  }

  static IntVector loadI(int[] a, int i, VectorMask<Float> m) {
    return IntVector.fromArray(I, a, i, m.cast(I));
  }

  static void storeF(FloatVector v, float[] a, int i) {
    v.intoArray(a, i);
  }

  static void storeF(FloatVector v, float[] a, int i, VectorMask<Float> m) {
    v.intoArray(a, i, m);
  }

  static void storeI(IntVector v, int[] a, int i) {
    v.intoArray(a, i);
  }

  static void storeI(IntVector v, int[] a, int i, VectorMask<Float> m) {
    v.intoArray(a, i, m.cast(I));
  }

  static FloatVector litF(float k) {
    return FloatVector.broadcast(F, k);
  }

  static IntVector litI(int k) {
    return IntVector.broadcast(I, k);
  }

  // f ops.

  static FloatVector fadd(FloatVector a, FloatVector b) {
    return a.add(b);
  }

  static FloatVector fsub(FloatVector a, FloatVector b) {
    return a.sub(b);
  }

  static FloatVector fmul(FloatVector a, FloatVector b) {
    return a.mul(b);
  }

  static FloatVector fdiv(FloatVector a, FloatVector b) {
    return a.div(b);
  }

  static FloatVector ffma(FloatVector a, FloatVector b, FloatVector c) {
    return a.fma(b, c);
  }

  static FloatVector fneg(FloatVector a) {
    return a.neg();
  }

  static FloatVector fabs(FloatVector a) {
    return a.abs();
  }

  /** Math.min per lane: NaN if either is NaN, -0 below +0 (the Vector API's MIN). */
  static FloatVector fmin(FloatVector a, FloatVector b) {
    return a.min(b);
  }

  /** Math.max per lane (the Vector API's MAX). */
  static FloatVector fmax(FloatVector a, FloatVector b) {
    return a.max(b);
  }

  static FloatVector fsqrt(FloatVector a) {
    return a.sqrt();
  }

  /**
   * Math.rint per lane: for |a| below 2^23, |a| + 2^23 rounds (ties to even) to an integer, and
   * subtracting 2^23 again is exact; a's sign is put back (so -0.3 gives -0). Larger, infinite and
   * NaN lanes are already integers or NaN and pass unchanged.
   */
  static FloatVector frint(FloatVector a) {
    FloatVector abs = a.abs();
    FloatVector r = abs.add(TWO_23).sub(TWO_23);
    IntVector sign = a.reinterpretAsInts().and(SIGN);
    FloatVector signed = r.reinterpretAsInts().or(sign).reinterpretAsFloats();
    return a.blend(signed, abs.compare(VectorOperators.LT, TWO_23));
  }

  /** Math.floor per lane: rint, minus one where that rounded up (signs of zeros as Java's). */
  static FloatVector ffloor(FloatVector a) {
    FloatVector r = frint(a);
    return r.blend(r.sub(1f), r.compare(VectorOperators.GT, a));
  }

  static IntVector flt(FloatVector a, FloatVector b) {
    return ones(a.compare(VectorOperators.LT, b));
  }

  static IntVector fle(FloatVector a, FloatVector b) {
    return ones(a.compare(VectorOperators.LE, b));
  }

  static IntVector feq(FloatVector a, FloatVector b) {
    return ones(a.compare(VectorOperators.EQ, b));
  }

  /** a < c ? c : a per lane, which is Math.max(a, c) for a literal c other than NaN and zero. */
  static FloatVector fmaxLiteral(FloatVector a, FloatVector c) {
    return a.blend(c, a.compare(VectorOperators.LT, c));
  }

  /** a > c ? c : a per lane, which is Math.min(a, c) for a literal c other than NaN and zero. */
  static FloatVector fminLiteral(FloatVector a, FloatVector c) {
    return a.blend(c, a.compare(VectorOperators.GT, c));
  }

  // Comparisons kept as masks where only selects use them (SimdGenerator.maskOnly).

  static VectorMask<Float> fltMask(FloatVector a, FloatVector b) {
    return a.compare(VectorOperators.LT, b);
  }

  static VectorMask<Float> fleMask(FloatVector a, FloatVector b) {
    return a.compare(VectorOperators.LE, b);
  }

  static VectorMask<Float> feqMask(FloatVector a, FloatVector b) {
    return a.compare(VectorOperators.EQ, b);
  }

  static VectorMask<Integer> iltMask(IntVector a, IntVector b) {
    return a.compare(VectorOperators.LT, b);
  }

  static VectorMask<Integer> ileMask(IntVector a, IntVector b) {
    return a.compare(VectorOperators.LE, b);
  }

  static VectorMask<Integer> ieqMask(IntVector a, IntVector b) {
    return a.compare(VectorOperators.EQ, b);
  }

  /** The select of a comparison's mask (of either species): a where it is set, else b. */
  static FloatVector fselectMask(VectorMask<?> m, FloatVector a, FloatVector b) {
    return b.blend(a, m.cast(F));
  }

  /** The select of a comparison's mask (of either species): a where it is set, else b. */
  static IntVector iselectMask(VectorMask<?> m, IntVector a, IntVector b) {
    return b.blend(a, m.cast(I));
  }

  private static IntVector ones(VectorMask<Float> m) {
    return IntVector.zero(I).blend(1, m.cast(I));
  }

  static FloatVector fselect(IntVector c, FloatVector a, FloatVector b) {
    return b.blend(a, c.compare(VectorOperators.NE, 0).cast(F));
  }

  // i32 ops: Java int arithmetic per lane, shift counts masked to 5 bits.

  static IntVector iadd(IntVector a, IntVector b) {
    return a.add(b);
  }

  static IntVector isub(IntVector a, IntVector b) {
    return a.sub(b);
  }

  static IntVector imul(IntVector a, IntVector b) {
    return a.mul(b);
  }

  static IntVector ineg(IntVector a) {
    return a.neg();
  }

  static IntVector ishl(IntVector a, IntVector b) {
    return a.lanewise(VectorOperators.LSHL, b);
  }

  static IntVector ishr(IntVector a, IntVector b) {
    return a.lanewise(VectorOperators.ASHR, b);
  }

  static IntVector iushr(IntVector a, IntVector b) {
    return a.lanewise(VectorOperators.LSHR, b);
  }

  static IntVector iand(IntVector a, IntVector b) {
    return a.and(b);
  }

  static IntVector ior(IntVector a, IntVector b) {
    return a.or(b);
  }

  static IntVector ixor(IntVector a, IntVector b) {
    return a.lanewise(VectorOperators.XOR, b);
  }

  static IntVector ilt(IntVector a, IntVector b) {
    return IntVector.zero(I).blend(1, a.compare(VectorOperators.LT, b));
  }

  static IntVector ile(IntVector a, IntVector b) {
    return IntVector.zero(I).blend(1, a.compare(VectorOperators.LE, b));
  }

  static IntVector ieq(IntVector a, IntVector b) {
    return IntVector.zero(I).blend(1, a.compare(VectorOperators.EQ, b));
  }

  static IntVector iselect(IntVector c, IntVector a, IntVector b) {
    return b.blend(a, c.compare(VectorOperators.NE, 0));
  }

  // Conversions.

  /** (int) Math.rint(a) per lane: ties to even, saturating, NaN gives 0 (Java's F2I). */
  static IntVector toi(FloatVector a) {
    return (IntVector) frint(a).convert(VectorOperators.F2I, 0);
  }

  /** (int) a per lane: toward zero, saturating, NaN gives 0. */
  static IntVector trunc(FloatVector a) {
    return (IntVector) a.convert(VectorOperators.F2I, 0);
  }

  /** (float) a per lane, rounded to nearest even. */
  static FloatVector itof(IntVector a) {
    return (FloatVector) a.convert(VectorOperators.I2F, 0);
  }

  /** Float.floatToIntBits per lane: the code, every NaN as 0x7fc00000. */
  static IntVector bits(FloatVector a) {
    return a.reinterpretAsInts().blend(CANONICAL_NAN, a.test(VectorOperators.IS_NAN).cast(I));
  }

  /** The raw code per lane, where no output can see a NaN lane's code (SimdGenerator.rawBits). */
  static IntVector bitsRaw(FloatVector a) {
    return a.reinterpretAsInts();
  }

  /** Float.intBitsToFloat per lane. */
  static FloatVector frombits(IntVector a) {
    return a.reinterpretAsFloats();
  }
}
