package numevo.evolver.enumerate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import numevo.dsl.eval.Batch;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.targets.Scorer;

/**
 * Enumerates every skeleton of 1 to {@code maxOps} ops ({@link SkeletonEnumerator}), fits each
 * one's constants ({@link SkeletonFitter}) on a spread subset of a target's training sample against
 * the target's own signed error ({@link Scorer#residuals}), and keeps the best few of each op
 * count, re-fitted on the whole sample and scored there with the target's objective.
 *
 * <p>Deterministic: each shape's fit is seeded from the enumeration's seed, the op count and the
 * shape's position, and results are collected by position, so the thread count changes only the
 * speed. A time limit makes the shapes reached depend on timing (the output says how many were
 * fitted).
 */
public final class Enumeration {
  private Enumeration() {}

  /**
   * The settings of an enumeration.
   *
   * @param ops the binary ops, non-empty
   * @param maxOps the largest op count, {@code >= 1}
   * @param keep kernels kept per op count, {@code >= 1}
   * @param screenPoints how many of the sample's points the screening fits use, {@code >= 2}
   * @param screen how hard each screening fit tries
   * @param finalists shapes per op count, the best screened, fitted again with {@code fit} on
   *     {@code fitPoints} points, {@code >= keep}
   * @param fitPoints how many of the sample's points the finalists' fits use, {@code >= 2}
   * @param seed seeds the fits
   * @param deadlineNanos {@link System#nanoTime()} after which no more shapes are fitted, or {@code
   *     Long.MAX_VALUE}
   * @param threads worker threads, {@code >= 1}
   * @param fit how hard each screening fit tries
   */
  public record Config(
      Set<BinOp> ops,
      int maxOps,
      int keep,
      int screenPoints,
      SkeletonFitter.FitConfig screen,
      int finalists,
      int fitPoints,
      long seed,
      long deadlineNanos,
      int threads,
      SkeletonFitter.FitConfig fit) {
    /**
     * The defaults: the best 4 of 64 starts with 30 Levenberg-Marquardt iterations and 8 Lawson
     * ones on 40 points for every shape, the default fit on 256 points for the best 256 shapes, 3
     * kernels kept.
     */
    public static Config of(Set<BinOp> ops, int maxOps, long seed, int threads) {
      return new Config(
          ops,
          maxOps,
          3,
          40,
          new SkeletonFitter.FitConfig(64, 4, 30, 1, 8),
          256,
          256,
          seed,
          Long.MAX_VALUE,
          threads,
          SkeletonFitter.FitConfig.DEFAULT);
    }

    /** The same with a deadline ({@link System#nanoTime()}). */
    public Config withDeadline(long nanos) {
      return new Config(
          ops, maxOps, keep, screenPoints, screen, finalists, fitPoints, seed, nanos, threads, fit);
    }

    /** The same keeping {@code k} kernels per op count (and at least as many finalists). */
    public Config withKeep(int k) {
      return new Config(
          ops,
          maxOps,
          k,
          screenPoints,
          screen,
          Math.max(k, finalists),
          fitPoints,
          seed,
          deadlineNanos,
          threads,
          fit);
    }

    /** Validates and copies. */
    public Config {
      ops = Set.copyOf(ops);
      if (ops.isEmpty()
          || maxOps < 1
          || keep < 1
          || finalists < keep
          || screenPoints < 2
          || fitPoints < 2
          || threads < 1) {
        throw new IllegalArgumentException("bad enumeration settings");
      }
    }
  }

  /**
   * The binary ops among a primitive set's ops.
   *
   * @throws IllegalArgumentException if none of add, sub, mul, div is among them
   */
  public static Set<BinOp> binaryOps(List<Op> ops) {
    Set<BinOp> s = EnumSet.noneOf(BinOp.class);
    for (Op op : ops) {
      BinOp b = BinOp.of(op);
      if (b != null) {
        s.add(b);
      }
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("enumeration needs at least one of add, sub, mul, div");
    }
    return s;
  }

