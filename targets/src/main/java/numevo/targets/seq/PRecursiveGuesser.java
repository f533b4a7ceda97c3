package numevo.targets.seq;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import numevo.dsl.program.Limits;

/**
 * Guesses a P-recursive (holonomic) recurrence {@code sum_{i=0..r} P_i(n) a(n-i) = 0} with
 * polynomial coefficients of degree at most {@code d}, where {@code n} is the index of the term
 * (offset included).
 *
 * <p>The shapes {@code (r, d)} are tried in order of their number of unknowns {@code (r+1)(d+1)},
 * then of {@code r}; a shape is tried only if the training terms give enough equations ({@link
 * PRecConfig#spare}). For each, the linear system in the coefficients (one equation per training
 * position {@code n >= r}) is reduced modulo a prime; a trivial null space there means none over
 * the rationals. Otherwise it is reduced modulo several primes, and each basis vector of the null
 * space (read from the reduced form, so the same rational vector for every prime with the same
 * pivots) is lifted to coprime integers and checked exactly on every training equation. The first
 * vector with {@code P_0 != 0} that passes is the answer.
 *
 * <p>Where {@code P_0(n) = 0} at a training position, the recurrence does not determine that term:
 * the recurrence then starts after the last such position, and earlier terms are initial terms (the
 * kernel takes as many previous terms as there are initial terms, the extra ones unused). A zero of
 * {@code P_0} among the held-out positions makes the kernel's division invalid there, and the
 * held-out terms are not predicted.
 */
public final class PRecursiveGuesser {
  /** The solver's name in results. */
  public static final String NAME = "p-recursive";

  private final PRecConfig config;

  private PRecursiveGuesser(PRecConfig config) {
    this.config = config;
  }

  /** A guesser with the given settings. */
  public static PRecursiveGuesser of(PRecConfig config) {
    return new PRecursiveGuesser(Objects.requireNonNull(config, "config"));
  }

  /**
   * Looks for a recurrence in the scorer's training terms and scores it on the whole split.
   *
   * @param scorer the scorer of the split sequence
   */
  public SolverResult find(SeqScorer scorer) {
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
    int tried = 0;
    for (int[] shape : shapes()) {
      int r = shape[0];
      int d = shape[1];
      int unknowns = (r + 1) * (d + 1);
      if (s.size() - r < unknowns - 1 + config.spare()) {
        continue;
      }
      tried++;
      ModularMatrix.Reduced first =
          ModularMatrix.reduce(system(residues[0], offset, r, d, primes[0]), primes[0]);
      if (first.rank() == unknowns) {
        continue; // trivial mod p, so trivial over the rationals
      }
      BigInteger[][] p =
          solve(config.rejectCommonFactors(), residues, primes, offset, r, d, first, s);
      if (p != null) {
        int start = start(p, offset, r, s.size());
        if (start + 1 > Limits.MAX_PORTS) {
          return new SolverResult.NoneFound(
              NAME,
              RecurrenceKernels.formula(p)
                  + " holds, but P_0 vanishes late: "
                  + start
                  + " initial terms are more than a kernel's "
                  + (Limits.MAX_PORTS - 1)
                  + " previous-term inputs");
        }
        if (start < s.size()) {
          Recurrence rec =
              Recurrence.of(
                  RecurrenceKernels.kernel(
                      "prec_" + SolverNames.identifier(split.data().id()), p, start),
                  RecurrenceKernels.formula(p));
          return new SolverResult.Found(NAME, rec, s.subList(0, start), scorer.score(rec));
        }
      }
    }
    return new SolverResult.NoneFound(
        NAME,
        tried == 0
            ? "too few training terms (" + s.size() + ") for any shape with spare equations"
            : "no recurrence of order <= "
                + config.maxOrder()
                + " and degree <= "
                + config.maxDegree()
                + " fits the "
                + s.size()
                + " training terms ("
                + tried
                + " shapes tried)");
  }

