package numevo.evolver.tune;

import java.util.Objects;
import java.util.function.ToDoubleFunction;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.evolver.genome.FormatSteps;
import numevo.evolver.genome.Literals;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;

/**
 * Tunes the constants (live finite float literals) of a kernel against its error: first CMA-ES
 * (Hipparchus' {@link CMAESOptimizer}) for the coarse fit, then a hill climb in ULP steps of the
 * kernel's format for the last bits. Both phases evaluate the exact objective (the scorer's error
 * with every constant rounded to the format); the best kernel seen is kept. Then its live i32 and
 * int literals are tuned by an integer hill climb on the error (small steps and bit flips, see
 * {@link TuningConfig#intClimbEvaluations()}).
 *
 * <p>CMA-ES works on relative changes, {@code c = c0 * (1 + z)} (or {@code c = z} for a zero
 * constant), so one step size suits constants of any magnitude. The hill climb moves one constant
 * at a time by 1, 2, 4... ULPs while that improves, in both directions, and repeats over the
 * constants until a pass improves nothing or the budget is spent.
 *
 * <p>Deterministic: the same kernel, seed and scorer give the same result. Immutable and
 * thread-safe if the scorer is.
 */
public final class ConstantTuner {
  /**
   * How far a finite-difference step must move the residuals, in rounding errors: the residuals of
   * a float kernel carry about one rounding error of noise that does not shrink with the step, so
   * the step is grown until that noise is a small fraction (here 1/16384) of the change. Smaller
   * thresholds were measured to leave degree-5 and -6 polynomials several ULPs from their optimum.
   */
  private static final double DIFFERENCE_OVER_NOISE = 16384;

  private final TuningConfig config;
  private final ToDoubleFunction<Program> error;
  private final ToDoubleFunction<Program> coarse;
  private final Residuals residuals;

  private ConstantTuner(
      TuningConfig config,
      ToDoubleFunction<Program> error,
      ToDoubleFunction<Program> coarse,
      Residuals residuals) {
    this.config = Objects.requireNonNull(config, "config");
    this.error = Objects.requireNonNull(error, "error");
    this.coarse = Objects.requireNonNull(coarse, "coarse");
    this.residuals = residuals;
  }

  /**
   * A tuner whose both phases minimize the error.
   *
   * @param config the effort per kernel
   * @param error the objective: a kernel's error (lower is better; NaN counts as {@code +Inf})
   */
  public static ConstantTuner of(TuningConfig config, ToDoubleFunction<Program> error) {
    return new ConstantTuner(config, error, error, null);
  }

  /**
   * A tuner whose CMA-ES phase minimizes a smoother proxy of the error (a maximum error is flat
   * almost everywhere in each constant; a root mean square is not), and whose hill climb the error
   * itself.
   *
   * @param config the effort per kernel
   * @param error the objective (lower is better; NaN counts as {@code +Inf})
   * @param coarse the proxy CMA-ES minimizes
   */
  public static ConstantTuner of(
      TuningConfig config, ToDoubleFunction<Program> error, ToDoubleFunction<Program> coarse) {
    return new ConstantTuner(config, error, coarse, null);
  }

  /**
   * A tuner with all three phases: CMA-ES on {@code coarse}, then up to {@link
   * TuningConfig#refineSteps()} linearized minimax steps fitted to {@code residuals}, then the ULP
   * hill climb on {@code error}.
   *
   * @param config the effort per kernel
   * @param error the objective (lower is better; NaN counts as {@code +Inf}); the maximum of the
   *     absolute residuals, where there are residuals
   * @param coarse the proxy CMA-ES minimizes
   * @param residuals the signed error per point, in the units of {@code error}
   */
  public static ConstantTuner of(
      TuningConfig config,
      ToDoubleFunction<Program> error,
      ToDoubleFunction<Program> coarse,
      Residuals residuals) {
    return new ConstantTuner(config, error, coarse, Objects.requireNonNull(residuals, "residuals"));
  }

