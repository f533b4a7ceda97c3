package numevo.runs.oeis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import numevo.targets.seq.SequenceData;

/**
 * The multiplicative guesser ({@link Method#MULTIPLICATIVE}): with the first term taken as {@code
 * a(1)}, a sequence that is multiplicative on its training terms ({@code a(1) = 1} and {@code a(mk)
 * = a(m) a(k)} for every coprime pair {@code m, k >= 2} with {@code mk} among the training indices,
 * at least {@link #MIN_PAIRS} pairs) is predicted from its values at prime powers.
 *
 * <p>A held-out index's prime power {@code p^e} is read from the training terms when it is among
 * them; otherwise from a polynomial in {@code p} of the lowest degree (at most {@link #MAX_DEGREE})
 * that goes through {@code (q, a(q^e))} for every prime {@code q} with {@code q^e} among the
 * training indices, with at least {@link #SPARE} more points than coefficients (first with {@code q
 * = 2}, else with the odd primes only, {@code a(2^e)} then read only from the training terms). If
 * some held-out index needs a prime power that neither gives, the guesser declines (no prediction).
 * Everything is chosen on the training terms; the held-out terms only score it. Exact (Lagrange
 * interpolation over the rationals in {@link BigInteger}s; a non-integer value is a mismatch).
 */
final class Multiplicative {
  /** The fewest coprime pairs checked before the sequence counts as multiplicative. */
  static final int MIN_PAIRS = 30;

  /** The largest degree of a prime-power polynomial. */
  static final int MAX_DEGREE = 3;

  /** The points a prime-power polynomial needs beyond its coefficients. */
  static final int SPARE = 2;

  private Multiplicative() {}

  /**
   * Guesses a multiplicative rule on the training terms and scores it on the held-out ones.
   *
   * @param data the sequence, its first term taken as {@code a(1)}
   * @param heldOut the held-out count
   */
  static Stage find(SequenceData data, int heldOut) {
    int n = data.size();
    int train = n - heldOut;
    if (train < 2 || !data.term(0).equals(BigInteger.ONE)) {
      return Stage.none();
    }
    int pairs = 0;
    for (int m = 2; m * (m + 1) <= train; m++) {
      for (int k = m + 1; m * k <= train; k++) {
        if (gcd(m, k) != 1) {
          continue;
        }
        pairs++;
        if (!a(data, m * k).equals(a(data, m).multiply(a(data, k)))) {
          return Stage.none();
        }
      }
    }
    if (pairs < MIN_PAIRS) {
      return Stage.none();
    }
    Map<Integer, PrimePower> rules = new HashMap<>();
    // (a null rule is cached as absent: computeIfAbsent does not store null, so it refits; cheap)
    List<String> used = new ArrayList<>();
    BigInteger[] predictions = new BigInteger[heldOut];
    for (int i = 0; i < heldOut; i++) {
      int idx = train + 1 + i;
      BigInteger v = BigInteger.ONE;
      int rest = idx;
      for (int p = 2; rest > 1; p++) {
        if (p * p > rest) {
          p = rest;
        }
        if (rest % p != 0) {
          continue;
        }
        int e = 0;
        while (rest % p == 0) {
          rest /= p;
          e++;
        }
        BigInteger f = value(data, train, p, e, rules, used);
        if (f == null) {
          return Stage.none();
        }
        v = v.multiply(f);
      }
      predictions[i] = v;
    }
    int predicted = 0;
    while (predicted < heldOut && predictions[predicted].equals(data.term(train + predicted))) {
      predicted++;
    }
    String formula =
        "a(1) = 1, a(mk) = a(m) a(k) for coprime m, k (checked on "
            + pairs
            + " pairs)"
            + (used.isEmpty() ? "" : "; " + String.join("; ", used));
    return Stage.found(predicted == heldOut, predicted, Method.MULTIPLICATIVE.label(), formula);
  }

  /**
   * {@code a(p^e)}: a training term, else the polynomial rule for exponent {@code e}, else (for
   * {@code e >= 2}) the ratio rule {@code a(p^e) = R(p) a(p^(e-1))}; null if none applies. Rules
   * are fitted once (key {@code e}; the ratio rule under key 0) and described in {@code used}.
   */
  private static BigInteger value(
      SequenceData data,
      int train,
      int p,
      int e,
      Map<Integer, PrimePower> rules,
      List<String> used) {
    if (PrimePower.pow(p, e) <= train) {
      return a(data, (int) PrimePower.pow(p, e));
    }
    PrimePower rule = rules.computeIfAbsent(e, x -> PrimePower.fit(data, train, e));
    BigInteger f = rule == null ? null : rule.at(p);
    if (f != null) {
      note(used, rule.describe());
      return f;
    }
    if (e < 2) {
      return null;
    }
    PrimePower ratio = rules.computeIfAbsent(0, x -> PrimePower.fitRatio(data, train));
    BigInteger r = ratio == null ? null : ratio.at(p);
    if (r == null) {
      return null;
    }
    BigInteger below = value(data, train, p, e - 1, rules, used);
    if (below == null) {
      return null;
    }
    note(used, ratio.describe());
    return r.multiply(below);
  }

