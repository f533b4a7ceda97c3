package numevo.targets.seq;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import numevo.dsl.program.Limits;

/**
 * Fits {@link RecurrenceForm}s to a sequence's training terms by exact linear algebra: for each
 * form, smallest first, the homogeneous system in its unknown coefficients (one equation per
 * training position past the form's order) is reduced modulo primes; each vector of the null space
 * with a nonzero divisor part is lifted to coprime integers ({@link Modular#liftVector}), checked
 * exactly on every training equation, and turned into a kernel ({@link FormKernels}) that is scored
 * on the training terms: a fit is a kernel that reproduces every training term after its initial
 * ones. The held-out terms are scored too (for the verdict) but never decide whether or which form
 * fits.
 *
 * <p>Two safeguards against fits that are no law: a form is tried only with {@link FitConfig#spare}
 * more equations than its unknowns fix; and a polynomial fit whose coefficients share a factor in
 * {@code n} (which vanishes at some {@code n} and there switches the equation off) must hold with
 * the factor divided out, as in {@link PRecursiveGuesser}. Where the divisor vanishes at a training
 * position the recurrence starts after it (earlier terms are initial terms), and the equations past
 * that start must still number {@link FitConfig#spare} more than the unknowns fix. A fit whose
 * numerator is zero ({@code D(n) a(n) = 0}) is rejected: it holds trivially wherever the terms or
 * the divisor vanish.
 */
public final class RecurrenceFitter {
  private final FitConfig config;

  private RecurrenceFitter(FitConfig config) {
    this.config = config;
  }

  /** A fitter with the given bounds. */
  public static RecurrenceFitter of(FitConfig config) {
    return new RecurrenceFitter(Objects.requireNonNull(config, "config"));
  }

  /**
   * An exact fit.
   *
   * @param form the form fitted
   * @param recurrence the kernel (its order is its start) and its formula
   * @param score its score on the whole split
   */
  public record Fit(RecurrenceForm form, Recurrence recurrence, SeqScore score) {
    public Fit {
      Objects.requireNonNull(form, "form");
      Objects.requireNonNull(recurrence, "recurrence");
      Objects.requireNonNull(score, "score");
    }
  }

  /** The forms tried, in order: fewest unknowns first, then lowest order, polynomial first. */
  public List<RecurrenceForm> forms() {
    List<RecurrenceForm> f = new ArrayList<>();
    for (int r = 1; r <= config.maxOrder(); r++) {
      f.add(RecurrenceForm.polynomial(r, 0, false));
      f.add(RecurrenceForm.polynomial(r, 0, true));
    }
    for (int r = 1; r <= config.maxPolyOrder(); r++) {
      for (int d = 1; d <= config.maxDegree(); d++) {
        f.add(RecurrenceForm.polynomial(r, d, false));
        f.add(RecurrenceForm.polynomial(r, d, true));
      }
    }
    for (int m = 1; m <= config.maxQuadraticTerms(); m++) {
      f.add(RecurrenceForm.quadratic(0, m));
    }
    for (int k = 2; k <= config.maxDivisorLag(); k++) {
      f.add(RecurrenceForm.quadratic(k, k - 1));
    }
    f.sort(
        Comparator.comparingInt(RecurrenceForm::unknowns)
            .thenComparingInt(RecurrenceForm::order)
            .thenComparing(RecurrenceForm::kind));
    return List.copyOf(f);
  }