  /** The best kernel seen so far and the scorings spent. */
  private final class Search {
    final Program base;
    final int[] sites;
    final NumberFormat format;
    double[] best;
    double bestError;
    long evaluations;

    Search(Program base, int[] sites, double baseError) {
      this.base = base;
      this.sites = sites;
      this.format = base.format();
      this.best = Literals.values(base, sites);
      this.bestError = baseError;
    }

    /** Scores constants (rounded to the format); keeps them if they beat the best. */
    double evaluate(double[] constants) {
      double[] c = new double[constants.length];
      for (int i = 0; i < c.length; i++) {
        c[i] = format.round(constants[i]);
        if (!Double.isFinite(c[i])) {
          return Double.MAX_VALUE;
        }
      }
      evaluations++;
      double e = error.applyAsDouble(Literals.with(base, sites, c));
      if (Double.isNaN(e)) {
        e = Double.POSITIVE_INFINITY;
      }
      if (e < bestError) {
        bestError = e;
        best = c;
      }
      // CMA-ES needs finite values to rank.
      return Math.min(e, Double.MAX_VALUE);
    }
  }

  /**
   * Tunes a kernel: its float constants (CMA-ES, minimax steps, ULP climb), then its integer
   * constants ({@link #intClimb}).
   *
   * @param p the kernel
   * @param pError its error (as the objective gives it), so that it is not scored again
   * @param seed seeds CMA-ES
   * @return the best kernel found; {@code p} itself with no evaluations if it has no constant
   */
  public Tuned tune(Program p, double pError, long seed) {
    int[] sites = Literals.sites(p);
    int[] ints = config.intClimbEvaluations() > 0 ? Literals.intSites(p) : new int[0];
    if (sites.length == 0 && ints.length == 0) {
      return new Tuned(p, pError, 0);
    }
    double baseError = Double.isNaN(pError) ? Double.POSITIVE_INFINITY : pError;
    Program current = p;
    double currentError = baseError;
    long evaluations = 0;
    if (sites.length > 0) {
      Search s = new Search(p, sites, baseError);
      if (config.cmaEvaluations() > 0) {
        cma(s, seed);
      }
      if (config.refineSteps() > 0 && residuals != null) {
        refine(s);
      }
      if (config.climbEvaluations() > 0) {
        climb(s, s.evaluations + config.climbEvaluations());
      }
      evaluations += s.evaluations;
      if (s.bestError < currentError) {
        current = Literals.with(p, sites, s.best);
        currentError = s.bestError;
      }
    }
    long intEvaluations = 0;
    if (ints.length > 0 && sites.length > 0 && residuals != null && config.refineSteps() > 0) {
      Joint j = new Joint(current, ints, sites, currentError);
      jointSearch(j, config.intClimbEvaluations());
      intEvaluations = j.evaluations;
      evaluations += j.evaluations;
      if (j.bestError < currentError) {
        current = j.bestProgram;
        currentError = j.bestError;
        if (config.climbEvaluations() > 0) {
          // The last bits of the float constants fitted to the new integer constants.
          Search s = new Search(current, sites, currentError);
          climb(s, config.climbEvaluations());
          evaluations += s.evaluations;
          if (s.bestError < currentError) {
            current = Literals.with(current, sites, s.best);
            currentError = s.bestError;
          }
        }
      }
    } else if (ints.length > 0) {
      IntSearch is = new IntSearch(current, ints, currentError);
      intClimb(is, config.intClimbEvaluations());
      intEvaluations = is.evaluations;
      evaluations += is.evaluations;
      if (is.bestError < currentError) {
        current = Literals.withInts(current, ints, is.best);
        currentError = is.bestError;
      }
    }
    Program out = currentError < pError ? current : p;
    return new Tuned(out, Math.min(currentError, pError), evaluations, intEvaluations);
  }

