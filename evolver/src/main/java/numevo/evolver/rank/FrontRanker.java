package numevo.evolver.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.evolver.fitness.CandidateScorer;
import numevo.evolver.fitness.Fitness;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.genome.Kernels;
import numevo.evolver.genome.Literals;
import numevo.evolver.search.Search;
import numevo.evolver.tune.Tuned;
import numevo.evolver.tune.TuningConfig;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Scorer;
import numevo.targets.Target;
import numevo.targets.TargetException;
import numevo.targets.floats.FloatDomain;
import numevo.targets.floats.FloatTarget;
import numevo.targets.floats.FloatTargetSpec;
import numevo.targets.floats.Interval;

/**
 * Ranks a search's final front by what its kernels will be judged on (the policy, {@link
 * RankPolicy}):
 *
 * <ol>
 *   <li>Every front kernel is scored on a larger sample ({@code samplePoints}, the target's own
 *       sampler with a seed derived from the search's). Its {@code worstPoints} worst inputs there,
 *       each with {@code neighbours} neighbouring values of the format on each side, are its first
 *       counterexamples.
 *   <li>Its constants are re-tuned (the search's tuner: linearized minimax steps, Lawson's
 *       reweighting on the worst points, then a climb over neighbouring constants of the format; no
 *       CMA-ES) on the training sample, the larger sample and the counterexamples together, and the
 *       re-tuned kernel is kept only if it is better on that union.
 *   <li>A kernel enters the ranked front only if it is better on the larger sample than every
 *       cheaper one (else it is dominated there and dropped unchecked).
 *   <li>Where the domain can be enumerated, entrants are verified exhaustively with the target's
 *       own verifier ({@link Target#verify}), most accurate on the larger sample first, while the
 *       budget of {@code exhaustiveChecks} lasts. After a check, its worst input and neighbours
 *       join the counterexamples, the kernel is re-tuned and checked again ({@code rounds} at
 *       most); the kernel with the lowest exhaustive error is kept.
 *   <li>The ranked front is the Pareto front of the kernels by cost and checked error (exhaustive
 *       where checked, else on the larger sample).
 * </ol>
 *
 * <p>Deterministic: every bound is a count, each re-tuning's seed is derived from (seed, kernel,
 * round), counterexamples are kept sorted, and the verifier's figures do not depend on its thread
 * count. Only float targets with one input are ranked; {@link #rank} returns null for others.
 */
public final class FrontRanker {
  private FrontRanker() {}

  private static final long SAMPLE_SALT = 0x52_414E_4B5EEDL;

  /**
   * Whether {@link #rank} ranks fronts of this target: a float target of one input.
   *
   * @param target the target
   */
  public static boolean ranks(Target target) {
    return target instanceof FloatTarget
        && target.signature().inputs().size() == 1
        && target.signature().inputs().get(0) == Type.F;
  }

