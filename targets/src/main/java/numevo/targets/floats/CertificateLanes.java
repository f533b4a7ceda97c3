package numevo.targets.floats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vectorized per-point pass of the {@link CertificateVerifier}: for one block of points, the
 * fast reference ({@link FastExp}'s evaluation, in lanes), the rounding decision ({@link
 * CertificateVerifier#decide}), the errors and their deltas, lane by lane over the JDK's Vector API
 * ({@code jdk.incubator.vector}, preferred double species: 8 lanes with AVX-512), branch-free, and
 * bit for bit what the scalar pass computes per point. Only loaded when the module is present
 * ({@link CertificateVerifier#VECTOR_AVAILABLE}).
 *
 * <p>A lane is <i>handled</i> here when the scalar pass would take one of its three cheap branches
 * there: a fast point (decided rounding, finite errors), a decided overflow the kernel gets right
 * (+inf), or a constant column the kernel gets right (beyond the thresholds, NaN). Every other lane
 * (undecided rounding, results that round to 0, the kernel's wrong specials, the block's last
 * {@code m mod lanes} points) is <i>slow</i>: its position goes to a list that the caller runs
 * through the scalar pass, which therefore sees exactly the points it would have handled on its
 * own. What a handled lane contributes is identical to the scalar pass's: the same operations in
 * the same order on the same values (the fast reference's {@code rint} by the 1.5 2^52 addition,
 * which gives the same integer and differs from {@code Math.rint} at most in the sign of a zero,
 * which no output of {@link FastExp} shows), except the order of the sums: per lane, then the lanes
 * in order, per block.
 *
 * <p>Stateless; every buffer is the caller's. No allocation once C2 has compiled the loop (the
 * vectors are scalar-replaced).
 */
final class CertificateLanes {
  private CertificateLanes() {}

  static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  /** Float lanes of half the width: as many lanes as {@link #D}, for the float32 rounding. */
  private static final VectorSpecies<Float> F =
      FloatVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(D.vectorBitSize() / 2));

  /** Long lanes of the same shape. */
  private static final VectorSpecies<Long> L = D.withLanes(long.class);

  /** Int lanes of the same shape, for the codes (twice {@link #LANES}). */
  private static final VectorSpecies<Integer> I =
      IntVector.SPECIES_PREFERRED.withShape(D.vectorShape());

  /** Lanes per vector. */
  static final int LANES = D.length();

  /** 0, 1, 2, ... for the lanes of {@link #I}. */
  private static final int[] IOTA = java.util.stream.IntStream.range(0, I.length()).toArray();

  private static final long EXP_MASK = 0xfff0_0000_0000_0000L;
  private static final long MANT_MASK = 0x000f_ffff_ffff_ffffL;
  private static final double MAGIC = 0x1.8p52;
  private static final double C = 1 - 0x1p-50;

  /** Indices into the accumulator array {@code acc} of {@link #block}. */
  static final int SUM_U = 0;

  static final int SUM_E = LANES;
  static final int LOW_U = 2 * LANES;
  static final int LOW_E = 3 * LANES;

  /** The length of the accumulator array. */
  static final int ACC = 4 * LANES;

  /**
   * Runs points {@code [0, m)} of a block.
   *
   * @param kind the function
   * @param r the verifier's ranges for it: {@code coreLo, coreHi, infAbove, zeroBelow}
   * @param x the inputs
   * @param y the kernel's results
   * @param m the number of points
   * @param ubU out: per point, the ULP error plus its delta for a fast point, else -inf
   * @param ubE out: the same for the relative error
   * @param slow out: the positions of the slow points, in order
   * @param acc in and out: per-lane sums of the ULP and relative errors and the largest errors
   *     minus their deltas, at {@link #SUM_U}, {@link #SUM_E}, {@link #LOW_U}, {@link #LOW_E}
   * @return the number of slow points in the low 32 bits and the number of handled points that are
   *     correctly rounded in the high 32 bits
   */
  static long block(
      FastExp.Kind kind,
      double[] r,
      double[] x,
      float[] y,
      int m,
      double[] ubU,
      double[] ubE,
      int[] slow,
      double[] acc) {
    final boolean isExp = kind == FastExp.Kind.EXP;
    final double coreLo = r[0];
    final double coreHi = r[1];
    final double infAbove = r[2];
    final double zeroBelow = r[3];
    final double clamp = isExp ? 746.0 : 1076.0;
    final double scale = isExp ? FastExp.INV_LN2 : 1.0;
    final DoubleVector c1 = DoubleVector.broadcast(D, FastExp.C1);
    final DoubleVector c2 = DoubleVector.broadcast(D, FastExp.C2);
    final DoubleVector k0 = DoubleVector.broadcast(D, FastExp.coefficient(kind, 0));
    final DoubleVector k1c = DoubleVector.broadcast(D, FastExp.coefficient(kind, 1));
    final DoubleVector k2c = DoubleVector.broadcast(D, FastExp.coefficient(kind, 2));
    final DoubleVector k3 = DoubleVector.broadcast(D, FastExp.coefficient(kind, 3));
    final DoubleVector k4 = DoubleVector.broadcast(D, FastExp.coefficient(kind, 4));
    final DoubleVector k5 = DoubleVector.broadcast(D, FastExp.coefficient(kind, 5));
    final DoubleVector k6 = DoubleVector.broadcast(D, FastExp.coefficient(kind, 6));
    final DoubleVector k7 = DoubleVector.broadcast(D, FastExp.coefficient(kind, 7));
    final DoubleVector k8 = DoubleVector.broadcast(D, FastExp.coefficient(kind, 8));
    final DoubleVector k9 = DoubleVector.broadcast(D, FastExp.coefficient(kind, 9));
    final DoubleVector k10 = DoubleVector.broadcast(D, FastExp.coefficient(kind, 10));
    final DoubleVector k11 = DoubleVector.broadcast(D, FastExp.coefficient(kind, 11));
    final DoubleVector k12 = DoubleVector.broadcast(D, FastExp.coefficient(kind, 12));
    final DoubleVector k13 = DoubleVector.broadcast(D, FastExp.coefficient(kind, 13));
    final double kMin = isExp ? 0x1p-82 : 0;
    final DoubleVector ninf = DoubleVector.broadcast(D, Double.NEGATIVE_INFINITY);
    final DoubleVector one = DoubleVector.broadcast(D, 1.0);
    final DoubleVector two23 = DoubleVector.broadcast(D, 0x1p23);
    final DoubleVector two24 = DoubleVector.broadcast(D, 0x1p24);
    int ns = 0;
    int ok = 0;
    int bound = D.loopBound(m);
    int i = 0;
    for (; i < bound; i += LANES) {
      DoubleVector xv = DoubleVector.fromArray(D, x, i);
      DoubleVector rv =
          (DoubleVector) FloatVector.fromArray(F, y, i).convertShape(VectorOperators.F2D, D, 0);
      VectorMask<Double> rInf = rv.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY);
      // The constant columns (outside the core range, by Ranges' invariant).
      VectorMask<Double> cHi = xv.compare(VectorOperators.GT, infAbove);
      VectorMask<Double> cLo = xv.compare(VectorOperators.LT, zeroBelow);
      VectorMask<Double> cNan = xv.compare(VectorOperators.NE, xv);
      VectorMask<Double> constOk =
          cHi.and(rInf)
              .or(cLo.and(rv.compare(VectorOperators.EQ, 0.0)))
              .or(cNan.and(rv.compare(VectorOperators.NE, rv)));
      if (cHi.or(cLo).or(cNan).allTrue()) {
        ok += constOk.trueCount();
        ninf.intoArray(ubU, i);
        ninf.intoArray(ubE, i);
        long sl = constOk.not().toLong();
        while (sl != 0) {
          slow[ns++] = i + Long.numberOfTrailingZeros(sl);
          sl &= sl - 1;
        }
        continue;
      }
      // FastExp, lane by lane: the same operations as its scalar loops.
      DoubleVector xi = xv.min(clamp).max(-clamp);
      DoubleVector kd = xi.mul(scale).add(MAGIC).sub(MAGIC);
      DoubleVector t;
      if (isExp) {
        DoubleVector nk = kd.neg();
        t = nk.fma(c2, nk.fma(c1, xi));
      } else {
        t = xi.sub(kd);
      }
      DoubleVector p = t.fma(k13, k12);
      p = t.fma(p, k11);
      p = t.fma(p, k10);
      p = t.fma(p, k9);
      p = t.fma(p, k8);
      p = t.fma(p, k7);
      p = t.fma(p, k6);
      p = t.fma(p, k5);
      p = t.fma(p, k4);
      p = t.fma(p, k3);
      p = t.fma(p, k2c);
      p = t.fma(p, k1c);
      p = t.fma(p, k0);
      DoubleVector q = t.mul(p);
      DoubleVector hi = q.add(1.0);
      DoubleVector lo = hi.neg().add(1.0).add(q);
      DoubleVector err = q.abs().mul(0x1p-49).add(kd.abs().min(1.0).mul(kMin));
      VectorMask<Double> isOne = hi.compare(VectorOperators.EQ, 1.0);
      DoubleVector h;
      DoubleVector l;
      DoubleVector w;
      DoubleVector ih;
      DoubleVector fd;
      DoubleVector invUlp;
      VectorMask<Double> decided;
      if (isOne.and(kd.compare(VectorOperators.EQ, 0.0)).allTrue()) {
        // Every lane has K = 0 and h = 1 (the tiny inputs): decide's first branch, no scaling.
        h = hi;
        l = lo;
        w = err.mul(1 + 0x1p-20);
        ih = one; // 1 / hi, exactly: no division in this common case
        fd = one;
        VectorMask<Double> lAbove = l.compare(VectorOperators.GT, w);
        decided = lAbove.or(l.neg().compare(VectorOperators.GT, w));
        invUlp = two24.blend(two23, lAbove);
      } else {
        // 2^K as two factors (2^k1, 2^k2) and their inverses.
        LongVector kl = (LongVector) kd.convertShape(VectorOperators.D2L, L, 0);
        LongVector kh1 = kl.lanewise(VectorOperators.ASHR, 1);
        LongVector kh2 = kl.sub(kh1);
        DoubleVector f1 = kh1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector f2 = kh2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector g1 =
            kh1.neg().add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector g2 =
            kh2.neg().add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        h = hi.mul(f1).mul(f2);
        l = lo.mul(f1).mul(f2);
        w = err.mul(f1).mul(f2).mul(1 + 0x1p-20);
        ih = one.div(hi).mul(g1).mul(g2);
        // decide(h, l, w), every branch in lanes.
        VectorMask<Double> hOne = h.compare(VectorOperators.EQ, 1.0);
        VectorMask<Double> lAbove = l.compare(VectorOperators.GT, w);
        VectorMask<Double> decOne = lAbove.or(l.neg().compare(VectorOperators.GT, w));
        LongVector hb = h.reinterpretAsLongs();
        DoubleVector pw = hb.and(EXP_MASK).reinterpretAsDoubles();
        DoubleVector dl = h.sub(pw).add(l);
        VectorMask<Double> up = dl.mul(C).compare(VectorOperators.GT, w);
        DoubleVector du = pw.mul(2.0).sub(h).sub(l);
        VectorMask<Double> upOk = du.mul(C).compare(VectorOperators.GT, w);
        VectorMask<Double> down = dl.neg().mul(C).compare(VectorOperators.GT, w);
        VectorMask<Double> binOk = up.and(upOk).or(up.not().and(down));
        fd =
            (DoubleVector)
                h.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
        DoubleVector tl = h.sub(fd).add(l);
        LongVector fdb = fd.reinterpretAsLongs();
        DoubleVector ulp32 = fdb.and(EXP_MASK).reinterpretAsDoubles().mul(0x1p-23);
        VectorMask<Double> pow2 = fdb.and(MANT_MASK).compare(VectorOperators.EQ, 0L).cast(D);
        VectorMask<Double> tlPos = tl.compare(VectorOperators.GE, 0.0);
        DoubleVector half = ulp32.mul(0.5);
        DoubleVector below = half.blend(ulp32.mul(0.25), pow2).add(tl);
        DoubleVector dist = below.blend(half.sub(tl), tlPos);
        VectorMask<Double> midOk =
            dist.mul(C).compare(VectorOperators.GT, w.add(tl.abs().mul(0x1p-52)));
        VectorMask<Double> inB =
            h.compare(VectorOperators.GE, 0x1.000002p-126)
                .and(h.compare(VectorOperators.LE, 0x1.fffffp127));
        VectorMask<Double> inD =
            h.compare(VectorOperators.GT, 0x1.00001p128)
                .and(h.compare(VectorOperators.LE, 0x1p1000));
        VectorMask<Double> decOther = inB.and(binOk).and(midOk).or(inD.and(binOk));
        VectorMask<Double> core =
            xv.compare(VectorOperators.GE, coreLo).and(xv.compare(VectorOperators.LE, coreHi));
        decided = core.and(hOne.and(decOne).or(hOne.not().and(decOther)));
        // The binade's exponent be, one less below a power of two (decide's two branches);
        // invUlp = 2^(23 - be) = 2^23 / 2^e or 2^24 / 2^e, formed from the bits of 2^-e.
        VectorMask<Double> belowP2 = hOne.and(lAbove.not()).or(hOne.not().and(up.not()));
        DoubleVector invPw =
            LongVector.broadcast(L, 2046L << 52).sub(hb.and(EXP_MASK)).reinterpretAsDoubles();
        invUlp = invPw.mul(two23.blend(two24, belowP2));
      }
      // The errors against h + l.
      DoubleVector d = rv.sub(h).sub(l).abs();
      DoubleVector uu = d.mul(invUlp);
      DoubleVector ee = d.mul(ih);
      VectorMask<Double> fin =
          uu.compare(VectorOperators.LE, Double.MAX_VALUE)
              .and(ee.compare(VectorOperators.LE, Double.MAX_VALUE));
      VectorMask<Double> fast = decided.and(fin);
      VectorMask<Double> crOk = rv.compare(VectorOperators.EQ, fd);
      VectorMask<Double> infOk = decided.and(fin.not()).and(crOk).and(rInf);
      ok += fast.and(crOk).or(infOk).or(constOk).trueCount();
      // The accumulators go through acc at each step: a vector carried around the loop has no
      // exact type for C2, which then left its operations to the Vector API's Java fallback.
      DoubleVector.fromArray(D, acc, SUM_U).add(uu.blend(0.0, fast.not())).intoArray(acc, SUM_U);
      DoubleVector.fromArray(D, acc, SUM_E).add(ee.blend(0.0, fast.not())).intoArray(acc, SUM_E);
      DoubleVector dd = h.sub(1.0).abs().add(l.abs()).mul(0x1p-48).add(w).mul(1 + 0x1p-40);
      DoubleVector dui = dd.mul(invUlp).add(uu.mul(0x1p-50));
      DoubleVector dei = dd.mul(ih).mul(ee.add(1.0)).add(ee.mul(0x1p-50));
      DoubleVector.fromArray(D, acc, LOW_U)
          .max(uu.sub(dui).blend(0.0, fast.not()))
          .intoArray(acc, LOW_U);
      DoubleVector.fromArray(D, acc, LOW_E)
          .max(ee.sub(dei).blend(0.0, fast.not()))
          .intoArray(acc, LOW_E);
      ninf.blend(uu.add(dui), fast).intoArray(ubU, i);
      ninf.blend(ee.add(dei), fast).intoArray(ubE, i);
      long sl = fast.or(infOk).or(constOk).not().toLong();
      while (sl != 0) {
        slow[ns++] = i + Long.numberOfTrailingZeros(sl);
        sl &= sl - 1;
      }
    }
    for (; i < m; i++) {
      slow[ns++] = i;
    }
    return ((long) ok << 32) | ns;
  }

  /**
   * Writes the float32 values of the consecutive codes {@code code, code + 1, ...} to {@code xf[0
   * .. m)} and, widened, to {@code x[0 .. m)}: {@link FloatDomain#fill} and the narrowing to float
   * in lanes.
   */
  static void fill(int code, double[] x, float[] xf, int m) {
    int bound = I.loopBound(m);
    int i = 0;
    for (; i < bound; i += I.length()) {
      // Each iteration's codes from a load and an addition, not from the previous iteration's:
      // a vector carried around the loop has no exact type for C2, which then left the stores
      // below to the Vector API's Java fallback (100 ns per point).
      FloatVector f = IntVector.fromArray(I, IOTA, 0).add(code + i).reinterpretAsFloats();
      f.intoArray(xf, i);
      // I has twice as many lanes as D: two parts, each with a constant part number.
      ((DoubleVector) f.convertShape(VectorOperators.F2D, D, 0)).intoArray(x, i);
      ((DoubleVector) f.convertShape(VectorOperators.F2D, D, 1)).intoArray(x, i + LANES);
    }
    for (; i < m; i++) {
      float f = Float.intBitsToFloat(code + i);
      xf[i] = f;
      x[i] = f;
    }
  }

  /**
   * Writes to {@code out} the positions in {@code [0, m)}, in order, where {@code ubU >= lowU} or
   * {@code ubE >= lowE}; returns how many.
   */
  static int candidates(double[] ubU, double[] ubE, int m, double lowU, double lowE, int[] out) {
    int n = 0;
    int bound = D.loopBound(m);
    int i = 0;
    for (; i < bound; i += LANES) {
      VectorMask<Double> c =
          DoubleVector.fromArray(D, ubU, i)
              .compare(VectorOperators.GE, lowU)
              .or(DoubleVector.fromArray(D, ubE, i).compare(VectorOperators.GE, lowE));
      long bits = c.toLong();
      while (bits != 0) {
        out[n++] = i + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
      }
    }
    for (; i < m; i++) {
      if (ubU[i] >= lowU || ubE[i] >= lowE) {
        out[n++] = i;
      }
    }
    return n;
  }
}