  /** The best integer constants seen so far and the scorings spent. */
  private final class IntSearch {
    final Program base;
    final int[] sites;
    final boolean[] i32;
    long[] best;
    double bestError;
    long evaluations;

    IntSearch(Program base, int[] sites, double baseError) {
      this.base = base;
      this.sites = sites;
      this.i32 = new boolean[sites.length];
      for (int i = 0; i < sites.length; i++) {
        i32[i] = Literals.isI32(base, sites[i]);
      }
      this.best = Literals.intValues(base, sites);
      this.bestError = baseError;
    }

    /** Scores constants; keeps them if they beat the best (strictly). */
    void evaluate(long[] constants) {
      evaluations++;
      double e = error.applyAsDouble(Literals.withInts(base, sites, constants));
      if (Double.isNaN(e)) {
        e = Double.POSITIVE_INFINITY;
      }
      if (e < bestError) {
        bestError = e;
        best = constants;
      }
    }
  }

  /**
   * The integer hill climb: for each constant in turn, steps of 1, 2, 4... in each direction while
   * they improve (back to 1 when one fails), then each single-bit flip (bits 0 to 31 of an i32; of
   * an int, the bits up to two above its length), keeping every flip that improves; passes repeat
   * until one improves nothing or {@code budget} scorings are spent. Only strict improvements are
   * kept, so a flat objective ends the climb quickly. An i32 constant wraps to 32 bits.
   */
  private static void intClimb(IntSearch s, long budget) {
    boolean improved = true;
    while (improved && s.evaluations < budget) {
      improved = false;
      for (int i = 0; i < s.sites.length && s.evaluations < budget; i++) {
        int site = i;
        improved |=
            climbOne(
                1L << 30,
                () -> s.evaluations < budget,
                delta -> {
                  long[] c = s.best.clone();
                  long next = c[site] + delta;
                  c[site] = s.i32[site] ? (int) next : next;
                  if (c[site] == s.best[site] || (!s.i32[site] && Math.abs(next) > 1L << 62)) {
                    return Move.NONE;
                  }
                  double before = s.bestError;
                  s.evaluate(c);
                  return s.bestError < before ? Move.BETTER : Move.WORSE;
                });
        int bits =
            s.i32[i] ? 32 : Math.min(62, 64 - Long.numberOfLeadingZeros(Math.abs(s.best[i])) + 2);
        for (int b = 0; b < bits && s.evaluations < budget; b++) {
          long[] c = s.best.clone();
          c[i] = s.i32[i] ? (int) (c[i] ^ (1L << b)) : c[i] ^ (1L << b);
          double before = s.bestError;
          s.evaluate(c);
          improved |= s.bestError < before;
        }
      }
    }
  }

  /**
   * The joint search of integer and float constants: the best integer constants so far, the float
   * constants fitted to them, and the scorings spent (refits included).
   */
  private final class Joint {
    final int[] ints;
    final int[] sites;
    final boolean[] i32;
    long[] best;
    Program bestProgram;
    double bestError;
    long evaluations;

    Joint(Program p, int[] ints, int[] sites, double error) {
      this.ints = ints;
      this.sites = sites;
      this.i32 = new boolean[ints.length];
      for (int i = 0; i < ints.length; i++) {
        i32[i] = Literals.isI32(p, ints[i]);
      }
      this.best = Literals.intValues(p, ints);
      this.bestProgram = p;
      this.bestError = error;
    }

