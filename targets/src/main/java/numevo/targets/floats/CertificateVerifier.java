package numevo.targets.floats;

import numevo.dsl.compile.Float32Unary;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.compile.KernelTooLargeException;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.simd.SimdCompiler;

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
 * <p><b>Two passes, one classification.</b> With the Vector API ({@code --add-modules
 * jdk.incubator.vector}: {@code ./numevo score} adds it) the per-point work runs in lanes ({@link
 * CertificateLanes}): the kernel from the SIMD backend over a reused block, the inputs generated
 * from their codes, the fast reference, the rounding decision, the errors and their deltas, the
 * sums, the bounds {@code L} and the candidates, without branches per point; the lanes it does not
 * handle (undecided roundings, results that round to 0, the kernel's wrong specials, a block's
 * tail) go through the scalar pass, which therefore sees exactly the points it would have sent to
 * the exact reference on its own ({@code CertificatePassesAgreeTest}). Without the module the
 * scalar pass runs alone. The two passes give the same figures bit for bit except the sums behind
 * the means, which the vector pass adds per lane and then lane by lane per block (a fixed order for
 * a given vector width, so the figures never depend on the thread count). Before the workers start,
 * the vector pass runs on a sample of the domain until the JIT has compiled it (results discarded,
 * {@code warmUp}).
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

  /**
   * What {@link #decide} returns for a value that rounds to 0 (its ULP is 2^-149, as for the values
   * of the binade [2^-126, 2^-125), which are decided as any normal value).
   */
  static final int ROUNDS_TO_ZERO = Integer.MIN_VALUE + 1;

  /**
   * Whether this JVM has the Vector API ({@code --add-modules jdk.incubator.vector}): then {@link
   * #run} takes the vector pass, else the scalar one.
   */
  static final boolean VECTOR_AVAILABLE = SimdCompiler.available();

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
    return run(p, domain, reference, threads, VECTOR_AVAILABLE);
  }

  /**
   * {@link #run(Program, FloatDomain, FloatReference, int)} with the per-point pass chosen: the
   * vector pass ({@link CertificateLanes}, with the kernel from the SIMD backend where it takes it)
   * or the scalar one (the scalar compiled kernel). Both give the same figures; the sums behind the
   * means are added in another order (within the bounds of the class comment).
   *
   * @param vector the vector pass; needs {@link #VECTOR_AVAILABLE}
   */
  static ExhaustiveVerifier.Result run(
      Program p, FloatDomain domain, FloatReference reference, int threads, boolean vector) {
    if (!fast(p, domain, reference)) {
      return ExhaustiveVerifier.run(p, domain, reference, threads);
    }
    if (vector && !VECTOR_AVAILABLE) {
      throw new IllegalStateException("the vector pass needs --add-modules jdk.incubator.vector");
    }
    Float32Unary kernel;
    try {
      kernel =
          vector
              ? (Float32Unary) SimdCompiler.compileOrScalar(p)
              : KernelCompiler.compile(p, Float32Unary.class);
    } catch (KernelTooLargeException e) {
      return ExhaustiveVerifier.run(p, domain, reference, threads);
    }
    FastExp.Kind kind = kindOf(reference);
    if (vector) {
      warmUp(kernel, kind, domain);
    }
    return Chunks.run(
        domain.size(),
        threads,
        "numevo-certify-",
        chunk -> new Worker(kernel, kind, vector, domain, reference, chunk));
  }

  /**
   * One chunk's partial figures and the worker's counters: the points sent to the exact reference
   * and the slow points of the vector pass (0 for the scalar pass).
   */
  record ChunkRun(ErrorStats stats, long exactPoints, long slowPoints) {}

  /** One worker, chunk by chunk (for tests comparing the passes, and for phase measurements). */
  interface Pass {
    /**
     * Runs points {@code [from, from + n)} of the domain as one chunk.
     *
     * @param n at most {@link #CHUNK}
     */
    ChunkRun chunk(long from, int n);
  }

  /** A {@link Pass} through the vector or the scalar pass; no warm-up. */
  static Pass pass(Program p, FloatDomain domain, FloatReference reference, boolean vector) {
    Float32Unary kernel =
        vector
            ? (Float32Unary) SimdCompiler.compileOrScalar(p)
            : KernelCompiler.compile(p, Float32Unary.class);
    Worker w = new Worker(kernel, kindOf(reference), vector, domain, reference, CHUNK);
    return (from, n) -> {
      long e = w.exactPoints;
      long sl = w.slowPoints;
      ErrorStats s = w.chunk(from, n);
      return new ChunkRun(s, w.exactPoints - e, w.slowPoints - sl);
    };
  }

  /** The warm-up's time limit. */
  private static final long WARM_UP_NANOS = 10_000_000_000L;

  /**
   * A warm-up call is taken as compiled below this time: compiled, a call (at most 2 {@link
   * CertificateLanes#LANES} + 3 points through the four methods) takes well under a microsecond; in
   * the Vector API's Java fallback each of its hundreds of vector operations alone takes about one.
   */
  private static final long COMPILED_CALL_NANOS = 10_000;

  /**
   * Runs the vector pass on small slices of a sample until the JIT has compiled it, and discards
   * the results. Until C2 compiles it, every Vector API call runs the API's Java fallback at about
   * a microsecond per operation: left to the workers, that start costs each of them seconds, and
   * their slow calls take the cores the compiler needs.
   *
   * <p>The sample: runs of consecutive points spread over the domain (each branch taken as in the
   * real pass), a vector of tiny inputs and one of NaNs (the vector pass's two shortcuts), and one
   * wrong result in each of those (the slow lanes), so that no branch the real pass may take is
   * missing from the profile C2 compiles (a missing one would be a trap there: the method thrown
   * away and run in the fallback again until recompiled). Each call takes at most two vectors and a
   * tail (calls of 2 LANES + 3, LANES and 3 points in turn, twice as many for the kernel and the
   * input generator, whose loops step over twice as many lanes), so that C2 compiles the methods
   * whole on their call counts, never first their loops alone (on-stack replacement), which would
   * cost a second compilation of the large {@link CertificateLanes#block}. The launcher makes those
   * compilations blocking ({@code BackgroundCompilation} false for {@code CertificateLanes} and the
   * SIMD loops): the call that triggers one waits for C2 and returns compiled. The warm-up ends
   * after three compiled calls in a row, or after {@link #WARM_UP_NANOS}. Only its time depends on
   * timing, never a figure.
   */
  private static void warmUp(Float32Unary kernel, FastExp.Kind kind, FloatDomain domain) {
    int lanes = CertificateLanes.LANES;
    long size = domain.size();
    if (size < lanes) {
      return; // a domain smaller than a vector: nothing to warm
    }
    int runs = 64;
    int vectors = 3 + runs;
    int m = vectors * lanes;
    double[] x = new double[m];
    float[] xf = new float[m];
    float[] y = new float[m];
    // Three made-up vectors first (in the first calls' profile), then the domain's runs.
    for (int i = 0; i < lanes; i++) {
      x[i] = 0x1p-60 * (1 + i); // K = 0 and hi = 1 in every lane
      x[lanes + i] = Double.NaN; // a constant column in every lane
      x[2 * lanes + i] = 0.75 + 0x1p-20 * i; // neither
    }
    double[] run = new double[lanes];
    for (int k = 0; k < runs; k++) {
      domain.fill(Math.min(size - lanes, (size / runs) * k), run, lanes);
      System.arraycopy(run, 0, x, (3 + k) * lanes, lanes);
    }
    for (int i = 0; i < m; i++) {
      xf[i] = (float) x[i];
    }
    kernel.apply(xf, y, m);
    // One wrong result in each made-up vector: slow lanes in each of the pass's three branches.
    y[0] = Float.NaN;
    y[lanes + 1] = 0;
    y[2 * lanes + 2] = Float.POSITIVE_INFINITY;
    // Calls of two vectors and a tail, one vector, a tail alone (the kernel and the input
    // generator, whose loops step over twice as many lanes, get twice as many points).
    int[] lengths = {2 * lanes + 3, lanes, 3};
    int cap = 2 * lengths[0];
    double[] bx = new double[cap];
    float[] bxf = new float[cap];
    float[] by = new float[cap];
    float[] ky = new float[cap];
    double[] fx = new double[cap];
    float[] fxf = new float[cap];
    double[] ubU = new double[cap];
    double[] ubE = new double[cap];
    int[] idx = new int[cap];
    double[] acc = new double[CertificateLanes.ACC];
    Ranges r = Ranges.of(kind);
    double[] ranges = {r.coreLo, r.coreHi, r.infAbove, r.zeroBelow};
    int code = (int) domain.codeAt(0);
    long start = System.nanoTime();
    int fast = 0;
    for (int call = 0; fast < 3; call++) {
      int n = lengths[call % lengths.length];
      int from = Math.min(((call / lengths.length) % (vectors - 2)) * lanes, m - 2 * n);
      System.arraycopy(x, from, bx, 0, n);
      System.arraycopy(xf, from, bxf, 0, 2 * n);
      System.arraycopy(y, from, by, 0, n);
      // Every candidate, or none: both ways through the candidates' loop.
      double low = (call & 1) == 0 ? 0 : Double.POSITIVE_INFINITY;
      long t0 = System.nanoTime();
      CertificateLanes.fill(code, fx, fxf, 2 * n);
      kernel.apply(bxf, ky, 2 * n);
      CertificateLanes.block(kind, ranges, bx, by, n, ubU, ubE, idx, acc);
      CertificateLanes.candidates(ubU, ubE, n, low, low, idx);
      long t1 = System.nanoTime();
      fast = t1 - t0 < COMPILED_CALL_NANOS ? fast + 1 : 0;
      if (t1 - start > WARM_UP_NANOS) {
        return;
      }
    }
  }

  /**
   * Decides the correctly rounded float32 result and the binade of a positive value within {@code
   * w} of {@code h + l} (a normalized double-double, h normal), for {@code w <= 2^-40 h}.
   *
   * @return the exponent of the value's ULP in float32 ({@code cr} is then {@code (float) h}),
   *     {@link #ROUNDS_TO_ZERO} for a value below half the smallest subnormal, or {@link
   *     #UNDECIDED}
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
      return ROUNDS_TO_ZERO; // below half the smallest subnormal
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
    private final boolean vector;
    private final Ranges ranges;
    private final double[] rangeArray;
    private final FloatDomain domain;
    private final FloatReference.Evaluator ref;
    private final ReferenceColumns cols;
    // One block of points, small enough to stay in the core's cache.
    private final double[] x = new double[BLOCK];
    private final float[] xf = new float[BLOCK];
    private final float[] yf = new float[BLOCK];
    // The fast reference at the block's points (scalar pass) or its slow points (vector pass).
    private final double[] sx = new double[BLOCK];
    private final double[] hi = new double[BLOCK];
    private final double[] lo = new double[BLOCK];
    private final double[] err = new double[BLOCK];
    private final double[] kk = new double[BLOCK];
    private final double[] inv = new double[BLOCK];
    // Per point of the block: error plus delta of a fast point (ULP, relative), else -inf.
    private final double[] ubU = new double[BLOCK];
    private final double[] ubE = new double[BLOCK];
    // Positions in the block: the vector pass's slow points; the candidates.
    private final int[] slow = new int[BLOCK];
    private final int[] cand = new int[BLOCK];
    private final double[] acc;
    // The points for the exact reference: chunk index, input, result.
    private final int[] dIdx;
    private final double[] dx;
    private final double[] dy;
    // The candidates for the maxima: chunk index, input, result, fast errors plus their deltas.
    private final int[] cIdx = new int[CANDIDATE_CAP];
    private final double[] cx = new double[CANDIDATE_CAP];
    private final double[] cy = new double[CANDIDATE_CAP];
    private final double[] cu = new double[CANDIDATE_CAP];
    private final double[] ce = new double[CANDIDATE_CAP];
    // A whole chunk, for the rare exact recomputation.
    private final double[] wx;
    private final float[] wxf;
    private final float[] wyf;
    private final double[] wy;
    // The chunk's accumulators.
    private int nd;
    private int nc;
    private long ok;
    private double su;
    private double se;
    private double lowU;
    private double lowE;
    // The largest errors among the points computed exactly in the pass, and where.
    private double exU;
    private double exE;
    private int exUi;
    private int exEi;
    // Statistics for tests: points sent to the exact reference, slow points of the vector pass.
    private long exactPoints;
    private long slowPoints;

    Worker(
        Float32Unary kernel,
        FastExp.Kind kind,
        boolean vector,
        FloatDomain domain,
        FloatReference reference,
        int chunk) {
      this.kernel = kernel;
      this.kind = kind;
      this.vector = vector;
      this.ranges = Ranges.of(kind);
      this.rangeArray =
          new double[] {ranges.coreLo, ranges.coreHi, ranges.infAbove, ranges.zeroBelow};
      this.domain = domain;
      this.ref = reference.evaluator(chunk);
      this.cols = new ReferenceColumns(chunk);
      acc = vector ? new double[CertificateLanes.ACC] : null;
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
      nd = 0;
      nc = 0;
      ok = 0;
      su = 0;
      se = 0;
      lowU = 0;
      lowE = 0;
      exU = 0;
      exE = 0;
      exUi = -1;
      exEi = -1;
      for (int b = 0; b < n; b += BLOCK) {
        if (!block(from, b, Math.min(BLOCK, n - b))) {
          return whole(from, n);
        }
      }
      return finish(from, n);
    }

    /**
     * One block of the chunk: points {@code [b, b + m)} of the chunk starting at {@code from}.
     * Updates the chunk's accumulators, exact list and candidates. A method of its own (and {@link
     * #finish} another), so that C2 compiles each on its calls, not the chunk's loop by on-stack
     * replacement, and compiles small methods.
     *
     * @return false if the chunk has more than {@link #CANDIDATE_CAP} candidates (then it is
     *     recomputed whole)
     */
    private boolean block(long from, int b, int m) {
      if (vector && domain.consecutive(from + b, m) == m) {
        CertificateLanes.fill((int) domain.codeAt(from + b), x, xf, m);
      } else {
        domain.fill(from + b, x, m);
        for (int i = 0; i < m; i++) {
          xf[i] = (float) x[i];
        }
      }
      kernel.apply(xf, yf, m);
      int ncand;
      if (vector) {
        java.util.Arrays.fill(acc, 0);
        long res = CertificateLanes.block(kind, rangeArray, x, yf, m, ubU, ubE, slow, acc);
        int ns = (int) res;
        ok += res >>> 32;
        int lanes = CertificateLanes.LANES;
        for (int j = 0; j < lanes; j++) {
          su += acc[CertificateLanes.SUM_U + j];
          se += acc[CertificateLanes.SUM_E + j];
          lowU = Math.max(lowU, acc[CertificateLanes.LOW_U + j]);
          lowE = Math.max(lowE, acc[CertificateLanes.LOW_E + j]);
        }
        // The slow points, through the scalar pass.
        for (int j = 0; j < ns; j++) {
          sx[j] = x[slow[j]];
        }
        FastExp.compute(kind, sx, ns, hi, lo, err, kk, inv);
        for (int j = 0; j < ns; j++) {
          point(b, slow[j], j);
        }
        slowPoints += ns;
        ncand = CertificateLanes.candidates(ubU, ubE, m, lowU, lowE, cand);
      } else {
        FastExp.compute(kind, x, m, hi, lo, err, kk, inv);
        for (int i = 0; i < m; i++) {
          point(b, i, i);
        }
        ncand = 0;
        for (int i = 0; i < m; i++) {
          if (ubU[i] >= lowU || ubE[i] >= lowE) {
            cand[ncand++] = i;
          }
        }
      }
      // The block's candidates for the maxima, against the bounds so far (which only grow).
      for (int j = 0; j < ncand; j++) {
        int i = cand[j];
        if (nc == CANDIDATE_CAP) {
          nc = prune(nc, lowU, lowE);
          if (nc == CANDIDATE_CAP) {
            return false;
          }
        }
        cIdx[nc] = b + i;
        cx[nc] = x[i];
        cy[nc] = yf[i];
        cu[nc] = ubU[i];
        ce[nc++] = ubE[i];
      }
      return true;
    }

    /** The chunk's figures once its blocks are done: exact points and candidates. */
    private ErrorStats finish(long from, int n) {
      exactPoints += nd;
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
     * The scalar pass at one point: position {@code i} of the block starting at chunk index {@code
     * b}, with the fast reference's outputs at index {@code j}. Updates the chunk's accumulators,
     * sends the point to the exact list if needed, and sets {@code ubU[i]}, {@code ubE[i]}.
     */
    private void point(int b, int i, int j) {
      final double coreLo = ranges.coreLo;
      final double coreHi = ranges.coreHi;
      double xi = x[i];
      double r = yf[i];
      ubU[i] = Double.NEGATIVE_INFINITY; // not a fast point unless set below
      ubE[i] = Double.NEGATIVE_INFINITY;
      if (xi >= coreLo && xi <= coreHi) {
        // 2^K as two factors, so that every product is exact while the result is normal.
        int bigK = (int) kk[j];
        int k1 = bigK >> 1;
        int k2 = bigK - k1;
        double f1 = Double.longBitsToDouble((long) (k1 + 1023) << 52);
        double f2 = Double.longBitsToDouble((long) (k2 + 1023) << 52);
        double h = hi[j] * f1 * f2;
        double l = lo[j] * f1 * f2;
        double w = err[j] * f1 * f2 * (1 + 0x1p-20);
        int ue = decide(h, l, w);
        if (ue == UNDECIDED) {
          exactAdd(b + i, xi, r);
          return;
        }
        if (ue == ROUNDS_TO_ZERO) {
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
            exactAdd(b + i, xi, r);
            return;
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
          return;
        }
        double cr = (float) h;
        double invUlp = Double.longBitsToDouble((long) (1023 - ue) << 52);
        double ih =
            inv[j]
                * Double.longBitsToDouble((long) (1023 - k1) << 52)
                * Double.longBitsToDouble((long) (1023 - k2) << 52);
        double d = Math.abs((r - h) - l);
        double uu = d * invUlp;
        double ee = d * ih;
        if (!(uu <= Double.MAX_VALUE && ee <= Double.MAX_VALUE)) {
          if (r == cr && r == Double.POSITIVE_INFINITY) {
            ok++; // an overflow the kernel gets right: errors 0
          } else {
            exactAdd(b + i, xi, r);
          }
          return;
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
        ubU[i] = uu + dui;
        ubE[i] = ee + dei;
      } else if (xi > ranges.infAbove) {
        if (r == Double.POSITIVE_INFINITY) {
          ok++;
        } else {
          exactAdd(b + i, xi, r);
        }
      } else if (xi < ranges.zeroBelow) {
        if (r == 0) {
          ok++;
        } else {
          exactAdd(b + i, xi, r);
        }
      } else if (xi != xi) {
        if (r != r) {
          ok++;
        } else {
          exactAdd(b + i, xi, r);
        }
      } else {
        exactAdd(b + i, xi, r);
      }
    }

    private void exactAdd(int index, double xi, double r) {
      dIdx[nd] = index;
      dx[nd] = xi;
      dy[nd++] = r;
    }

    /**
     * Keeps the candidates {@code [0, nc)} whose error plus delta reaches {@code bu} (ULPs) or
     * {@code be} (relative), in order; returns how many.
     */
    private int prune(int nc, double bu, double be) {
      int k = 0;
      for (int j = 0; j < nc; j++) {
        if (cu[j] >= bu || ce[j] >= be) {
          cIdx[k] = cIdx[j];
          cx[k] = cx[j];
          cy[k] = cy[j];
          cu[k] = cu[j];
          ce[k++] = ce[j];
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
