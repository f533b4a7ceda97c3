package numevo.targets.floats;

import numevo.dsl.compile.Float32Unary;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.compile.KernelTooLargeException;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;

/**
 * The fast exhaustive verifier: the figures of {@link ExhaustiveVerifier} for float32 e^x and 2^x
 * targets in a fraction of its time, from a compiled kernel, a fast reference with a proven error
 * bound ({@link FastExp}) and the exact reference ({@link FunctionReference}) only where that bound
 * cannot decide a figure. Any other kernel, domain or reference goes to {@link ExhaustiveVerifier}.
 *
 * <p><b>What is identical, and why.</b> The domain is cut into the same chunks of {@link #CHUNK}
 * points, each chunk's partial {@link ErrorStats} is built on its own and the partials are merged
 * in chunk order, so nothing depends on the thread count. Within a chunk, every point falls in one
 * of three classes:
 *
 * <ul>
 *   <li><i>Constant</i>: inputs whose exact reference column is a constant (NaN; beyond the
 *       thresholds where float64 libm returns +inf or 0) and where the kernel returns the correctly
 *       rounded value: their errors are exactly 0 and they are correctly rounded, as {@link
 *       ErrorStats#add} would find.
 *   <li><i>Fast</i>: the fast value {@code hi + lo} (within {@code err} of the real value, {@link
 *       FastExp}) decides the correctly rounded result and the binade of the real value ({@link
 *       #decide}), which are therefore those of the exact reference; the kernel's errors against
 *       {@code hi + lo} are within {@code delta_u = D / ulp + 2^-50 u} (ULPs) and {@code delta_e =
 *       D / hi (1 + e) + 2^-50 e} (relative) of those {@link ExhaustiveVerifier} computes, with
 *       {@code D = (err + errOld)(1 + 2^-40)} and {@code errOld = 2^-48 (|hi - 1| + |lo|)}, a bound
 *       on the error of the exact reference's own float64 approximation ({@link Functions}: 4 or 8
 *       float64 ulps of expm1 or exp, plus 2^-1074, which the factor 1 + 2^-40 covers for every
 *       input but 0, an exact point). The {@code 2^-50} terms cover the rounding of both
 *       computations of the errors. The fast range stops where the value nears the subnormal
 *       float64 range (e^x for x >= -660, 2^x for x >= -950), so scaling stays exact up to 2^-1075
 *       on lo, which {@code err (1 + 2^-20)} covers.
 *   <li><i>Exact</i>: everything else (undecided roundings, subnormal results, the kernel's NaNs
 *       and infinities where the result is finite...) is computed by the exact reference, as
 *       before.
 * </ul>
 *
 * Counts (points, correctly rounded, infinite errors) are therefore exact. The largest errors and
 * the worst inputs are exact too: a fast point can reach the chunk's maximum only if its error plus
 * its delta reaches {@code L}, the largest of the exact points' errors and of every fast point's
 * error minus its delta; those candidates (a handful per chunk) are recomputed with the exact
 * reference and the first largest is taken. When a chunk has more than {@link #CANDIDATE_CAP}
 * candidates, the whole chunk is recomputed as {@link ExhaustiveVerifier} does. The sums behind the
 * mean errors use the fast values: each term is within its delta (below 2^-23 ULP, 2^-46 relative)
 * of the exact reference's, so the means agree to within the largest delta (about 2^-23 ULP, 2^-47
 * relative), not bit for bit: in practice to 11 significant digits or more.
 *
 * <p>{@code fallbacks} counts the points where the exact reference needed its BigDecimal
 * evaluation, among the points this verifier sent to it.
 */
public final class CertificateVerifier {
  private CertificateVerifier() {}

  /** Points per chunk: the same as {@link ExhaustiveVerifier#CHUNK}. */
  public static final int CHUNK = ExhaustiveVerifier.CHUNK;

  /** Above this many candidates for the maximum, a chunk is recomputed exactly. */
  static final int CANDIDATE_CAP = 4096;

  /** Points per block of the fast pass. */
  private static final int BLOCK = 2048;

  private static final int UNDECIDED = Integer.MIN_VALUE;