    /**
     * Scores integer constants {@code c} with the float constants re-fitted to them (linearized
     * minimax steps from the best float constants so far, then a short ULP climb, at most {@code
     * budget} scorings); keeps the pair if it beats the best (strictly).
     *
     * @return whether it did
     */
    boolean tryInts(long[] c, long budget) {
      Program moved = Literals.withInts(bestProgram, ints, c);
      evaluations++;
      double e0 = error.applyAsDouble(moved);
      Search s = new Search(moved, sites, Double.isNaN(e0) ? Double.POSITIVE_INFINITY : e0);
      s.evaluations = 0;
      refine(s, budget - 1);
      // A short ULP climb for the last bits the linearized steps leave.
      climb(s, Math.min(budget - 1, s.evaluations + 4L * sites.length + 4));
      evaluations += s.evaluations;
      if (s.bestError < bestError) {
        bestError = s.bestError;
        best = c;
        bestProgram = Literals.with(moved, sites, s.best);
        return true;
      }
      return false;
    }
  }

  /**
   * The integer search of a kernel that also has float constants (a magic constant such as {@code
   * 0x5f3759df} feeding {@code frombits}, and the coefficients of the correction after it): the
   * best float constants depend on the integer ones, so each integer candidate is scored with its
   * float constants re-fitted ({@link Joint#tryInts}); scoring it with the old float constants
   * would reject every large move. First a scan of the significand field of the constants the size
   * of a float32 code ({@link #scan}, half of the budget at most); then a pattern search per
   * constant, coarse to fine: the step starts at the scan's spacing for those, else at the largest
   * power of two at most a sixteenth of the constant's magnitude (at least 1, at most 2^28), and
   * tries both directions, moving while a move improves and halving when neither does, down to 1;
   * passes over the constants repeat until one improves nothing or {@code budget} scorings are
   * spent. Deterministic.
   */
  private void jointSearch(Joint j, long budget) {
    scan(j, budget / 2);
    long perRefit =
        Math.max(1, (long) Math.min(config.refineSteps(), 4) * (j.sites.length + 3))
            + 4L * j.sites.length
            + 4;
    boolean improved = true;
    while (improved && j.evaluations < budget) {
      improved = false;
      for (int i = 0; i < j.ints.length && j.evaluations < budget; i++) {
        long step = isCodeSized(j, i) ? SCAN_SPACING : startStep(j.best[i]);
        while (step >= 1 && j.evaluations < budget) {
          boolean moved = false;
          for (int dir = -1; dir <= 1 && j.evaluations < budget; dir += 2) {
            long[] c = j.best.clone();
            long next = c[i] + dir * step;
            c[i] = j.i32[i] ? (int) next : next;
            if (c[i] == j.best[i] || (!j.i32[i] && Math.abs(next) > 1L << 62)) {
              continue;
            }
            if (j.tryInts(c, Math.min(perRefit, budget - j.evaluations))) {
              moved = true;
              improved = true;
              break;
            }
          }
          if (!moved) {
            step >>= 1;
          }
        }
      }
    }
  }

  /**
   * The scan of {@link #jointSearch} over the i32 constants the size of a float32 code (at least
   * 2^23 in magnitude, as a magic constant is): keeping the bits above the significand field, each
   * of {@link #SCAN_VALUES} evenly spaced values of the 23-bit field, each scored with its float
   * constants re-fitted by two minimax steps (at most {@code budget} scorings in all). Only the
   * field matters: subtracting 2^23 from a code halves the value, which the float constants absorb.
   * The pattern search then starts from the best at the scan's spacing.
   */
  private void scan(Joint j, long budget) {
    long perRefit = Math.max(1, 2L * (j.sites.length + 3));
    for (int i = 0; i < j.ints.length; i++) {
      if (!isCodeSized(j, i)) {
        continue;
      }
      long high = j.best[i] & ~((1L << 23) - 1);
      for (int k = 0; k < SCAN_VALUES && j.evaluations < budget; k++) {
        long[] c = j.best.clone();
        c[i] = (int) (high | ((long) k * SCAN_SPACING + SCAN_SPACING / 2));
        if (c[i] != j.best[i]) {
          j.tryInts(c, Math.min(perRefit, budget - j.evaluations));
        }
      }
    }
  }

