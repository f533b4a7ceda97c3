package numevo.runs.oeis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.targets.seq.BerlekampMassey;
import numevo.targets.seq.BmConfig;
import numevo.targets.seq.PRecConfig;
import numevo.targets.seq.PRecursiveGuesser;
import numevo.targets.seq.SeqConfig;
import numevo.targets.seq.SeqScorer;
import numevo.targets.seq.SequenceData;
import numevo.targets.seq.SequenceSplit;
import numevo.targets.seq.SolverResult;

/**
 * numevo's extended guessers, the cascade's stage after the form fits: the classical guessers
 * applied where the classical stage does not look. In order, the first that finds a recurrence
 * reproducing every training term chooses it ({@link Method} names each):
 *
 * <ol>
 *   <li>{@link Method#PREC_HIGH}: the P-recursive guesser with order up to 8 and degree up to 6
 *       (the classical stage stops at 3 and 3), with six spare equations (the classical stage has
 *       four: larger shapes fit noise more easily), so only where the training terms over-determine
 *       the larger shape.
 *   <li>{@link Method#DIFFERENCES}: the classical guessers on the first differences {@code a(n+1) -
 *       a(n)}.
 *   <li>{@link Method#PARTIAL_SUMS}: the classical guessers on the partial sums.
 *   <li>{@link Method#BISECTIONS}: the classical guessers on the even-indexed and on the
 *       odd-indexed terms separately (an interleaved recurrence); both must fit.
 *   <li>{@link Method#EULER}: the classical guessers on the inverse Euler transform {@code b} of a
 *       sequence starting with 1 ({@code sum a(n) x^n = prod_k (1 - x^k)^(-b(k))}: partitions into
 *       parts of {@code b(k)} kinds), of the sequence as listed and, for one listed from {@code n =
 *       1}, with {@code a(0) = 1} put in front.
 *   <li>{@link Method#MOEBIUS} and {@link Method#DIVISOR_SUMS}: with the first term taken as {@code
 *       a(1)}, the classical guessers on its Moebius transform {@code sum_{d|n} mu(n/d) a(d)} and
 *       on its sums over divisors {@code sum_{d|n} a(d)} (arithmetic functions such as sigma or
 *       phi).
 * </ol>
 *
 * <p>Each transformed sequence is built from all terms but split so that its training terms are
 * computed from the original's training terms only and its held-out terms determine exactly the
 * original's held-out terms (the differences hold out the last {@code K}, each bisection the
 * held-out positions of its parity). So a transformed recurrence predicts every transformed
 * held-out term if and only if, undone, it predicts every original held-out term.
 */
public final class Guesses {
  private static final PRecConfig HIGH = new PRecConfig(8, 6, 6, 6, true);

  /** The most multisections tried ({@code a(mn + r)} for {@code m = 3..MAX_SECTIONS}). */
  static final int MAX_SECTIONS = 4;

  private Guesses() {}

  /**
   * Runs the extended guessers on a sequence split with {@code heldOut} held-out terms.
   *
   * @param data the sequence
   * @param heldOut the held-out count of the original split
   */
  public static Stage find(SequenceData data, int heldOut) {
    SeqScorer scorer = scorer(data, heldOut);
    if (scorer == null) {
      return Stage.none();
    }
    SolverResult high = PRecursiveGuesser.of(HIGH).find(scorer);
    if (high instanceof SolverResult.Found f) {
      return Stage.found(
          f.predictsHeldOut(),
          f.score().heldOutMatched(),
          Method.PREC_HIGH.label(),
          f.recurrence().formula());
    }
    Stage d = transformed(Method.DIFFERENCES, differences(data), heldOut, "a(n+1) - a(n)");
    if (d.chose()) {
      return d;
    }
    Stage s = transformed(Method.PARTIAL_SUMS, partialSums(data), heldOut, "a(0) + ... + a(n)");
    if (s.chose()) {
      return s;
    }
    Stage b = bisections(data, heldOut);
    if (b.chose()) {
      return b;
    }
    SequenceData e = inverseEuler(data);
    if (e != null) {
      Stage s2 = transformed(Method.EULER, e, heldOut, "the inverse Euler transform of a");
      if (s2.chose()) {
        return s2;
      }
    }
    // A sequence listed from n = 1 (OEIS_clean.txt records no offsets) has its Euler transform's
    // a(0) = 1 left out: put it back.
    List<BigInteger> withOne = new ArrayList<>(data.terms());
    withOne.addFirst(BigInteger.ONE);
    SequenceData e1 = inverseEuler(SequenceData.of(data.id(), data.offset(), withOne));
    if (e1 != null) {
      Stage s3 = transformed(Method.EULER, e1, heldOut, "the inverse Euler transform of 1, a");
      if (s3.chose()) {
        return s3;
      }
    }
    // The first term is taken as a(1) (OEIS_clean.txt records no offsets, so data read from it
    // has offset 0; the arithmetic functions these transforms undo start at n = 1).
    Stage m =
        transformed(Method.MOEBIUS, divisorSums(data, true), heldOut, "sum_{d|n} mu(n/d) a(d)");
    if (m.chose()) {
      return m;
    }
    Stage ds =
        transformed(Method.DIVISOR_SUMS, divisorSums(data, false), heldOut, "sum_{d|n} a(d)");
    if (ds.chose()) {
      return ds;
    }
    return more(data, heldOut);
  }