  /** The input range of each function's fast path and where its exact column is constant. */
  private record Ranges(double coreLo, double coreHi, double infAbove, double zeroBelow) {
    static Ranges of(FastExp.Kind kind) {
      return switch (kind) {
        // fdlibm's exp returns +inf above o_threshold and 0 below u_threshold.
        case EXP ->
            new Ranges(-708, 0x1.62e42fefa39efp9, 0x1.62e42fefa39efp9, -0x1.74910d52d3051p9);
        // 2^x is +inf from 1024 on and rounds to 0 below -1075.
        case EXP2 -> new Ranges(-950, Math.nextDown(1024.0), Math.nextDown(1024.0), -1076);
      };
    }
  }

  /**
   * The fast function for a reference, or null if this verifier does not handle it: only the
   * built-in float32 e^x and 2^x references with the default error scale.
   */
  static FastExp.Kind kindOf(FloatReference reference) {
    if (!(reference instanceof FunctionReference fr)
        || fr.format() != NumberFormat.FLOAT32
        || fr.errorScale() != 1) {
      return null;
    }
    if (fr.function() == Functions.EXP) {
      return FastExp.Kind.EXP;
    }
    if (fr.function() == Functions.EXP2) {
      return FastExp.Kind.EXP2;
    }
    return null;
  }

  /**
   * Whether {@link #run} takes the fast path for these arguments (else it runs {@link
   * ExhaustiveVerifier}).
   */
  public static boolean fast(Program p, FloatDomain domain, FloatReference reference) {
    return kindOf(reference) != null
        && domain.format() == NumberFormat.FLOAT32
        && Float32Unary.class.isAssignableFrom(KernelCompiler.kindOf(p));
  }

  /**
   * Runs the kernel over the whole domain, with the figures of {@link ExhaustiveVerifier#run} (the
   * means to the bounds in the class comment).
   *
   * @param p a kernel with one f input and one f output in the domain's format
   * @param domain an enumerable domain
   * @param reference the reference, in the domain's format
   * @param threads worker threads, at least 1
   */
  public static ExhaustiveVerifier.Result run(
      Program p, FloatDomain domain, FloatReference reference, int threads) {
    if (!fast(p, domain, reference)) {
      return ExhaustiveVerifier.run(p, domain, reference, threads);
    }
    Float32Unary kernel;
    try {
      kernel = KernelCompiler.compile(p, Float32Unary.class);
    } catch (KernelTooLargeException e) {
      return ExhaustiveVerifier.run(p, domain, reference, threads);
    }
    FastExp.Kind kind = kindOf(reference);
    return Chunks.run(
        domain.size(),
        threads,
        "numevo-certify-",
        chunk -> new Worker(kernel, kind, domain, reference, chunk));
  }

  /**
   * Decides the correctly rounded float32 result and the binade of a positive value within {@code
   * w} of {@code h + l} (a normalized double-double, h normal), for {@code w <= 2^-40 h}.
   *
   * @return the exponent of the value's ULP in float32 ({@code cr} is then {@code (float) h}), or
   *     {@link #UNDECIDED}
   */
  static int decide(double h, double l, double w) {
    if (h == 1.0) {
      // The common case of tiny inputs: |l| <= 2^-53, so the value is 1 + l with w < |l| (the
      // fast reference's bound is below 2^-48 |l| here, as l = q): above 1, or just below.
      return l > w ? -23 : -l > w ? -24 : UNDECIDED;
    }
    if (h >= 0x1.000002p-126 && h <= 0x1.fffffp127) {
      int be = binade(h, l, w);
      if (be == UNDECIDED) {
        return UNDECIDED;
      }
      float f = (float) h;
      double fd = f;
      double t = h - fd; // exact: f is within half a float32 ulp of h
      double tl = t + l;
      int fb = Float.floatToRawIntBits(f);
      int fe = ((fb >>> 23) & 0xff) - 127;
      double ulp32 = Double.longBitsToDouble((long) (fe - 23 + 1023) << 52);
      // Distance from h + l to the midpoint on its side of f; below a power of two the gap halves.
      double dist;
      if (tl >= 0) {
        dist = 0.5 * ulp32 - tl;
      } else {
        dist = ((fb & 0x7fffff) == 0 ? 0.25 * ulp32 : 0.5 * ulp32) + tl;
      }
      if (!(dist * (1 - 0x1p-50) > w + Math.abs(tl) * 0x1p-52)) {
        return UNDECIDED;
      }
      return be - 23;
    }
    if (h > 0 && h < 0x1p-151) {
      return -149; // rounds to 0: below half the smallest subnormal
    }
    if (h > 0x1.00001p128 && h <= 0x1p1000) {
      int be = binade(h, l, w);
      return be == UNDECIDED ? UNDECIDED : be - 23; // rounds to +inf
    }
    return UNDECIDED;
  }