  private static boolean isCodeSized(Joint j, int i) {
    return j.i32[i] && Math.abs(j.best[i]) >= 1L << 23;
  }

  /** Values of the significand field that {@link #scan} tries. */
  static final int SCAN_VALUES = 64;

  /** The spacing of {@link #scan}'s values, and the first step of the pattern search after it. */
  static final long SCAN_SPACING = (1L << 23) / SCAN_VALUES;

  /**
   * The first step of {@link #jointSearch} for a constant: the largest power of two at most {@code
   * |v| / 16}, at least 1 and at most 2^28.
   */
  static long startStep(long v) {
    long m = Math.abs(v) >> 4;
    return m <= 1 ? 1 : Math.min(1L << 28, Long.highestOneBit(m));
  }

  /** What moving a constant did. */
  private enum Move {
    /** The move leaves the constant as it is (at the end of its range): nothing scored. */
    NONE,
    BETTER,
    WORSE
  }

  /**
   * The climb of one constant shared by the ULP and the integer climbs: in each direction, steps of
   * 1, 2, 4... units (at most {@code maxStep}) from the best while they improve, back to 1 when one
   * fails, until a single unit fails or the budget is spent.
   *
   * @param move scores the best constants with this one moved by the given signed units
   * @return whether any move improved
   */
  private static boolean climbOne(
      long maxStep,
      java.util.function.BooleanSupplier budgetLeft,
      java.util.function.LongFunction<Move> move) {
    boolean improved = false;
    for (int dir = -1; dir <= 1 && budgetLeft.getAsBoolean(); dir += 2) {
      long step = 1;
      while (budgetLeft.getAsBoolean()) {
        Move m = move.apply(dir * step);
        if (m == Move.NONE) {
          break;
        }
        if (m == Move.BETTER) {
          improved = true;
          step = Math.min(step * 2, maxStep);
        } else if (step > 1) {
          step = 1;
        } else {
          break;
        }
      }
    }
    return improved;
  }

  private void cma(Search s, long seed) {
    if (coarse == error) {
      cmaOn(s, seed, s::evaluate);
      return;
    }
    // Minimize the proxy; then score the proxy's best point with the error.
    double[][] bestCoarse = {null};
    double[] bestCoarseValue = {Double.POSITIVE_INFINITY};
    cmaOn(
        s,
        seed,
        c -> {
          double[] r = new double[c.length];
          for (int i = 0; i < r.length; i++) {
            r[i] = s.format.round(c[i]);
            if (!Double.isFinite(r[i])) {
              return Double.MAX_VALUE;
            }
          }
          s.evaluations++;
          double e = coarse.applyAsDouble(Literals.with(s.base, s.sites, r));
          if (!(e >= 0)) {
            e = Double.POSITIVE_INFINITY;
          }
          if (e < bestCoarseValue[0]) {
            bestCoarseValue[0] = e;
            bestCoarse[0] = r;
          }
          return Math.min(e, Double.MAX_VALUE);
        });
    if (bestCoarse[0] != null) {
      s.evaluate(bestCoarse[0]);
    }
  }

  private void cmaOn(Search s, long seed, java.util.function.ToDoubleFunction<double[]> f) {
    int d = s.sites.length;
    double[] c0 = s.best.clone();
    double[] z0 = new double[d];
    double[] sigma = new double[d];
    java.util.Arrays.fill(sigma, config.sigma());
    CMAESOptimizer cmaes =
        new CMAESOptimizer(Integer.MAX_VALUE, 0.0, true, 0, 0, new Well19937c(seed), false, null);
    try {
      cmaes.optimize(
          new MaxEval(config.cmaEvaluations()),
          new ObjectiveFunction(
              z -> {
                double[] c = new double[d];
                for (int i = 0; i < d; i++) {
                  c[i] = c0[i] == 0 ? z[i] : c0[i] * (1 + z[i]);
                }
                return f.applyAsDouble(c);
              }),
          GoalType.MINIMIZE,
          new InitialGuess(z0),
          SimpleBounds.unbounded(d),
          new CMAESOptimizer.Sigma(sigma),
          new CMAESOptimizer.PopulationSize(config.cmaPopulation()));
    } catch (MathIllegalStateException e) {
      // The evaluation budget ran out: the best point seen is kept in s.
    }
  }