  /** The guessers added after the divisor sums, in order; the first that chooses ends it. */
  private static Stage more(SequenceData data, int heldOut) {
    Stage mu = Multiplicative.find(data, heldOut);
    if (mu.chose()) {
      return mu;
    }
    Stage reg = Regular.find(data, heldOut);
    if (reg.chose()) {
      return reg;
    }
    Stage tri = Triangle.find(data, heldOut);
    if (tri.chose()) {
      return tri;
    }
    for (int m = 3; m <= MAX_SECTIONS; m++) {
      Stage sec = sections(data, heldOut, m);
      if (sec.chose()) {
        return sec;
      }
    }
    Stage bt =
        transformed(Method.BINOMIAL, Transforms.binomial(data, 1), heldOut, "sum_k C(n,k) a(k)");
    if (bt.chose()) {
      return bt;
    }
    Stage ibt =
        transformed(
            Method.BINOMIAL,
            Transforms.binomial(data, -1),
            heldOut,
            "sum_k (-1)^(n-k) C(n,k) a(k)");
    if (ibt.chose()) {
      return ibt;
    }
    SequenceData one = Transforms.withOne(data);
    for (SequenceData d : List.of(data, one)) {
      String what = d == data ? "a" : "1, a";
      SequenceData e = Transforms.inverseExp(d);
      if (e != null) {
        Stage st =
            transformed(Method.EXP, e, heldOut, "the inverse exponential transform of " + what);
        if (st.chose()) {
          return st;
        }
      }
    }
    for (SequenceData d : List.of(data, one)) {
      String what = d == data ? "a" : "1, a";
      SequenceData e = Transforms.inverseInvert(d);
      if (e != null) {
        Stage st =
            transformed(Method.INVERT, e, heldOut, "the inverse INVERT transform of " + what);
        if (st.chose()) {
          return st;
        }
      }
    }
    return transformed(
        Method.EULER_FORWARD, Transforms.euler(data), heldOut, "the Euler transform of a");
  }

  private static Stage transformed(Method m, SequenceData t, int heldOut, String what) {
    SeqScorer sc = scorer(t, heldOut);
    if (sc == null) {
      return Stage.none();
    }
    SolverResult.Found f = classical(sc);
    if (f == null) {
      return Stage.none();
    }
    return Stage.found(
        f.predictsHeldOut(),
        f.score().heldOutMatched(),
        m.label() + ": " + f.solver(),
        "b(n) = " + what + "; " + f.recurrence().formula().replace("a(", "b("));
  }

  static Stage bisections(SequenceData data, int heldOut) {
    return sections(data, heldOut, 2);
  }

  /**
   * The classical guessers on each of the {@code m} multisections {@code a(mn + r)} separately; all
   * must fit ({@link Method#BISECTIONS} for {@code m = 2}, else {@link Method#MULTISECTIONS}).
   */
  static Stage sections(SequenceData data, int heldOut, int m) {
    int n = data.size();
    int firstHeld = n - heldOut;
    SolverResult.Found[] found = new SolverResult.Found[m];
    for (int parity = 0; parity < m; parity++) {
      List<BigInteger> t = new ArrayList<>();
      int held = 0;
      for (int i = parity; i < n; i += m) {
        t.add(data.term(i));
        if (i >= firstHeld) {
          held++;
        }
      }
      SeqScorer sc = scorer(SequenceData.of(data.id() + "_" + parity, 0, t), held);
      if (sc == null) {
        return Stage.none();
      }
      found[parity] = classical(sc);
      if (found[parity] == null) {
        return Stage.none();
      }
    }
    // Held-out terms predicted consecutively: position firstHeld + j is term j's parity's
    // ((firstHeld + j) / 2 - first held index of that parity)-th held-out term.
    int predicted = 0;
    for (int i = firstHeld; i < n; i++) {
      int parity = i % m;
      int firstOfParity = firstHeld + Math.floorMod(parity - firstHeld, m);
      int k = (i - firstOfParity) / m;
      if (k >= found[parity].score().heldOutMatched()) {
        break;
      }
      predicted++;
    }
    boolean solved = true;
    for (SolverResult.Found f : found) {
      solved &= f.predictsHeldOut();
    }
    if (m == 2) {
      return Stage.found(
          solved,
          predicted,
          Method.BISECTIONS.label() + ": " + found[0].solver() + ", " + found[1].solver(),
          "e(n) = a(2n), o(n) = a(2n+1); "
              + found[0].recurrence().formula().replace("a(", "e(")
              + "; "
              + found[1].recurrence().formula().replace("a(", "o("));
    }
    StringBuilder by = new StringBuilder(Method.MULTISECTIONS.label() + ": " + m + " sections");
    StringBuilder f = new StringBuilder();
    for (int r = 0; r < m; r++) {
      by.append(r == 0 ? ", " : " / ").append(found[r].solver());
      f.append(r == 0 ? "" : "; ")
          .append("s" + r + "(n) = a(" + m + "n+" + r + "): ")
          .append(found[r].recurrence().formula().replace("a(", "s" + r + "("));
    }
    return Stage.found(solved, predicted, by.toString(), f.toString());
  }