  /**
   * The exact fits of the forms to the scorer's training terms, at most {@link FitConfig#maxFits},
   * in the order of {@link #forms()} (at most one per form). After the first fit, a larger form is
   * kept only if it needs no more initial terms (a recurrence of order {@code r} also fits every
   * form of a higher order that contains it, which would only take more initial terms) and is not
   * the same kernel as an earlier fit (a larger form often reduces to the smaller one's solution).
   *
   * @param scorer the scorer of the split sequence
   */
  public List<Fit> fit(SeqScorer scorer) {
    SequenceSplit split = scorer.split();
    List<BigInteger> s = split.trainTerms();
    int offset = split.data().offset();
    long[] primes = Arrays.copyOf(Modular.PRIMES, config.primes());
    long[][] residues = new long[primes.length][s.size()];
    for (int i = 0; i < primes.length; i++) {
      for (int j = 0; j < s.size(); j++) {
        residues[i][j] = Modular.mod(s.get(j), primes[i]);
      }
    }
    List<Fit> fits = new ArrayList<>();
    for (RecurrenceForm form : forms()) {
      int rows = s.size() - form.order();
      if (rows < form.unknowns() - 1 + config.spare()) {
        continue;
      }
      if (!fits.isEmpty() && form.order() > fits.get(0).recurrence().start()) {
        continue;
      }
      Fit f = fitForm(scorer, form, s, offset, residues, primes, config.spare());
      if (f != null
          && (fits.isEmpty() || f.recurrence().start() <= fits.get(0).recurrence().start())
          && fits.stream()
              .noneMatch(x -> x.recurrence().kernel().equals(f.recurrence().kernel()))) {
        fits.add(f);
        if (fits.size() == config.maxFits()) {
          break;
        }
      }
    }
    return List.copyOf(fits);
  }