  /**
   * Ranks a front.
   *
   * @param target the target
   * @param training the search's training sample options
   * @param front the search's final front, by increasing cost
   * @param policy the policy
   * @param seed the search's seed
   * @param threads threads of the exhaustive checks (results do not depend on it)
   * @param log receives a line after each exhaustive check (progress; may be a no-op)
   * @return the ranking, or null if {@link #ranks} says no
   */
  public static RankResult rank(
      Target target,
      ScoreOptions training,
      List<FrontEntry> front,
      RankPolicy policy,
      long seed,
      int threads,
      Consumer<String> log) {
    if (!ranks(target)) {
      return null;
    }
    FloatTarget ft = (FloatTarget) target;
    FloatDomain domain = ft.spec().domain();
    boolean exhaustive = ft.domainSize().isPresent();
    long sampleSeed = seed ^ SAMPLE_SALT;
    double[] train = ft.sample(training).points();
    double[] large = ft.sample(ScoreOptions.training(policy.samplePoints(), sampleSeed)).points();
    Scorer largeScorer = ft.scorerAt(large, sampleSeed);
    Scorer trainScorer = ft.scorer(training);
    TuningConfig tuning = retuning(ft, policy);
    long scorings = 0;
    long counterexamples = 0;
    int n = front.size();
    Program[] best = new Program[n];
    double[] largeError = new double[n];
    double[] foundLarge = new double[n];
    List<TreeSet<Double>> found = new ArrayList<>();
    double[] res = new double[large.length];
    for (int i = 0; i < n; i++) {
      Program p = Kernels.stripDead(front.get(i).program());
      TreeSet<Double> c = new TreeSet<>();
      if (safeResiduals(largeScorer, p, res)) {
        for (int k : worst(res, policy.worstPoints())) {
          addWithNeighbours(c, large[k], policy.neighbours(), domain);
        }
      }
      found.add(c);
      foundLarge[i] = safeError(largeScorer, p);
      Tuned t = retune(ft, train, large, c, p, tuning, derive(seed, i, 0));
      scorings += t.evaluations();
      best[i] = t.program();
      largeError[i] = safeError(largeScorer, best[i]);
    }
    // Entrants: better on the larger sample than every cheaper kernel.
    boolean[] entrant = new boolean[n];
    double bar = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (largeError[i] < bar) {
        entrant[i] = true;
        bar = largeError[i];
      }
    }
    Score[] check = new Score[n];
    for (int i = 0; i < n; i++) {
      check[i] = largeScorer.score(best[i]);
    }
    int checks = 0;
    int windowChecks = 0;
    if (exhaustive) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order, Comparator.<Integer>comparingDouble(i -> largeError[i]).thenComparingInt(i -> i));
      ScoreOptions all = ScoreOptions.exhaustive().withThreads(Math.max(1, threads));
      FloatTarget window = window(ft);
      // Bit-trick kernels get twice the window checks: the magic constant's pattern search takes
      // some 45 of them before the float constants' climb.
      int bits = ft.primitives().allows(Op.FROMBITS) ? 2 : 1;
      for (int i : order) {
        if (!entrant[i]) {
          continue;
        }
        int budget =
            Math.min(
                bits * policy.windowChecksPerKernel(), bits * policy.windowChecks() - windowChecks);
        if (window != null && budget > 0) {
          Refiner r =
              new Refiner(
                  ft, window, all, train, large, largeScorer, found.get(i), policy, seed, i, log);
          best[i] = r.refine(best[i], budget);
          windowChecks += r.used;
          scorings += r.scorings;
          largeError[i] = safeError(largeScorer, best[i]);
          check[i] = largeScorer.score(best[i]);
        }
        if (checks < policy.exhaustiveChecks()) {
          Score s = verify(ft, best[i], all);
          checks++;
          if (s != null) {
            check[i] = s;
            log.accept(checkLine(checks, i, windowChecks, largeError[i], s));
          }
        }
      }
    }
    List<Ranked> ranked = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      FrontEntry e = front.get(i);
      double trainError = safeError(trainScorer, best[i]);
      FrontEntry after =
          best[i].equals(Kernels.stripDead(e.program()))
              ? e
              : FrontEntry.of(
                  best[i], Fitness.of(trainError, e.fitness().cost()), e.generation(), e.island());
      ranked.add(new Ranked(after, e, check[i], foundLarge[i]));
      counterexamples += found.get(i).size();
    }
    List<Ranked> kept = new ArrayList<>();
    double below = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double err = check[i].error();
      if (entrant[i] && err < below) {
        // Cost ties keep the first (the front is by increasing cost).
        if (!kept.isEmpty()
            && kept.get(kept.size() - 1).entry().fitness().cost()
                == ranked.get(i).entry().fitness().cost()) {
          kept.remove(kept.size() - 1);
        }
        kept.add(ranked.get(i));
        below = err;
      }
    }
    return new RankResult(kept, ranked, checks, counterexamples, scorings);
  }

  private static String checkLine(int check, int kernel, int windows, double sample, Score s) {
    return String.format(
        java.util.Locale.ROOT,
        "ranking: exhaustive check %d, front kernel %d (cost %s), after %d window checks in all:"
            + " larger sample %.6g, exhaustive %.6g (worst input %s)",
        check,
        kernel,
        s.cost(),
        windows,
        sample,
        s.error(),
        s.value("worst_input").orElse(Double.NaN));
  }

  /** At most this many points: the whole domain is the window. */
  static final long WHOLE_WINDOW = 1L << 24;

  /**
   * The dense window of a target whose domain can be enumerated: the same target on the values
   * whose magnitude is at least a sixteenth of the domain's largest (the top four binades, where
   * value-uniform points fall most), or the target itself if its domain has at most {@link
   * #WHOLE_WINDOW} values; null if the window would be empty.
   */
  static FloatTarget window(FloatTarget ft) {
    FloatDomain d = ft.spec().domain();
    if (d.size() <= WHOLE_WINDOW) {
      return ft;
    }
    Interval hull = d.finiteHull();
    double t = Math.max(Math.abs(hull.lo()), Math.abs(hull.hi())) / 16;
    List<Interval> parts = new ArrayList<>();
    for (Interval iv : d.intervals()) {
      if (iv.hi() >= t) {
        boolean keep = iv.lo() >= t;
        parts.add(
            new Interval(keep ? iv.lo() : t, keep ? iv.loClosed() : true, iv.hi(), iv.hiClosed()));
      }
      if (iv.lo() <= -t) {
        boolean keep = iv.hi() <= -t;
        parts.add(
            new Interval(iv.lo(), iv.loClosed(), keep ? iv.hi() : -t, keep ? iv.hiClosed() : true));
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    try {
      FloatTargetSpec sp = ft.spec();
      return FloatTarget.of(
          new FloatTargetSpec(
              sp.name() + "-window",
              sp.summary(),
              FloatDomain.of(d.format(), parts),
              sp.reference(),
              sp.metric(),
              sp.plan(),
              sp.primitives(),
              sp.costModel(),
              List::of));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * One kernel's refinement on the dense window: counterexample rounds (the window check's worst
   * input and its neighbours join, re-tune, check again), then a climb over the neighbouring values
   * of each constant, judged by the larger error of the window (exhaustive) and of the larger
   * sample with the counterexamples; a neighbour that is not better on the samples is rejected
   * without a window check.
   */
  private static final class Refiner {
    private final FloatTarget ft;
    private final FloatTarget window;
    private final ScoreOptions all;
    private final double[] train;
    private final double[] large;
    private final Scorer largeScorer;
    private final TreeSet<Double> c;
    private final RankPolicy policy;
    private final long seed;
    private final int kernel;
    private final Consumer<String> log;
    private Scorer cScorer;
    int used;
    long scorings;

    /** The judged error of the last kernel {@link #better} returned. */
    private double betterError;

    /**
     * {@code q} with the constants at {@code sites} set to {@code v} if its judged error (the
     * window's exact maximum and the samples') is below {@code jq}, else null; counts the scoring
     * and the window check it took ({@link #betterError} holds the error it returns with).
     */
    private Program better(Program q, int[] sites, double[] v, double jq) {
      Program q2;
      try {
        q2 = Literals.with(q, sites, v);
      } catch (RuntimeException e) {
        return null;
      }
      return better(q2, jq);
    }

    /** {@link #better(Program, int[], double[], double)} for a kernel already changed. */
    private Program better(Program q2, double jq) {
      scorings++;
      if (sampled(q2) >= jq) {
        return null;
      }
      Score s2 = verify(window, q2, all);
      used++;
      if (s2 == null) {
        return null;
      }
      double j2 = Math.max(s2.error(), sampled(q2));
      if (j2 < jq) {
        betterError = j2;
        return q2;
      }
      return null;
    }

    Refiner(
        FloatTarget ft,
        FloatTarget window,
        ScoreOptions all,
        double[] train,
        double[] large,
        Scorer largeScorer,
        TreeSet<Double> c,
        RankPolicy policy,
        long seed,
        int kernel,
        Consumer<String> log) {
      this.ft = ft;
      this.window = window;
      this.all = all;
      this.train = train;
      this.large = large;
      this.largeScorer = largeScorer;
      this.c = c;
      this.policy = policy;
      this.seed = seed;
      this.kernel = kernel;
      this.log = log;
      rebuild();
    }

    private void rebuild() {
      double[] pts = new double[c.size()];
      int k = 0;
      for (double v : c) {
        pts[k++] = v;
      }
      cScorer = pts.length == 0 ? null : ft.scorerAt(pts, seed);
    }

    private double sampled(Program q) {
      double e = safeError(largeScorer, q);
      return cScorer == null ? e : Math.max(e, safeError(cScorer, q));
    }

    /**
     * One pattern search over the integer constants the size of a float32 code (a magic constant
     * feeding {@code frombits}), where the target's primitives have {@code frombits}: steps of
     * {@link #BITS_FIRST_STEP} codes down to 1, in each direction, moving while a move is better
     * and halving the step when neither is; each candidate's float constants are re-fitted (the
     * re-tuning on the samples and counterexamples, integer constants fixed), then judged as the
     * float neighbours are (the window's exact maximum and the samples'). The counterexample-guided
     * coordinate descent of the magic constant: a sample alone misses the single inputs where the
     * correction's argument is extreme, and they move with the constant. Returns {@code q} itself
     * if nothing was better, else the best kernel ({@link #betterError} its judged error).
     */
    private Program bitsSweep(Program q, int budget, double jq) {
      if (!ft.primitives().allows(Op.FROMBITS)) {
        return q;
      }
      int[] ints = Literals.intSites(q);
      Program start = q;
      double j = jq;
      TuningConfig floatsOnly = retuning(ft, policy).withIntClimbEvaluations(0);
      int round = 0;
      for (int k = 0; k < ints.length && used < budget; k++) {
        if (!Literals.isI32(q, ints[k]) || Math.abs(Literals.intValues(q, ints)[k]) < 1L << 23) {
          continue;
        }
        long step = BITS_FIRST_STEP;
        while (step >= 1 && used < budget) {
          boolean moved = false;
          for (int dir = -1; dir <= 1 && used < budget && !moved; dir += 2) {
            long[] v = Literals.intValues(q, ints);
            v[k] = (int) (v[k] + dir * step);
            Program q2;
            try {
              Program m = Literals.withInts(q, ints, v);
              Tuned t =
                  retune(ft, train, large, c, m, floatsOnly, derive(seed, kernel, 2000 + round));
              round++;
              scorings += t.evaluations();
              q2 = better(t.program(), j);
            } catch (RuntimeException e) {
              q2 = null;
            }
            if (q2 != null) {
              q = q2;
              j = betterError;
              moved = true;
            }
          }
          if (!moved) {
            step >>= 1;
          }
        }
      }
      betterError = j;
      return q == start ? start : q;
    }

    Program refine(Program start, int budget) {
      Program q = start;
      TuningConfig tuning = retuning(ft, policy);
      Score sw = verify(window, q, all);
      used++;
      if (sw == null) {
        return q;
      }
      double jq = Math.max(sw.error(), sampled(q));
      double firstJ = jq;
      double worst = sw.value("worst_input").orElse(Double.NaN);
      // The constants fitted to the real-valued error, rounded: a start free of rounding noise.
      Program qr = RealFit.fit(ft, union(train, large, c), q, REAL_STEPS, derive(seed, kernel, 99));
      if (qr != q && used < budget) {
        Score s2 = verify(window, qr, all);
        used++;
        if (s2 != null) {
          double j2 = Math.max(s2.error(), sampled(qr));
          if (j2 < jq) {
            q = qr;
            sw = s2;
            jq = j2;
            worst = s2.value("worst_input").orElse(Double.NaN);
          }
        }
      }
      for (int r = 1; r <= policy.rounds() && used < budget; r++) {
        if (!Double.isFinite(worst) || !ft.spec().domain().contains(worst)) {
          break;
        }
        addWithNeighbours(c, worst, policy.neighbours(), ft.spec().domain());
        rebuild();
        jq = Math.max(sw.error(), sampled(q));
        Tuned t = retune(ft, train, large, c, q, tuning, derive(seed, kernel, r));
        scorings += t.evaluations();
        if (t.program() == q) {
          break;
        }
        Score s2 = verify(window, t.program(), all);
        used++;
        if (s2 == null) {
          break;
        }
        double j2 = Math.max(s2.error(), sampled(t.program()));
        worst = s2.value("worst_input").orElse(Double.NaN);
        if (j2 < jq) {
          q = t.program();
          sw = s2;
          jq = j2;
        }
      }
      {
        // The magic constants first: the pattern search with the floats re-fitted (bitsSweep).
        Program q2 = bitsSweep(q, budget, jq);
        if (q2 != q) {
          q = q2;
          jq = betterError;
        }
      }
      // The climb over neighbouring constants: first improvement, sweeps until none improves.
      NumberFormat f = ft.spec().domain().format();
      int[] sites = Literals.sites(q);
      boolean improved = true;
      while (improved && used < budget) {
        improved = false;
        for (int k = 0; k < sites.length && used < budget; k++) {
          for (int dir = 0; dir < 2 && used < budget; dir++) {
            double[] v = Literals.values(q, sites);
            double nv = next(f, v[k], dir == 0);
            if (!Double.isFinite(nv)) {
              continue;
            }
            v[k] = nv;
            Program q2 = better(q, sites, v, jq);
            if (q2 != null) {
              q = q2;
              jq = betterError;
              improved = true;
            }
          }
        }
      }
      // Then random moves of one to three constants by one to three steps each (seeded): the
      // rounding errors of the evaluation change with them, the real-valued error barely.
      SplittableRandom rnd = new SplittableRandom(derive(seed, kernel, 1000));
      for (int tries = 0; tries < RANDOM_TRIES && used < budget && sites.length > 0; tries++) {
        double[] v = Literals.values(q, sites);
        int moves = 1 + rnd.nextInt(Math.min(3, sites.length));
        for (int m = 0; m < moves; m++) {
          int k = rnd.nextInt(sites.length);
          int steps = 1 + rnd.nextInt(3);
          boolean up = rnd.nextBoolean();
          for (int j = 0; j < steps; j++) {
            v[k] = next(f, v[k], up);
          }
        }
        Program q2 = better(q, sites, v, jq);
        if (q2 != null) {
          q = q2;
          jq = betterError;
        }
      }
      log.accept(
          String.format(
              java.util.Locale.ROOT,
              "ranking: front kernel %d: max over the window and the samples %.6g -> %.6g in %d"
                  + " window checks",
              kernel,
              firstJ,
              jq,
              used));
      return q;
    }
  }

  /**
   * The first step, in codes, of the pattern search of a magic constant on the window: half of the
   * significand field, so that the search can reach any value of the field (only the field matters:
   * 2^23 codes less halve the value, which the float constants absorb).
   */
  static final long BITS_FIRST_STEP = 1L << 22;

  /** The most random moves tried (scored on the samples) per kernel after the climb. */
  static final int RANDOM_TRIES = 3000;

  /** Minimax steps of the real-valued fit. */
  static final int REAL_STEPS = 30;

  static double[] union(double[] train, double[] large, TreeSet<Double> counterexamples) {
    double[] points = new double[train.length + large.length + counterexamples.size()];
    System.arraycopy(train, 0, points, 0, train.length);
    System.arraycopy(large, 0, points, train.length, large.length);
    int k = train.length + large.length;
    for (double v : counterexamples) {
      points[k++] = v;
    }
    return points;
  }

  /**
   * The tuner settings of every re-tuning: minimax steps and the ULP climb of the policy, no
   * CMA-ES; where the target's primitives include {@code frombits}, also the joint search of the
   * integer constants (a magic constant) with the float constants re-fitted to each, {@link
   * #INT_EVALUATIONS} scorings.
   */
  static TuningConfig retuning(FloatTarget ft, RankPolicy policy) {
    int ints = ft.primitives().allows(Op.FROMBITS) ? INT_EVALUATIONS : 0;
    return TuningConfig.of(0, 0, 0, 12, 0.3, policy.climbEvaluations(), policy.refineSteps(), ints);
  }

  /**
   * Scorings of the integer search of a re-tuning of a bit-trick kernel: about 100 integer
   * candidates, each with its float constants re-fitted.
   */
  static final int INT_EVALUATIONS = 4000;

  /** A re-tuning on training, large sample and counterexamples; keeps {@code p} unless better. */
  private static Tuned retune(
      FloatTarget ft,
      double[] train,
      double[] large,
      TreeSet<Double> counterexamples,
      Program p,
      TuningConfig tuning,
      long seed) {
    double[] points = union(train, large, counterexamples);
    CandidateScorer scorer = new PointScorer(ft.scorerAt(points, seed));
    double before = safeError(scorer, p);
    return Search.tuner(scorer, tuning).tune(p, before, seed);
  }

  private static Score verify(FloatTarget ft, Program p, ScoreOptions all) {
    try {
      return ft.verify(p, all);
    } catch (TargetException | EvaluationException e) {
      return null;
    }
  }

  /** Indices of the {@code k} largest absolute values, ties to the lower index. */
  static int[] worst(double[] res, int k) {
    int n = res.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(
        idx, Comparator.<Integer>comparingDouble(i -> -Math.abs(res[i])).thenComparingInt(i -> i));
    int m = Math.min(k, n);
    int[] out = new int[m];
    for (int i = 0; i < m; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  /** Adds {@code x} and up to {@code w} neighbouring values of the domain's format each side. */
  static void addWithNeighbours(TreeSet<Double> c, double x, int w, FloatDomain domain) {
    c.add(x);
    NumberFormat f = domain.format();
    double up = x;
    double down = x;
    for (int j = 0; j < w; j++) {
      up = next(f, up, true);
      down = next(f, down, false);
      if (domain.contains(up)) {
        c.add(up);
      }
      if (domain.contains(down)) {
        c.add(down);
      }
    }
  }

  private static double next(NumberFormat f, double x, boolean up) {
    if (f == NumberFormat.FLOAT32) {
      return up ? Math.nextUp((float) x) : Math.nextDown((float) x);
    }
    if (f == NumberFormat.FLOAT64) {
      return up ? Math.nextUp(x) : Math.nextDown(x);
    }
    // Narrow formats: the next code by rounding a nudged value.
    double u = Math.ulp(x == 0 ? Double.MIN_NORMAL : x);
    double y = x;
    for (int s = 0; s < 200 && y == x; s++) {
      u *= 2;
      y = f.round(up ? x + u : x - u);
    }
    return y;
  }

  private static boolean safeResiduals(Scorer s, Program p, double[] out) {
    try {
      return s.residuals(p, out);
    } catch (EvaluationException | TargetException e) {
      return false;
    }
  }

  private static double safeError(Scorer s, Program p) {
    try {
      double e = s.error(p);
      return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    } catch (EvaluationException | TargetException e) {
      return Double.POSITIVE_INFINITY;
    }
  }

  private static double safeError(CandidateScorer s, Program p) {
    try {
      double e = s.error(p);
      return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    } catch (EvaluationException | TargetException e) {
      return Double.POSITIVE_INFINITY;
    }
  }

  /** A seed for (seed, kernel, round). */
  static long derive(long seed, int kernel, int round) {
    return new SplittableRandom(seed ^ SAMPLE_SALT).split().nextLong()
        ^ (0x9E3779B97F4A7C15L * (kernel + 1))
        ^ (0xC2B2AE3D27D4EB4FL * (round + 1));
  }
}
