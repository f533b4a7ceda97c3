package numevo.runs.oeis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.targets.seq.SequenceData;

/**
 * The divide-and-conquer guesser ({@link Method#REGULAR}): for a base {@code k} in {@link #BASES}
 * and each residue {@code r < k}, a recurrence {@code a(kn + r) = c1 a(n) + c2 a(n+1) + c3
 * a(kn+r-1) + c4 n + c5} with rational constants, any subset of those five terms (binary weight,
 * Thue-Morse, Stern's diatomic, binary partitions, {@code a(n) = a(floor(n/2)) + n}, digit sums in
 * base 10). The first term is taken as {@code a(0)}, else as {@code a(1)}.
 *
 * <p>Per residue, the subsets are tried smallest first; the first whose unique exact solution
 * (fraction-free elimination over {@link BigInteger}s; a subset of linearly dependent columns is
 * skipped) reproduces every training equation with at least {@link #SPARE} more equations than
 * unknowns is chosen. Every residue must have one. The held-out terms are then predicted in order,
 * each from earlier (training or already predicted) terms; a non-integer value is a mismatch.
 */
final class Regular {
  /** The bases tried, in order. */
  static final int[] BASES = {2, 3, 10};

  /** The equations a residue's recurrence needs beyond its unknowns. */
  static final int SPARE = 4;

  private static final int FEATURES = 5;
  private static final String[] NAMES = {"a(n)", "a(n+1)", "a(m-1)", "n", "1"};

  private Regular() {}

  /** Guesses on the training terms and scores on the held-out ones. */
  static Stage find(SequenceData data, int heldOut) {
    for (int k : BASES) {
      for (int offset = 0; offset <= 1; offset++) {
        Stage s = find(data, heldOut, k, offset);
        if (s.chose()) {
          return s;
        }
      }
    }
    return Stage.none();
  }

  private static Stage find(SequenceData data, int heldOut, int k, int offset) {
    int n = data.size();
    int train = n - heldOut;
    BigInteger[] a = data.terms().toArray(BigInteger[]::new);
    LinearFit[] fits = new LinearFit[k];
    for (int r = 0; r < k; r++) {
      List<BigInteger[]> rows = new ArrayList<>();
      for (int i = 0; i < train; i++) {
        BigInteger[] f = features(a, i, k, r, offset);
        if (f != null) {
          rows.add(f);
        }
      }
      fits[r] = LinearFit.choose(rows, FEATURES, SPARE);
      if (fits[r] == null) {
        return Stage.none();
      }
    }
    BigInteger[] pred = a.clone();
    int predicted = 0;
    boolean match = true;
    for (int i = train; i < n; i++) {
      int m = i + offset;
      BigInteger[] f = features(pred, i, k, m % k, offset);
      BigInteger v = f == null ? null : fits[m % k].at(f);
      if (v == null) {
        // A held-out term the recurrence cannot reach: no prediction at all.
        return Stage.none();
      }
      pred[i] = v;
      if (match && v.equals(a[i])) {
        predicted++;
      } else {
        match = false;
      }
    }
    StringBuilder b = new StringBuilder("m = " + k + "n + r, a(" + (offset == 0 ? "0" : "1"));
    b.append(") first");
    for (int r = 0; r < k; r++) {
      b.append("; r = ").append(r).append(": a(m) = ").append(fits[r].describe(NAMES));
    }
    return Stage.found(
        predicted == heldOut, predicted, Method.REGULAR.label() + ": base " + k, b.toString());
  }

  /**
   * The row {@code [a(n), a(n+1), a(m-1), n, 1, a(m)]} for the term at position {@code i} (index
   * {@code m = i + offset}) if {@code m = kn + r} with {@code n >= 1} and every index earlier than
   * {@code m} and listed; else null.
   */
  private static BigInteger[] features(BigInteger[] a, int i, int k, int r, int offset) {
    int m = i + offset;
    if (m % k != r) {
      return null;
    }
    int q = m / k;
    if (q < 1 || q + 1 >= m || q - offset < 0 || m - 1 - offset < 0) {
      return null;
    }
    return new BigInteger[] {
      a[q - offset],
      a[q + 1 - offset],
      a[m - 1 - offset],
      BigInteger.valueOf(q),
      BigInteger.ONE,
      a[i]
    };
  }
}
