package numevo.evolver.enumerate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Composed kernels {@code f(x) = core(inner(x))^(2^k)}: every inner map of 0 to {@code innerOps}
 * ops (all skeletons of one input, the identity for 0), every given core skeleton, every number
 * {@code k} of squarings ({@code t = mul t t}) from 0 to {@code maxSquarings}, whose op counts add
 * up to exactly the budget.
 *
 * <p>Method, generic in the target (any one-input target with positive exact values when {@code k >
 * 0}): (1) the inner map's constants are scanned on a grid ({@code +-10^(e/perDecade)} for each
 * constant); (2) at each grid point the core is fitted ({@link SkeletonFitter#fit}, seeded starts,
 * Levenberg-Marquardt then Lawson) against the transformed target {@code exact^(1/2^k)} as a
 * function of the inner variable, in relative error, on a spread subset of the points; the composed
 * error is estimated as {@code 2^k} times that; (3) the best {@code candidates} (inner, grid point,
 * core, k) are polished jointly: the inner map and core together against the transformed target on
 * all points, then the whole composed kernel against the target's own error, by repeated {@link
 * SkeletonFitter#refine}; the result is the better of the two on the target's error.
 *
 * <p>Deterministic: each fit is seeded from the configuration's seed and its position; results are
 * collected by position, so the thread count changes only the speed. A deadline stops the scan (the
 * output says how many grid points were fitted).
 */
public final class Composition {
  private Composition() {}

  /**
   * The settings.
   *
   * @param budget the composed kernels' op count, {@code >= 1}
   * @param innerOps the largest inner map, {@code >= 0}
   * @param maxSquarings the most squarings, {@code >= 0}
   * @param perDecade grid points per decade for an inner map of one constant (two constants: a
   *     quarter as many per constant, at least 1)
   * @param minExp the smallest grid magnitude {@code 10^minExp}
   * @param maxExp the largest grid magnitude {@code 10^maxExp}
   * @param corePoints how many spread points the core fits use, {@code >= 2}
   * @param coreFit how hard each core fit tries
   * @param candidates how many of the best scanned compositions are polished, {@code >= 1}
   * @param polishRounds Lawson rounds of {@link MinimaxPolisher} per polishing stage, {@code >= 1}
   * @param seed seeds the fits
   * @param deadlineNanos {@link System#nanoTime()} after which no more grid points are fitted
   * @param threads worker threads, {@code >= 1}
   */
  public record Config(
      int budget,
      int innerOps,
      int maxSquarings,
      int perDecade,
      int minExp,
      int maxExp,
      int corePoints,
      SkeletonFitter.FitConfig coreFit,
      int candidates,
      int polishRounds,
      long seed,
      long deadlineNanos,
      int threads) {
    /**
     * The defaults: inner maps of up to 2 ops, up to 3 squarings, 4 grid points per decade from
     * 10^-3 to 10^5, core fits on 64 points (the best 4 of 48 starts), the best 24 polished with 60
     * Lawson rounds per stage.
     */
    public static Config of(int budget, long seed, int threads) {
      return new Config(
          budget,
          2,
          3,
          4,
          -3,
          5,
          64,
          new SkeletonFitter.FitConfig(48, 4, 40, 1, 10),
          24,
          60,
          seed,
          Long.MAX_VALUE,
          threads);
    }

    /** The same with these shape limits. */
    public Config withShape(int innerOps, int maxSquarings) {
      return new Config(
          budget,
          innerOps,
          maxSquarings,
          perDecade,
          minExp,
          maxExp,
          corePoints,
          coreFit,
          candidates,
          polishRounds,
          seed,
          deadlineNanos,
          threads);
    }

    /** The same with a deadline ({@link System#nanoTime()}). */
    public Config withDeadline(long nanos) {
      return new Config(
          budget,
          innerOps,
          maxSquarings,
          perDecade,
          minExp,
          maxExp,
          corePoints,
          coreFit,
          candidates,
          polishRounds,
          seed,
          nanos,
          threads);
    }

    /** Validates. */
    public Config {
      if (budget < 1
          || innerOps < 0
          || maxSquarings < 0
          || perDecade < 1
          || minExp > maxExp
          || corePoints < 2
          || candidates < 1
          || polishRounds < 1
          || threads < 1) {
        throw new IllegalArgumentException("bad composition settings");
      }
    }
  }

  /**
   * One composed kernel.
   *
   * @param inner the inner map, or null for the identity
   * @param core the core skeleton
   * @param squarings the squarings after the core
   * @param skeleton the composed skeleton ({@link #compose})
   * @param constants its constants
   * @param error the maximum |error| on all points, in the target's unit
   */
  public record Composed(
      Skeleton inner,
      Skeleton core,
      int squarings,
      Skeleton skeleton,
      double[] constants,
      double error) {}

  /**
   * The result of a run.
   *
   * @param kernels the polished compositions, smallest error first
   * @param gridPoints the grid points scanned
   * @param gridTotal the grid points there were
   * @param coreFits the core fits made
   */
  public record Result(List<Composed> kernels, int gridPoints, int gridTotal, long coreFits) {}

  /**
   * {@code core(inner(x))} squared {@code k} times: the inner map's ops (none for null), the core's
   * ops with its input read as the inner map's output, then {@code k} times {@code t = mul t t}.
   * Constants: the inner map's, then the core's, in order.
   *
   * @throws IllegalArgumentException if a skeleton has more than one input
   */
  public static Skeleton compose(Skeleton inner, Skeleton core, int squarings) {
    if (core.inputs() != 1 || (inner != null && inner.inputs() != 1) || squarings < 0) {
      throw new IllegalArgumentException("compose takes one-input skeletons");
    }
    int ni = inner == null ? 0 : inner.size();
    int n = ni + core.size() + squarings;
    BinOp[] ops = new BinOp[n];
    int[] left = new int[n];
    int[] right = new int[n];
    for (int i = 0; i < ni; i++) {
      ops[i] = inner.op(i);
      left[i] = inner.left(i);
      right[i] = inner.right(i);
    }
    int innerOut = ni == 0 ? 0 : ni; // value index of the inner map's output (input 0 is x)
    for (int i = 0; i < core.size(); i++) {
      ops[ni + i] = core.op(i);
      left[ni + i] = remap(core.left(i), innerOut, ni);
      right[ni + i] = remap(core.right(i), innerOut, ni);
    }
    for (int q = 0; q < squarings; q++) {
      int i = ni + core.size() + q;
      ops[i] = BinOp.MUL;
      left[i] = i; // the previous op's value: 1 input + (i - 1)
      right[i] = i;
    }
    return Skeleton.of(1, ops, left, right);
  }

  private static int remap(int operand, int innerOut, int ni) {
    if (operand == Skeleton.CONST) {
      return Skeleton.CONST;
    }
    return operand == 0 ? innerOut : operand + ni;
  }

  /**
   * Evaluates {@code s} with constants {@code c} in binary64 at each {@code x[p]} into {@code
   * out[p]}, using {@code work} (at least {@code s.size()} long) as scratch.
   */
  public static void evaluate(Skeleton s, double[] c, double[] x, double[] out, double[] work) {
    int n = s.size();
    for (int p = 0; p < x.length; p++) {
      int ci = 0;
      for (int i = 0; i < n; i++) {
        double a;
        if (s.left(i) == Skeleton.CONST) {
          a = c[ci++];
        } else {
          a = s.left(i) == 0 ? x[p] : work[s.left(i) - 1];
        }
        double b;
        if (s.right(i) == Skeleton.CONST) {
          b = c[ci++];
        } else {
          b = s.right(i) == 0 ? x[p] : work[s.right(i) - 1];
        }
        work[i] = s.op(i).apply(a, b);
      }
      out[p] = work[n - 1];
    }
  }

  /** One scanned composition: a (inner, grid point) and the best core fits there. */
  private record Scan(
      int inner, double[] innerConsts, int core, int k, double[] coreConsts, double estimate) {}

  /**
   * Runs the composition.
   *
   * @param x the points (one input), sorted ascending (not copied)
   * @param exact the exact values there (not copied)
   * @param scale the target's inverse error unit there (not copied)
   * @param cores the core skeletons (one input each)
   * @param ops the ops of the inner maps
   */
  public static Result run(
      double[] x,
      double[] exact,
      double[] scale,
      List<Skeleton> cores,
      Set<BinOp> ops,
      Config config) {
    int n = x.length;
    List<Skeleton> inners = new ArrayList<>();
    inners.add(null);
    for (int i = 1; i <= config.innerOps(); i++) {
      inners.addAll(SkeletonEnumerator.enumerate(1, ops, i));
    }
    int[] few = spread(n, config.corePoints());
    double[] fx = new double[few.length];
    double[] fe = new double[few.length];
    for (int j = 0; j < few.length; j++) {
      fx[j] = x[few[j]];
      fe[j] = exact[few[j]];
    }
    // The tasks: (inner, k, grid point) with at least one core of the remaining size.
    List<int[]> tasks = new ArrayList<>();
    List<double[]> grids = new ArrayList<>();
    for (int ii = 0; ii < inners.size(); ii++) {
      Skeleton in = inners.get(ii);
      int ni = in == null ? 0 : in.size();
      for (int k = 0; k <= config.maxSquarings(); k++) {
        int size = config.budget() - ni - k;
        boolean any = false;
        for (Skeleton c : cores) {
          any |= c.size() == size;
        }
        if (!any) {
          continue;
        }
        for (double[] g : grid(in == null ? 0 : in.constants(), config)) {
          tasks.add(new int[] {ii, k, grids.size()});
          grids.add(g);
        }
      }
    }
    int maxCore = 1;
    int maxConsts = 1;
    for (Skeleton c : cores) {
      maxCore = Math.max(maxCore, c.size());
      maxConsts = Math.max(maxConsts, c.constants());
    }
    final int mc = maxCore;
    final int mk = maxConsts;
    Scan[][] found = new Scan[tasks.size()][];
    boolean[] done = new boolean[tasks.size()];
    long[] fits = new long[tasks.size()];
    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t0 = 0; t0 < tasks.size(); t0 += 8) {
        final int from = t0;
        futures.add(
            pool.submit(
                () -> {
                  double[] s = new double[few.length];
                  double[] work = new double[config.budget() + 2];
                  for (int t = from; t < Math.min(tasks.size(), from + 8); t++) {
                    if (System.nanoTime() - config.deadlineNanos() > 0) {
                      return;
                    }
                    int[] task = tasks.get(t);
                    Skeleton in = inners.get(task[0]);
                    int k = task[1];
                    double[] g = grids.get(task[2]);
                    if (in == null) {
                      System.arraycopy(fx, 0, s, 0, s.length);
                    } else {
                      evaluate(in, g, fx, s, work);
                    }
                    double[] tt = new double[few.length];
                    double[] ts = new double[few.length];
                    boolean ok = true;
                    for (int j = 0; j < few.length && ok; j++) {
                      double v = fe[j];
                      for (int q = 0; q < k; q++) {
                        v = Math.sqrt(v);
                      }
                      tt[j] = v;
                      ts[j] = 1 / Math.abs(v);
                      ok =
                          !Double.isNaN(s[j])
                              && Double.isFinite(v)
                              && v != 0
                              && !(k > 0 && fe[j] <= 0);
                    }
                    List<Scan> best = new ArrayList<>();
                    if (ok) {
                      SkeletonFitter f =
                          new SkeletonFitter(
                              new double[][] {s.clone()}, tt, ts, mc, mk, config.coreFit());
                      int size = config.budget() - (in == null ? 0 : in.size()) - k;
                      for (int ci = 0; ci < cores.size(); ci++) {
                        Skeleton core = cores.get(ci);
                        if (core.size() != size) {
                          continue;
                        }
                        SkeletonFitter.Fit fit = f.fit(core, seed(config, t, ci));
                        fits[t]++;
                        double est = fit.error() * Math.pow(2, k);
                        if (est < Double.POSITIVE_INFINITY) {
                          best.add(new Scan(task[0], g, ci, k, fit.constants(), est));
                        }
                      }
                    }
                    best.sort(
                        Comparator.comparingDouble(Scan::estimate).thenComparingInt(Scan::core));
                    found[t] =
                        best.subList(0, Math.min(best.size(), config.candidates()))
                            .toArray(new Scan[0]);
                    done[t] = true;
                  }
                }));
      }
      Enumeration.awaitAll(futures);
      List<Scan> all = new ArrayList<>();
      int scanned = 0;
      long coreFits = 0;
      for (int t = 0; t < tasks.size(); t++) {
        if (done[t]) {
          scanned++;
          coreFits += fits[t];
          all.addAll(List.of(found[t]));
        }
      }
      // Stable: by estimate, ties by scan order (tasks are in a fixed order).
      all.sort(Comparator.comparingDouble(Scan::estimate));
      // At most two grid points per (inner, core, k), so the polished ones are diverse.
      List<Scan> picked = new ArrayList<>();
      java.util.Map<List<Integer>, Integer> seen = new java.util.HashMap<>();
      for (Scan sc : all) {
        if (picked.size() == config.candidates()) {
          break;
        }
        List<Integer> key = List.of(sc.inner(), sc.core(), sc.k());
        int times = seen.merge(key, 1, Integer::sum);
        if (times <= 2) {
          picked.add(sc);
        }
      }
      // Polish the picked ones (in parallel, collected by position).
      Composed[] out = new Composed[picked.size()];
      List<Future<?>> polish = new ArrayList<>();
      for (int q = 0; q < picked.size(); q++) {
        final int qq = q;
        polish.add(
            pool.submit(
                () -> {
                  Scan sc = picked.get(qq);
                  out[qq] =
                      polish(
                          sc,
                          inners.get(sc.inner()),
                          cores.get(sc.core()),
                          x,
                          exact,
                          scale,
                          config);
                }));
      }
      Enumeration.awaitAll(polish);
      List<Composed> kernels = new ArrayList<>();
      for (Composed c : out) {
        if (c != null && c.error() < Double.POSITIVE_INFINITY) {
          kernels.add(c);
        }
      }
      kernels.sort(Comparator.comparingDouble(Composed::error));
      return new Result(kernels, scanned, tasks.size(), coreFits);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Composed polish(
      Scan sc,
      Skeleton inner,
      Skeleton core,
      double[] x,
      double[] exact,
      double[] scale,
      Config config) {
    int k = sc.k();
    Skeleton body = inner == null ? core : compose(inner, core, 0);
    Skeleton whole = compose(inner, core, k);
    double[] c = new double[body.constants()];
    System.arraycopy(sc.innerConsts(), 0, c, 0, sc.innerConsts().length);
    System.arraycopy(sc.coreConsts(), 0, c, sc.innerConsts().length, sc.coreConsts().length);
    int n = x.length;
    double[] tt = new double[n];
    double[] ts = new double[n];
    for (int p = 0; p < n; p++) {
      double v = exact[p];
      for (int q = 0; q < k; q++) {
        v = Math.sqrt(v);
      }
      tt[p] = v;
      ts[p] = 1 / Math.abs(v);
    }
    // Stage 1: inner map and core against the transformed target, in relative error.
    SkeletonFitter.Fit fb = new MinimaxPolisher(x, tt, ts).polish(body, c, config.polishRounds());
    double[] cb = fb.error() < Double.POSITIVE_INFINITY ? fb.constants() : c;
    // Stage 2: the whole kernel against the target's own error.
    SkeletonFitter.Fit fw =
        new MinimaxPolisher(x, exact, scale).polish(whole, cb, config.polishRounds());
    double[] cw = fw.constants();
    double ew = fw.error();
    return new Composed(inner, core, k, whole, cw, ew);
  }

  /** The grid of an inner map's constants: one empty point for none. */
  private static List<double[]> grid(int constants, Config config) {
    List<double[]> g = new ArrayList<>();
    if (constants == 0) {
      g.add(new double[0]);
      return g;
    }
    int per = constants == 1 ? config.perDecade() : Math.max(1, config.perDecade() / 4);
    List<Double> values = new ArrayList<>();
    for (int e = config.minExp() * per; e <= config.maxExp() * per; e++) {
      double v = Math.pow(10, (double) e / per);
      values.add(v);
      values.add(-v);
    }
    int m = values.size();
    int total = 1;
    for (int i = 0; i < constants; i++) {
      total *= m;
    }
    for (int idx = 0; idx < total; idx++) {
      double[] p = new double[constants];
      int r = idx;
      for (int i = 0; i < constants; i++) {
        p[i] = values.get(r % m);
        r /= m;
      }
      g.add(p);
    }
    return g;
  }

  private static int[] spread(int n, int m) {
    m = Math.min(m, n);
    int[] pick = new int[m];
    for (int j = 0; j < m; j++) {
      pick[j] = (int) Math.round((double) j * (n - 1) / Math.max(1, m - 1));
    }
    return pick;
  }

  private static long seed(Config c, int task, int core) {
    long h = c.seed() * 0x9E3779B97F4A7C15L + task * 0xC2B2AE3D27D4EB4FL + core;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    return new SplittableRandom(h ^ (h >>> 29)).nextLong();
  }
}