  /**
   * The binary exponent of every value within w of h + l (h a positive normal double, w <= 2^-40
   * h), or {@link #UNDECIDED} if a power of two may lie among them.
   */
  private static int binade(double h, double l, double w) {
    long b = Double.doubleToRawLongBits(h);
    int e = (int) (b >>> 52) - 1023;
    double p = Double.longBitsToDouble(b & 0xfff0_0000_0000_0000L);
    double dl = (h - p) + l; // h - p is exact; one rounding
    if (dl * (1 - 0x1p-50) > w) {
      double du = (2 * p - h) - l; // 2p - h is exact
      return du * (1 - 0x1p-50) > w ? e : UNDECIDED;
    }
    if (-dl * (1 - 0x1p-50) > w) {
      return e - 1; // h = p, l < 0
    }
    return UNDECIDED;
  }

  /** One worker's buffers and evaluators. Not thread-safe. */
  private static final class Worker implements Chunks.Worker {
    private final Float32Unary kernel;
    private final FastExp.Kind kind;
    private final Ranges ranges;
    private final FloatDomain domain;
    private final FloatReference.Evaluator ref;
    private final ReferenceColumns cols;
    // One block of points, small enough to stay in the core's cache.
    private final double[] x = new double[BLOCK];
    private final float[] xf = new float[BLOCK];
    private final float[] yf = new float[BLOCK];
    private final double[] hi = new double[BLOCK];
    private final double[] lo = new double[BLOCK];
    private final double[] err = new double[BLOCK];
    private final double[] kk = new double[BLOCK];
    private final double[] inv = new double[BLOCK];
    private final double[] bu = new double[BLOCK];
    private final double[] bdu = new double[BLOCK];
    private final double[] be = new double[BLOCK];
    private final double[] bde = new double[BLOCK];
    // The points for the exact reference: chunk index, input, result.
    private final int[] dIdx;
    private final double[] dx;
    private final double[] dy;
    // The candidates for the maxima: chunk index, input, result, fast errors and their deltas.
    private final int[] cIdx = new int[CANDIDATE_CAP];
    private final double[] cx = new double[CANDIDATE_CAP];
    private final double[] cy = new double[CANDIDATE_CAP];
    private final double[] cu = new double[CANDIDATE_CAP];
    private final double[] cdu = new double[CANDIDATE_CAP];
    private final double[] ce = new double[CANDIDATE_CAP];
    private final double[] cde = new double[CANDIDATE_CAP];
    // A whole chunk, for the rare exact recomputation.
    private final double[] wx;
    private final float[] wxf;
    private final float[] wyf;
    private final double[] wy;

    Worker(
        Float32Unary kernel,
        FastExp.Kind kind,
        FloatDomain domain,
        FloatReference reference,
        int chunk) {
      this.kernel = kernel;
      this.kind = kind;
      this.ranges = Ranges.of(kind);
      this.domain = domain;
      this.ref = reference.evaluator(chunk);
      this.cols = new ReferenceColumns(chunk);
      dIdx = new int[chunk];
      dx = new double[chunk];
      dy = new double[chunk];
      wx = new double[chunk];
      wxf = new float[chunk];
      wyf = new float[chunk];
      wy = new double[chunk];
    }

    @Override
    public long fallbacks() {
      return ref.fallbacks();
    }