  private static Fit fitForm(
      SeqScorer scorer,
      RecurrenceForm form,
      List<BigInteger> s,
      int offset,
      long[][] residues,
      long[] primes,
      int spare) {
    int unknowns = form.unknowns();
    ModularMatrix.Reduced first =
        ModularMatrix.reduce(system(form, residues[0], offset, primes[0]), primes[0]);
    if (first.rank() == unknowns) {
      return null; // trivial mod p, so trivial over the rationals
    }
    ModularMatrix.Reduced[] red = new ModularMatrix.Reduced[primes.length];
    red[0] = first;
    for (int i = 1; i < primes.length; i++) {
      red[i] = ModularMatrix.reduce(system(form, residues[i], offset, primes[i]), primes[i]);
    }
    for (BigInteger[] lifted : ModularMatrix.liftedNullSpace(red, primes, unknowns)) {
      BigInteger[] v = lifted;
      if (v == null
          || !hasDivisor(form, v)
          || !hasNumerator(form, v)
          || !holds(form, v, offset, s)) {
        continue;
      }
      if (form.degree() > 0) {
        v = withoutCommonFactor(form, v);
        if (v == null || !holds(form, v, offset, s)) {
          continue; // a masked fit
        }
      }
      Fit f = build(scorer, form, v, offset, s, spare);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /**
   * Builds and scores the kernel of a solution; null if it does not reproduce the training terms.
   */
  private static Fit build(
      SeqScorer scorer,
      RecurrenceForm form,
      BigInteger[] v,
      int offset,
      List<BigInteger> s,
      int spare) {
    int start = form.order();
    for (int k = form.order(); k < s.size(); k++) {
      if (divisorAt(form, v, offset, s, k).signum() == 0) {
        start = k + 1;
      }
    }
    // The equations the recurrence computes terms from (those past its start) must still
    // over-determine the fit: a divisor that vanishes late leaves only a few, which fit noise.
    if (s.size() - start < form.unknowns() - 1 + spare || start + 1 > Limits.MAX_PORTS) {
      return null;
    }
    String name = "fit_" + SolverNames.identifier(scorer.split().data().id());
    var kernel = FormKernels.kernel(name, form, v, start);
    Recurrence rec = Recurrence.of(kernel, Recurrences.formula(kernel).orElse(form.describe()));
    SeqScore score = scorer.score(rec);
    return score.fitsTraining() ? new Fit(form, rec, score) : null;
  }

  /** Whether some coefficient of a column holding {@code a(n)} is nonzero. */
  private static boolean hasDivisor(RecurrenceForm form, BigInteger[] v) {
    for (int j = 0; j < v.length; j++) {
      if (form.columns().get(j).holdsTerm() && v[j].signum() != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether some coefficient of a column without {@code a(n)} is nonzero: with none, the fit is
   * {@code D(n) a(n) = 0}, which holds wherever a term or the divisor is zero and predicts only
   * zeros ({@code a(n) = 0 / a(n-k)} "fits" a mostly-zero sequence).
   */
  private static boolean hasNumerator(RecurrenceForm form, BigInteger[] v) {
    for (int j = 0; j < v.length; j++) {
      if (!form.columns().get(j).holdsTerm() && v[j].signum() != 0) {
        return true;
      }
    }
    return false;
  }

  /** The divisor {@code D} at training position {@code k}: the {@code a(n)} columns over a(n). */
  private static BigInteger divisorAt(
      RecurrenceForm form, BigInteger[] v, int offset, List<BigInteger> s, int k) {
    BigInteger n = BigInteger.valueOf((long) offset + k);
    BigInteger d = BigInteger.ZERO;
    for (int j = 0; j < v.length; j++) {
      RecurrenceForm.Column c = form.columns().get(j);
      if (!c.holdsTerm() || v[j].signum() == 0) {
        continue;
      }
      int other = c.lag1() == 0 ? c.lag2() : c.lag1();
      BigInteger m = n.pow(c.power());
      if (other > 0) {
        m = m.multiply(s.get(k - other));
      }
      d = d.add(v[j].multiply(m));
    }
    return d;
  }

  /** Whether every training equation holds exactly. */
  private static boolean holds(
      RecurrenceForm form, BigInteger[] v, int offset, List<BigInteger> s) {
    for (int k = form.order(); k < s.size(); k++) {
      BigInteger n = BigInteger.valueOf((long) offset + k);
      BigInteger sum = BigInteger.ZERO;
      for (int j = 0; j < v.length; j++) {
        if (v[j].signum() != 0) {
          sum = sum.add(v[j].multiply(value(form.columns().get(j), n, s, k)));
        }
      }
      if (sum.signum() != 0) {
        return false;
      }
    }
    return true;
  }

  private static BigInteger value(
      RecurrenceForm.Column c, BigInteger n, List<BigInteger> s, int k) {
    BigInteger m = n.pow(c.power());
    if (c.lag1() >= 0) {
      m = m.multiply(s.get(k - c.lag1()));
    }
    if (c.lag2() >= 0) {
      m = m.multiply(s.get(k - c.lag2()));
    }
    return m;
  }

  /**
   * The solution with the greatest common factor in {@code n} of its polynomial groups (the
   * coefficients of one product of terms) divided out; the same if there is none.
   */
  private static BigInteger[] withoutCommonFactor(RecurrenceForm form, BigInteger[] v) {
    List<List<Integer>> groups = FormKernels.groups(form);
    BigInteger[][] polys = new BigInteger[groups.size()][];
    for (int g = 0; g < groups.size(); g++) {
      polys[g] = FormKernels.poly(form, v, groups.get(g));
    }
    BigInteger[] gcd = IntPolynomials.gcd(polys);
    if (IntPolynomials.degree(gcd) <= 0) {
      return v;
    }
    BigInteger[] out = v.clone();
    for (int g = 0; g < groups.size(); g++) {
      BigInteger[] q;
      try {
        q = IntPolynomials.divide(polys[g], gcd);
      } catch (ArithmeticException e) {
        return null;
      }
      for (int j : groups.get(g)) {
        out[j] = q[form.columns().get(j).power()];
      }
    }
    return out;
  }

  /**
   * The system mod p: one row per training position {@code k >= order}, one column per monomial.
   */
  private static long[][] system(RecurrenceForm form, long[] a, int offset, long p) {
    int r = form.order();
    int rows = a.length - r;
    List<RecurrenceForm.Column> cols = form.columns();
    long[][] m = new long[rows][cols.size()];
    for (int row = 0; row < rows; row++) {
      int k = r + row;
      long n = Math.floorMod((long) offset + k, p);
      for (int j = 0; j < cols.size(); j++) {
        RecurrenceForm.Column c = cols.get(j);
        long x = 1;
        for (int e = 0; e < c.power(); e++) {
          x = Modular.mul(x, n, p);
        }
        if (c.lag1() >= 0) {
          x = Modular.mul(x, a[k - c.lag1()], p);
        }
        if (c.lag2() >= 0) {
          x = Modular.mul(x, a[k - c.lag2()], p);
        }
        m[row][j] = x;
      }
    }
    return m;
  }
}