  /** Berlekamp-Massey, else the P-recursive guesser, at the classical stage's settings. */
  private static SolverResult.Found classical(SeqScorer sc) {
    SolverResult r = BerlekampMassey.of(BmConfig.defaults()).find(sc);
    if (!(r instanceof SolverResult.Found)) {
      r = PRecursiveGuesser.of(PRecConfig.defaults()).find(sc);
    }
    return r instanceof SolverResult.Found f ? f : null;
  }

  /** A scorer holding out exactly {@code heldOut} terms, or null if fewer than 2 would train. */
  private static SeqScorer scorer(SequenceData data, int heldOut) {
    if (data.size() - heldOut < 2) {
      return null;
    }
    // Exactly heldOut held out even where SequenceSplit.of would hold out fewer (a third of a
    // transform one term shorter than a 30-term sequence is 9): holding out more only makes the
    // check stricter, and the classical guessers demand their own spare training equations.
    return SeqScorer.of(
        new SequenceSplit(data, data.size() - heldOut), SeqConfig.defaults().withHeldOut(heldOut));
  }

  static SequenceData differences(SequenceData data) {
    List<BigInteger> d = new ArrayList<>();
    for (int i = 1; i < data.size(); i++) {
      d.add(data.term(i).subtract(data.term(i - 1)));
    }
    return SequenceData.of(data.id() + "_diff", data.offset(), d);
  }

  /**
   * The inverse Euler transform {@code b(1..N-1)} of {@code a(0..N-1)} with {@code a(0) = 1}, or
   * null if {@code a(0) != 1} (or, a guard, if some {@code b(n)} were not an integer; for integer
   * terms it always is). {@code b(n)} depends on {@code a(0..n)} only, and {@code a(n)} on {@code
   * a(0..n-1)} and {@code b(1..n)}: the last {@code K} terms of each determine the other's.
   */
  static SequenceData inverseEuler(SequenceData data) {
    int n = data.size();
    if (n < 3 || !data.term(0).equals(BigInteger.ONE)) {
      return null;
    }
    BigInteger[] c = new BigInteger[n];
    for (int i = 1; i < n; i++) {
      BigInteger x = BigInteger.valueOf(i).multiply(data.term(i));
      for (int k = 1; k < i; k++) {
        x = x.subtract(c[k].multiply(data.term(i - k)));
      }
      c[i] = x;
    }
    List<BigInteger> b = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      BigInteger sum = BigInteger.ZERO;
      for (int d = 1; d <= i; d++) {
        if (i % d == 0) {
          int mu = moebius(i / d);
          if (mu != 0) {
            sum = mu > 0 ? sum.add(c[d]) : sum.subtract(c[d]);
          }
        }
      }
      BigInteger[] qr = sum.divideAndRemainder(BigInteger.valueOf(i));
      if (qr[1].signum() != 0) {
        return null;
      }
      b.add(qr[0]);
    }
    return SequenceData.of(data.id() + "_ieuler", 1, b);
  }

  /**
   * The Moebius transform ({@code moebius}) or the sums over divisors of a sequence whose first
   * term is {@code a(1)}: {@code b(n)} depends on {@code a(1..n)} only, and the other way round.
   */
  static SequenceData divisorSums(SequenceData data, boolean moebius) {
    int n = data.size();
    List<BigInteger> b = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      BigInteger sum = BigInteger.ZERO;
      for (int d = 1; d <= i; d++) {
        if (i % d == 0) {
          int mu = moebius ? moebius(i / d) : 1;
          if (mu != 0) {
            sum = mu > 0 ? sum.add(data.term(d - 1)) : sum.subtract(data.term(d - 1));
          }
        }
      }
      b.add(sum);
    }
    return SequenceData.of(data.id() + (moebius ? "_moebius" : "_divsum"), 1, b);
  }

  private static int moebius(int m) {
    int mu = 1;
    for (int p = 2; p * p <= m; p++) {
      if (m % p == 0) {
        m /= p;
        if (m % p == 0) {
          return 0;
        }
        mu = -mu;
      }
    }
    return m > 1 ? -mu : mu;
  }

  static SequenceData partialSums(SequenceData data) {
    List<BigInteger> s = new ArrayList<>();
    BigInteger acc = BigInteger.ZERO;
    for (int i = 0; i < data.size(); i++) {
      acc = acc.add(data.term(i));
      s.add(acc);
    }
    return SequenceData.of(data.id() + "_sum", data.offset(), s);
  }
}