    @Override
    public ErrorStats chunk(long from, int n) {
      final double coreLo = ranges.coreLo;
      final double coreHi = ranges.coreHi;
      final double infAbove = ranges.infAbove;
      final double zeroBelow = ranges.zeroBelow;
      int nd = 0;
      int nc = 0;
      boolean overflow = false;
      long ok = 0;
      double su = 0;
      double se = 0;
      double lowU = 0;
      double lowE = 0;
      // The largest errors among the points computed exactly in the pass, and where.
      double exU = 0;
      double exE = 0;
      int exUi = -1;
      int exEi = -1;
      for (int b = 0; b < n; b += BLOCK) {
        int m = Math.min(BLOCK, n - b);
        domain.fill(from + b, x, m);
        for (int i = 0; i < m; i++) {
          xf[i] = (float) x[i];
        }
        kernel.apply(xf, yf, m);
        FastExp.compute(kind, x, m, hi, lo, err, kk, inv);
        for (int i = 0; i < m; i++) {
          double xi = x[i];
          double r = yf[i];
          bu[i] = Double.NEGATIVE_INFINITY; // not a fast point unless set below
          if (xi >= coreLo && xi <= coreHi) {
            // 2^K as two factors, so that every product is exact while the result is normal.
            int bigK = (int) kk[i];
            int k1 = bigK >> 1;
            int k2 = bigK - k1;
            double f1 = Double.longBitsToDouble((long) (k1 + 1023) << 52);
            double f2 = Double.longBitsToDouble((long) (k2 + 1023) << 52);
            double h = hi[i] * f1 * f2;
            double l = lo[i] * f1 * f2;
            double w = err[i] * f1 * f2 * (1 + 0x1p-20);
            int ue = decide(h, l, w);
            if (ue == UNDECIDED) {
              dIdx[nd] = b + i;
              dx[nd] = xi;
              dy[nd++] = r;
              continue;
            }
            if (ue == -149) {
              // Rounds to 0 (hi < 2^-151): the exact reference's column here is its float64 libm
              // value with lo = 0 (Functions, Rounder.fast32), cheap to reproduce bit for bit, and
              // the errors (relative ones all near 1) are then exact.
              double y0 = kind == FastExp.Kind.EXP ? StrictMath.exp(xi) : StrictMath.pow(2, xi);
              double w0 = 4 * Math.ulp(y0);
              w0 += w0 * 0x1p-50;
              double d0 = Math.abs(r - y0);
              double u0 = d0 * 0x1p149;
              double e0 = d0 * (1 / Math.abs(y0));
              if (!(y0 + w0 < 0x1p-150 && u0 <= Double.MAX_VALUE && e0 <= Double.MAX_VALUE)) {
                dIdx[nd] = b + i;
                dx[nd] = xi;
                dy[nd++] = r;
                continue;
              }
              if (r == 0) {
                ok++;
              }
              su += u0;
              se += e0;
              if (u0 > exU) {
                exU = u0;
                exUi = b + i;
              }
              if (e0 > exE) {
                exE = e0;
                exEi = b + i;
              }
              continue;
            }
            double cr = (float) h;
            double invUlp = Double.longBitsToDouble((long) (1023 - ue) << 52);
            double ih =
                inv[i]
                    * Double.longBitsToDouble((long) (1023 - k1) << 52)
                    * Double.longBitsToDouble((long) (1023 - k2) << 52);
            double d = Math.abs((r - h) - l);
            double uu = d * invUlp;
            double ee = d * ih;
            if (!(uu <= Double.MAX_VALUE && ee <= Double.MAX_VALUE)) {
              if (r == cr && r == Double.POSITIVE_INFINITY) {
                ok++; // an overflow the kernel gets right: errors 0
              } else {
                dIdx[nd] = b + i;
                dx[nd] = xi;
                dy[nd++] = r;
              }
              continue;
            }
            if (r == cr) {
              ok++;
            }
            su += uu;
            se += ee;
            double dd = (w + 0x1p-48 * (Math.abs(h - 1) + Math.abs(l))) * (1 + 0x1p-40);
            double dui = dd * invUlp + uu * 0x1p-50;
            double dei = dd * ih * (1 + ee) + ee * 0x1p-50;
            if (uu - dui > lowU) {
              lowU = uu - dui;
            }
            if (ee - dei > lowE) {
              lowE = ee - dei;
            }
            bu[i] = uu;
            bdu[i] = dui;
            be[i] = ee;
            bde[i] = dei;
          } else if (xi > infAbove) {
            if (r == Double.POSITIVE_INFINITY) {
              ok++;
            } else {
              dIdx[nd] = b + i;
              dx[nd] = xi;
              dy[nd++] = r;
            }
          } else if (xi < zeroBelow) {
            if (r == 0) {
              ok++;
            } else {
              dIdx[nd] = b + i;
              dx[nd] = xi;
              dy[nd++] = r;
            }
          } else if (xi != xi) {
            if (r != r) {
              ok++;
            } else {
              dIdx[nd] = b + i;
              dx[nd] = xi;
              dy[nd++] = r;
            }
          } else {
            dIdx[nd] = b + i;
            dx[nd] = xi;
            dy[nd++] = r;
          }
        }
        // The block's candidates for the maxima, against the bounds so far (which only grow).
        for (int i = 0; i < m && !overflow; i++) {
          if (bu[i] + bdu[i] >= lowU || be[i] + bde[i] >= lowE) {
            if (nc == CANDIDATE_CAP) {
              nc = prune(nc, lowU, lowE);
              overflow = nc == CANDIDATE_CAP;
              if (overflow) {
                return whole(from, n);
              }
            }
            cIdx[nc] = b + i;
            cx[nc] = x[i];
            cy[nc] = yf[i];
            cu[nc] = bu[i];
            cdu[nc] = bdu[i];
            ce[nc] = be[i];
            cde[nc++] = bde[i];
          }
        }
      }
      if (overflow) {
        return whole(from, n);
      }
      // The exact points' errors.
      ErrorStats exact = exactAt(dx, dy, nd);
      double maxU = exact.maxUlp();
      double maxE = exact.maxRel();
      long worstU = exact.worstUlpIndex() < 0 ? -1 : dIdx[(int) exact.worstUlpIndex()];
      long worstE = exact.worstRelIndex() < 0 ? -1 : dIdx[(int) exact.worstRelIndex()];
      double worstUx = exact.worstUlpInput();
      double worstEx = exact.worstRelInput();
      if (exUi >= 0 && (exU > maxU || (exU == maxU && (worstU < 0 || exUi < worstU)))) {
        maxU = exU;
        worstU = exUi;
        worstUx = domain.valueAt(from + exUi);
      }
      if (exEi >= 0 && (exE > maxE || (exE == maxE && (worstE < 0 || exEi < worstE)))) {
        maxE = exE;
        worstE = exEi;
        worstEx = domain.valueAt(from + exEi);
      }
      // The candidates that can still reach a maximum, recomputed exactly.
      nc = prune(nc, Math.max(maxU, lowU), Math.max(maxE, lowE));
      if (nc > 0) {
        ErrorStats c = exactAt(cx, cy, nc);
        if (c.maxUlp() > maxU
            || (c.maxUlp() == maxU
                && c.worstUlpIndex() >= 0
                && cIdx[(int) c.worstUlpIndex()] < worstU)) {
          maxU = c.maxUlp();
          worstU = cIdx[(int) c.worstUlpIndex()];
          worstUx = c.worstUlpInput();
        }
        if (c.maxRel() > maxE
            || (c.maxRel() == maxE
                && c.worstRelIndex() >= 0
                && cIdx[(int) c.worstRelIndex()] < worstE)) {
          maxE = c.maxRel();
          worstE = cIdx[(int) c.worstRelIndex()];
          worstEx = c.worstRelInput();
        }
      }
      return ErrorStats.partial(
          n,
          maxU,
          su + exact.sumUlp(),
          maxE,
          se + exact.sumRel(),
          exact.infiniteUlp(),
          exact.infiniteRel(),
          ok + exact.correctlyRounded(),
          worstU < 0 ? -1 : from + worstU,
          worstU < 0 ? Double.NaN : worstUx,
          worstE < 0 ? -1 : from + worstE,
          worstE < 0 ? Double.NaN : worstEx);
    }