  /**
   * Linearized minimax steps: residuals at the best constants, their derivatives by forward
   * differences (a step per constant grown until it moves the residuals well above rounding noise),
   * a {@link MinimaxRefiner} step, accepted if the true error improves (else half of it is tried),
   * until a step fails or {@link TuningConfig#refineSteps()} are done.
   */
  private void refine(Search s) {
    refine(s, Long.MAX_VALUE);
  }

  /** {@link #refine(Search)} stopping once {@code budget} scorings of {@code s} are spent. */
  private void refine(Search s, long budget) {
    int n = residuals.points();
    int d = s.sites.length;
    double noise = residuals.resolution();
    double[] r0 = new double[n];
    for (int step = 0; step < config.refineSteps() && s.evaluations < budget; step++) {
      double[] c = s.best.clone();
      s.evaluations++;
      if (!residuals.compute(Literals.with(s.base, s.sites, c), r0)) {
        return;
      }
      double[][] jacobian = new double[d][];
      for (int i = 0; i < d; i++) {
        jacobian[i] = derivative(s, c, i, r0, noise);
        if (jacobian[i] == null) {
          return;
        }
      }
      double[] delta = MinimaxRefiner.step(jacobian, r0);
      if (delta == null) {
        return;
      }
      double before = s.bestError;
      boolean improved = false;
      for (double fraction = 1; fraction >= 0.25 && !improved; fraction /= 2) {
        double[] next = c.clone();
        for (int i = 0; i < d; i++) {
          next[i] += fraction * delta[i];
        }
        s.evaluate(next);
        improved = s.bestError < before;
      }
      if (!improved) {
        return;
      }
    }
  }

  /** Forward-difference derivative of the residuals in constant i; null if none can be taken. */
  private double[] derivative(Search s, double[] c, int i, double[] r0, double noise) {
    int n = r0.length;
    double[] r1 = new double[n];
    double h = c[i] == 0 ? 0x1p-10 : Math.abs(c[i]) * 0x1p-8;
    for (int attempt = 0; attempt < 4; attempt++, h *= 16) {
      double[] moved = c.clone();
      moved[i] = s.format.round(c[i] + h);
      double actual = moved[i] - c[i];
      if (actual == 0 || !Double.isFinite(moved[i])) {
        continue;
      }
      s.evaluations++;
      if (!residuals.compute(Literals.with(s.base, s.sites, moved), r1)) {
        return null;
      }
      double change = 0;
      for (int j = 0; j < n; j++) {
        change = Math.max(change, Math.abs(r1[j] - r0[j]));
      }
      if (change >= DIFFERENCE_OVER_NOISE * noise || attempt == 3) {
        double[] g = new double[n];
        for (int j = 0; j < n; j++) {
          g[j] = (r1[j] - r0[j]) / actual;
        }
        return g;
      }
    }
    return null;
  }

  private static void climb(Search s, long budget) {
    boolean improved = true;
    while (improved && s.evaluations < budget) {
      improved = false;
      for (int i = 0; i < s.sites.length && s.evaluations < budget; i++) {
        int site = i;
        improved |=
            climbOne(
                1L << 20,
                () -> s.evaluations < budget,
                delta -> {
                  double[] c = s.best.clone();
                  c[site] = FormatSteps.step(s.format, c[site], delta);
                  if (c[site] == s.best[site]) {
                    return Move.NONE;
                  }
                  double before = s.bestError;
                  s.evaluate(c);
                  return s.bestError < before ? Move.BETTER : Move.WORSE;
                });
      }
    }
  }
}