  /**
   * Runs an enumeration.
   *
   * @param scorer the target's training sample; its target must have one float output and only
   *     float inputs, and signed per-point errors
   * @param format the kernels' format
   * @param inputs the kernels' inputs
   * @param progress told after each op count
   * @throws IllegalArgumentException if the target has no signed errors or the kernels do not fit
   */
  public static List<EnumerationLevel> run(
      Scorer scorer,
      NumberFormat format,
      List<Input> inputs,
      Config config,
      Consumer<EnumerationLevel> progress) {
    for (Input in : inputs) {
      if (in.type() != Type.F) {
        throw new IllegalArgumentException("enumeration needs float inputs only");
      }
    }
    Residuals res = residuals(scorer, format, inputs);
    double[] r0 = res.r0();
    double[] r1 = res.r1();
    Batch batch = scorer.inputs();
    int k = inputs.size();
    // Spread the screening points over the sample: sorted by the first input, evenly spaced.
    List<Integer> sorted = res.usable();
    int[] few = spread(sorted, config.screenPoints());
    int[] some = spread(sorted, config.fitPoints());
    int[] all = sorted.stream().mapToInt(Integer::intValue).toArray();
    int maxConsts = 2 * config.maxOps();
    ThreadLocal<SkeletonFitter> screen =
        ThreadLocal.withInitial(
            () -> fitter(batch, r0, r1, few, config.maxOps(), maxConsts, config.screen()));
    ThreadLocal<SkeletonFitter> finals =
        ThreadLocal.withInitial(
            () -> fitter(batch, r0, r1, some, config.maxOps(), maxConsts, config.fit()));
    SkeletonFitter full =
        fitter(
            batch,
            r0,
            r1,
            all,
            config.maxOps(),
            maxConsts,
            new SkeletonFitter.FitConfig(1, 1, 20, 1, 100));
    List<EnumerationLevel> levels = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    try {
      for (int ops = 1; ops <= config.maxOps(); ops++) {
        List<Skeleton> shapes = SkeletonEnumerator.enumerate(k, config.ops(), ops);
        int count = shapes.size();
        double[] errs = new double[count];
        double[][] consts = new double[count][];
        boolean[] done = new boolean[count];
        final int level = ops;
        // In a seeded random order: a run stopped by its time limit has fitted a uniform sample.
        int[] everything = new int[count];
        for (int i = 0; i < count; i++) {
          everything[i] = i;
        }
        java.util.SplittableRandom shuffle =
            new java.util.SplittableRandom(shapeSeed(config, ops, -1));
        for (int i = count - 1; i > 0; i--) {
          int j = shuffle.nextInt(i + 1);
          int x = everything[i];
          everything[i] = everything[j];
          everything[j] = x;
        }
        fitAll(pool, screen, shapes, everything, errs, consts, done, config, level, 0);
        List<Integer> order = ranked(errs, done);
        int fitted = 0;
        for (boolean d : done) {
          fitted += d ? 1 : 0;
        }
        // The finalists, fitted again with more starts, more points and the minimax refinement.
        int[] fin =
            order.subList(0, Math.min(order.size(), config.finalists())).stream()
                .mapToInt(Integer::intValue)
                .toArray();
        boolean[] refit = new boolean[count];
        fitAll(pool, finals, shapes, fin, errs, consts, refit, config, level, 1);
        List<Integer> refitted = ranked(errs, refit);
        if (!refitted.isEmpty()) {
          order = refitted;
        }
        List<EnumeratedKernel> best = new ArrayList<>();
        for (int i : order.subList(0, Math.min(order.size(), config.keep()))) {
          Skeleton s = shapes.get(i);
          double[] c = consts[i].clone();
          SkeletonFitter.Fit refined = full.refine(s, c);
          double[] use = refined.error() < Double.POSITIVE_INFINITY ? refined.constants() : c;
          Program p = s.toProgram("enum" + ops + "_" + best.size(), format, inputs, use);
          double e = scorer.error(p);
          Program q = s.toProgram("enum" + ops + "_" + best.size(), format, inputs, consts[i]);
          double eq = scorer.error(q);
          if (eq < e) {
            p = q;
            e = eq;
          }
          best.add(new EnumeratedKernel(ops, s, p, errs[i], e));
        }
        best.sort(Comparator.comparingDouble(EnumeratedKernel::error));
        EnumerationLevel l = new EnumerationLevel(ops, count, fitted, best);
        levels.add(l);
        progress.accept(l);
        if (fitted < count) {
          break;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return levels;
  }

  /**
   * A target's training points as fitting data: every point with finite inputs and a finite
   * positive error unit, sorted by the first input (ties by position).
   *
   * @param xs the inputs, {@code xs[input][p]}
   * @param exact the exact value at each point (read off the residuals of the kernels 0 and 1)
   * @param scale the inverse error unit at each point
   */
  public record FitPoints(double[][] xs, double[] exact, double[] scale) {}

  /**
   * The fitting data of a scorer's sample (what {@link #run} fits on).
   *
   * @throws IllegalArgumentException if the target has no signed errors or fewer than 2 usable
   *     points
   */
  public static FitPoints fitPoints(Scorer scorer, NumberFormat format, List<Input> inputs) {
    Residuals res = residuals(scorer, format, inputs);
    double[] r0 = res.r0();
    double[] r1 = res.r1();
    Batch batch = scorer.inputs();
    int k = inputs.size();
    List<Integer> usable = res.usable();
    int m = usable.size();
    double[][] xs = new double[k][m];
    double[] exact = new double[m];
    double[] scale = new double[m];
    for (int j = 0; j < m; j++) {
      int p = usable.get(j);
      for (int i = 0; i < k; i++) {
        xs[i][j] = batch.f(i)[p];
      }
      scale[j] = r1[p] - r0[p];
      exact[j] = -r0[p] / scale[j];
    }
    return new FitPoints(xs, exact, scale);
  }

  /**
   * The residuals of the constants 0 and 1 at each training point (the exact value and the error
   * unit are read off them), and the points where both are usable: a positive finite error unit and
   * finite inputs, sorted by the first input (ties by index).
   */
  private record Residuals(double[] r0, double[] r1, List<Integer> usable) {}

  private static Residuals residuals(Scorer scorer, NumberFormat format, List<Input> inputs) {
    int n = scorer.points();
    double[] r0 = new double[n];
    double[] r1 = new double[n];
    if (!scorer.residuals(constant(format, inputs, false), r0)
        || !scorer.residuals(constant(format, inputs, true), r1)) {
      throw new IllegalArgumentException(
          "enumeration needs a target with signed per-point errors on finite inputs");
    }
    Batch batch = scorer.inputs();
    int k = inputs.size();
    List<Integer> usable = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      double scale = r1[p] - r0[p];
      boolean finite = scale > 0 && Double.isFinite(scale);
      for (int i = 0; i < k && finite; i++) {
        finite = Double.isFinite(batch.f(i)[p]);
      }
      if (finite) {
        usable.add(p);
      }
    }
    if (usable.size() < 2) {
      throw new IllegalArgumentException("enumeration needs at least 2 points with finite errors");
    }
    usable.sort(Comparator.comparingDouble((Integer p) -> batch.f(0)[p]).thenComparing(p -> p));
    return new Residuals(r0, r1, usable);
  }

  /** Fits the shapes at {@code which} in chunks on the pool, by position; stops at the deadline. */
  private static void fitAll(
      ExecutorService pool,
      ThreadLocal<SkeletonFitter> fitters,
      List<Skeleton> shapes,
      int[] which,
      double[] errs,
      double[][] consts,
      boolean[] done,
      Config config,
      int level,
      int stage) {
    int chunk = 64;
    List<Future<?>> futures = new ArrayList<>();
    for (int start = 0; start < which.length; start += chunk) {
      final int s0 = start;
      futures.add(
          pool.submit(
              () -> {
                SkeletonFitter f = fitters.get();
                for (int j = s0; j < Math.min(which.length, s0 + chunk); j++) {
                  if (System.nanoTime() - config.deadlineNanos() > 0) {
                    return;
                  }
                  int i = which[j];
                  SkeletonFitter.Fit fit =
                      f.fit(shapes.get(i), shapeSeed(config, level, i) + stage);
                  errs[i] = fit.error();
                  consts[i] = fit.constants();
                  done[i] = true;
                }
              }));
    }
    awaitAll(futures);
  }

  /** Waits for every future; a task's failure or an interrupt becomes an unchecked exception. */
  static void awaitAll(List<Future<?>> futures) {
    for (Future<?> fu : futures) {
      try {
        fu.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** The positions done with a finite error, smallest error first (ties by position). */
  private static List<Integer> ranked(double[] errs, boolean[] done) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < errs.length; i++) {
      if (done[i] && errs[i] < Double.POSITIVE_INFINITY) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble((Integer i) -> errs[i]).thenComparing(i -> i));
    return order;
  }

  /** {@code m} positions of {@code sorted} evenly spaced, first and last included. */
  private static int[] spread(List<Integer> sorted, int m) {
    m = Math.min(m, sorted.size());
    int[] pick = new int[m];
    for (int j = 0; j < m; j++) {
      pick[j] = sorted.get((int) Math.round((double) j * (sorted.size() - 1) / (m - 1)));
    }
    return pick;
  }

  private static long shapeSeed(Config c, int ops, int index) {
    long h = c.seed() * 0x9E3779B97F4A7C15L + ops * 0xC2B2AE3D27D4EB4FL + index;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 29);
  }

  private static SkeletonFitter fitter(
      Batch batch,
      double[] r0,
      double[] r1,
      int[] idx,
      int maxOps,
      int maxConsts,
      SkeletonFitter.FitConfig fit) {
    int k = batch.ports();
    double[][] xs = new double[k][idx.length];
    double[] exact = new double[idx.length];
    double[] scale = new double[idx.length];
    for (int j = 0; j < idx.length; j++) {
      int p = idx[j];
      for (int i = 0; i < k; i++) {
        xs[i][j] = batch.f(i)[p];
      }
      double s = r1[p] - r0[p];
      scale[j] = s;
      exact[j] = -r0[p] / s;
    }
    return new SkeletonFitter(xs, exact, scale, maxOps, maxConsts, fit);
  }

  /** {@code x * 0} or {@code x * 0 + 1}: residuals of these give each point's exact value. */
  private static Program constant(NumberFormat format, List<Input> inputs, boolean one) {
    List<Instr> body = new ArrayList<>();
    body.add(Instr.of("z", Op.FMUL, Operand.Ref.of(0), Operand.FloatLit.of(0.0)));
    if (one) {
      body.add(Instr.of("o", Op.FADD, Operand.Ref.of(inputs.size()), Operand.FloatLit.of(1.0)));
    }
    return Program.of(
        "probe", format, inputs, body, List.of(Operand.Ref.of(inputs.size() + body.size() - 1)));
  }
}