  private static void note(List<String> used, String d) {
    if (!used.contains(d)) {
      used.add(d);
    }
  }

  private static BigInteger a(SequenceData data, int index) {
    return data.term(index - 1);
  }

  static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  static boolean isPrime(int p) {
    if (p < 2) {
      return false;
    }
    for (int d = 2; d * d <= p; d++) {
      if (p % d == 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code a(p^e)} as a polynomial in {@code p} through the training terms' prime powers. */
  private record PrimePower(int e, boolean withTwo, int[] xs, BigInteger[] ys, int degree) {

    static PrimePower fit(SequenceData data, int train, int e) {
      for (boolean withTwo : new boolean[] {true, false}) {
        List<Integer> px = new ArrayList<>();
        for (int p = withTwo ? 2 : 3; pow(p, e) <= train; p++) {
          if (isPrime(p)) {
            px.add(p);
          }
        }
        int[] xs = px.stream().mapToInt(Integer::intValue).toArray();
        BigInteger[] ys = new BigInteger[xs.length];
        for (int i = 0; i < xs.length; i++) {
          ys[i] = a(data, (int) pow(xs[i], e));
        }
        for (int d = 0; d <= MAX_DEGREE && xs.length >= d + 1 + SPARE; d++) {
          PrimePower r = new PrimePower(e, withTwo, xs, ys, d);
          boolean all = true;
          for (int i = d + 1; i < xs.length && all; i++) {
            all = ys[i].equals(r.at(xs[i]));
          }
          if (all) {
            return r;
          }
        }
      }
      return null;
    }

    /**
     * The ratio rule: {@code R(p) = a(p^e) / a(p^(e-1))} the same integer for every {@code e >= 2}
     * with {@code p^e} a training index (checked), a polynomial in {@code p} through one ratio per
     * prime; {@code 2 + SPARE} more equations than coefficients in all, and at least one prime
     * beyond the coefficients. Exponent 0 in the result marks it.
     */
    static PrimePower fitRatio(SequenceData data, int train) {
      List<Integer> px = new ArrayList<>();
      List<BigInteger> py = new ArrayList<>();
      int equations = 0;
      for (int p = 2; (long) p * p <= train; p++) {
        if (!isPrime(p)) {
          continue;
        }
        BigInteger ratio = null;
        for (int e = 2; pow(p, e) <= train; e++) {
          BigInteger lo = a(data, (int) pow(p, e - 1));
          BigInteger hi = a(data, (int) pow(p, e));
          if (lo.signum() == 0) {
            return null;
          }
          BigInteger[] qr = hi.divideAndRemainder(lo);
          if (qr[1].signum() != 0 || (ratio != null && !ratio.equals(qr[0]))) {
            return null;
          }
          ratio = qr[0];
          equations++;
        }
        px.add(p);
        py.add(ratio);
      }
      int[] xs = px.stream().mapToInt(Integer::intValue).toArray();
      BigInteger[] ys = py.toArray(BigInteger[]::new);
      for (int d = 0; d <= MAX_DEGREE && xs.length >= d + 2 && equations >= d + 1 + SPARE; d++) {
        PrimePower r = new PrimePower(0, true, xs, ys, d);
        boolean all = true;
        for (int i = d + 1; i < xs.length && all; i++) {
          all = ys[i].equals(r.at(xs[i]));
        }
        if (all) {
          return r;
        }
      }
      return null;
    }

    static long pow(int p, int e) {
      long q = 1;
      for (int i = 0; i < e; i++) {
        q *= p;
        if (q > Integer.MAX_VALUE) {
          return Long.MAX_VALUE;
        }
      }
      return q;
    }

    /** The polynomial's value at {@code p}, or null if not an integer or {@code p = 2} excluded. */
    BigInteger at(int p) {
      if (p == 2 && !withTwo) {
        return null;
      }
      BigInteger num = BigInteger.ZERO;
      BigInteger den = BigInteger.ONE;
      for (int i = 0; i <= degree; i++) {
        BigInteger tn = ys[i];
        BigInteger td = BigInteger.ONE;
        for (int j = 0; j <= degree; j++) {
          if (j != i) {
            tn = tn.multiply(BigInteger.valueOf((long) p - xs[j]));
            td = td.multiply(BigInteger.valueOf((long) xs[i] - xs[j]));
          }
        }
        num = num.multiply(td).add(tn.multiply(den));
        den = den.multiply(td);
      }
      BigInteger[] qr = num.divideAndRemainder(den);
      return qr[1].signum() == 0 ? qr[0] : null;
    }

    String describe() {
      StringBuilder b =
          new StringBuilder(
              e == 0
                  ? "a(p^e) = R(p) a(p^(e-1)) for e >= 2, R the degree-" + degree + " polynomial"
                  : "a(p^" + e + ") = the degree-" + degree + " polynomial");
      b.append(" in p through");
      for (int i = 0; i <= degree; i++) {
        b.append(i == 0 ? " " : ", ").append("(").append(xs[i]).append(", ").append(ys[i]);
        b.append(")");
      }
      return b.append(withTwo ? "" : ", p odd").toString();
    }
  }
}