    /**
     * Keeps the candidates {@code [0, nc)} whose error plus delta reaches {@code bu} (ULPs) or
     * {@code be} (relative), in order; returns how many.
     */
    private int prune(int nc, double bu, double be) {
      int k = 0;
      for (int j = 0; j < nc; j++) {
        if (cu[j] + cdu[j] >= bu || ce[j] + cde[j] >= be) {
          cIdx[k] = cIdx[j];
          cx[k] = cx[j];
          cy[k] = cy[j];
          cu[k] = cu[j];
          cdu[k] = cdu[j];
          ce[k] = ce[j];
          cde[k++] = cde[j];
        }
      }
      return k;
    }

    /** The exact errors at the inputs {@code gx[0 .. m)} with results {@code gy}, in order. */
    private ErrorStats exactAt(double[] gx, double[] gy, int m) {
      ErrorStats s = new ErrorStats();
      if (m > 0) {
        ref.compute(gx, m, cols);
        s.add(gx, gy, cols, m, 0);
      }
      return s;
    }

    /** The chunk as {@link ExhaustiveVerifier} computes it. */
    private ErrorStats whole(long from, int n) {
      domain.fill(from, wx, n);
      for (int i = 0; i < n; i++) {
        wxf[i] = (float) wx[i];
      }
      kernel.apply(wxf, wyf, n);
      for (int i = 0; i < n; i++) {
        wy[i] = wyf[i];
      }
      ref.compute(wx, n, cols);
      ErrorStats s = new ErrorStats();
      s.add(wx, wy, cols, n, from);
      return s;
    }
  }
}