  /** The shapes {@code {r, d}} in the order they are tried. */
  private List<int[]> shapes() {
    List<int[]> shapes = new ArrayList<>();
    for (int r = 1; r <= config.maxOrder(); r++) {
      for (int d = 0; d <= config.maxDegree(); d++) {
        shapes.add(new int[] {r, d});
      }
    }
    shapes.sort(
        Comparator.comparingInt((int[] x) -> (x[0] + 1) * (x[1] + 1)).thenComparingInt(x -> x[0]));
    return shapes;
  }

  /**
   * The system mod p: one row per position {@code k >= r}, column {@code i (d+1) + j} holding
   * {@code n^j a(k-i)} with {@code n = offset + k}.
   */
  private static long[][] system(long[] a, int offset, int r, int d, long p) {
    int rows = a.length - r;
    long[][] m = new long[rows][(r + 1) * (d + 1)];
    for (int row = 0; row < rows; row++) {
      int k = r + row;
      long n = Math.floorMod((long) offset + k, p);
      for (int i = 0; i <= r; i++) {
        long v = a[k - i];
        for (int j = 0; j <= d; j++) {
          m[row][i * (d + 1) + j] = v;
          v = Modular.mul(v, n, p);
        }
      }
    }
    return m;
  }

  /** Lifts and checks the null space; the first good solution as {@code P[i][j]}, or null. */
  private static BigInteger[][] solve(
      boolean rejectCommonFactors,
      long[][] residues,
      long[] primes,
      int offset,
      int r,
      int d,
      ModularMatrix.Reduced first,
      List<BigInteger> s) {
    ModularMatrix.Reduced[] red = new ModularMatrix.Reduced[primes.length];
    red[0] = first;
    for (int i = 1; i < primes.length; i++) {
      red[i] = ModularMatrix.reduce(system(residues[i], offset, r, d, primes[i]), primes[i]);
    }
    for (BigInteger[] v : ModularMatrix.liftedNullSpace(red, primes, (r + 1) * (d + 1))) {
      if (v == null) {
        continue;
      }
      BigInteger[][] p = new BigInteger[r + 1][d + 1];
      for (int i = 0; i <= r; i++) {
        for (int j = 0; j <= d; j++) {
          p[i][j] = v[i * (d + 1) + j];
        }
      }
      if (RecurrenceKernels.isZero(p[0]) || !holds(p, offset, s)) {
        continue;
      }
      if (rejectCommonFactors) {
        // A factor common to every P_i vanishes at some n and masks the equation there: the
        // recurrence without it must hold on its own, or the fit is not a law.
        BigInteger[] g = IntPolynomials.gcd(p);
        if (IntPolynomials.degree(g) > 0) {
          for (int i = 0; i <= r; i++) {
            p[i] = IntPolynomials.divide(p[i], g);
          }
          if (!holds(p, offset, s)) {
            continue;
          }
        }
      }
      normalize(p);
      return p;
    }
    return null;
  }

  /** Whether every training equation holds exactly. */
  private static boolean holds(BigInteger[][] p, int offset, List<BigInteger> s) {
    int r = p.length - 1;
    for (int k = r; k < s.size(); k++) {
      BigInteger n = BigInteger.valueOf((long) offset + k);
      BigInteger sum = BigInteger.ZERO;
      for (int i = 0; i <= r; i++) {
        sum = sum.add(IntPolynomials.eval(p[i], n).multiply(s.get(k - i)));
      }
      if (sum.signum() != 0) {
        return false;
      }
    }
    return true;
  }

  /** Makes the leading coefficient of {@code P_0} positive. */
  private static void normalize(BigInteger[][] p) {
    int j = p[0].length - 1;
    while (p[0][j].signum() == 0) {
      j--;
    }
    if (p[0][j].signum() < 0) {
      for (BigInteger[] row : p) {
        for (int k = 0; k < row.length; k++) {
          row[k] = row[k].negate();
        }
      }
    }
  }

  /** The first position the recurrence computes: after the last training zero of {@code P_0}. */
  private static int start(BigInteger[][] p, int offset, int r, int train) {
    int start = r;
    for (int k = r; k < train; k++) {
      if (IntPolynomials.eval(p[0], BigInteger.valueOf((long) offset + k)).signum() == 0) {
        start = k + 1;
      }
    }
    return start;
  }
}
