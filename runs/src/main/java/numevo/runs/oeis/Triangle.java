package numevo.runs.oeis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.targets.seq.SequenceData;

/**
 * The triangle guesser ({@link Method#TRIANGLE}): the sequence read as a triangle by rows (row
 * {@code i} of length {@code first + step i}, for the shapes in {@link #SHAPES}; a square array
 * read by antidiagonals is the shape {@code 1, 1}), each cell {@code T(i, j)}, {@code i >= 1}, a
 * linear combination with rational constants of its neighbours above and to the left ({@link
 * #NAMES}), cells outside the triangle read as 0 (Pascal's, Stirling's, Narayana's triangles).
 *
 * <p>Two layers, each fitted on the training cells alone with {@link LinearFit} (smallest subset of
 * terms first, {@link #SPARE} more equations than unknowns): first one relation for every cell of
 * rows {@code i >= 1}; else one relation for the inner cells and one per edge (the first and last
 * cell of each row, as sequences in {@code i}: {@code E(i-1), E(i-2), i, 1}). The held-out cells
 * are then predicted in order from earlier cells.
 */
final class Triangle {
  /** The shapes tried: {@code {first row's length, growth per row}}. */
  static final int[][] SHAPES = {{1, 1}, {2, 1}, {1, 2}};

  /** The equations a relation needs beyond its unknowns. */
  static final int SPARE = 4;

  /** The fewest training rows. */
  static final int MIN_ROWS = 6;

  private static final String[] NAMES = {
    "T(i-1,j-2)",
    "T(i-1,j-1)",
    "T(i-1,j)",
    "T(i,j-1)",
    "j*T(i-1,j-1)",
    "j*T(i-1,j)",
    "i*T(i-1,j-1)",
    "i*T(i-1,j)",
    "1"
  };
  private static final String[] EDGE = {"E(i-1)", "E(i-2)", "i", "1"};

  private Triangle() {}

  /** Guesses on the training terms and scores on the held-out ones. */
  static Stage find(SequenceData data, int heldOut) {
    for (int[] shape : SHAPES) {
      Stage s = find(data, heldOut, shape[0], shape[1]);
      if (s.chose()) {
        return s;
      }
    }
    return Stage.none();
  }

  private static Stage find(SequenceData data, int heldOut, int first, int step) {
    int n = data.size();
    int train = n - heldOut;
    int[] row = new int[n];
    int[] col = new int[n];
    int[] start = new int[n + 2];
    int r = 0;
    int c = 0;
    for (int i = 0; i < n; i++) {
      if (c == length(r, first, step)) {
        r++;
        c = 0;
      }
      if (c == 0) {
        start[r] = i;
      }
      row[i] = r;
      col[i] = c++;
    }
    if (row[train - 1] < MIN_ROWS) {
      return Stage.none();
    }
    BigInteger[] a = data.terms().toArray(BigInteger[]::new);
    Layout t = new Layout(row, col, start, first, step);
    // One relation for all cells of rows >= 1.
    List<BigInteger[]> all = new ArrayList<>();
    List<BigInteger[]> inner = new ArrayList<>();
    List<BigInteger[]> left = new ArrayList<>();
    List<BigInteger[]> right = new ArrayList<>();
    for (int i = 0; i < train; i++) {
      if (row[i] < 1) {
        continue;
      }
      BigInteger[] f = t.cell(a, i);
      all.add(f);
      int len = length(row[i], first, step);
      if (col[i] > 0 && col[i] < len - 1) {
        inner.add(f);
      }
      if (col[i] == 0) {
        BigInteger[] e = t.edge(a, i, true);
        if (e != null) {
          left.add(e);
        }
      }
      if (col[i] == len - 1 && len > 1) {
        BigInteger[] e = t.edge(a, i, false);
        if (e != null) {
          right.add(e);
        }
      }
    }
    LinearFit one = LinearFit.choose(all, NAMES.length, SPARE);
    LinearFit in = null;
    LinearFit l = null;
    LinearFit rt = null;
    if (one == null) {
      in = LinearFit.choose(inner, NAMES.length, SPARE);
      l = in == null ? null : LinearFit.choose(left, EDGE.length, SPARE);
      rt = l == null ? null : LinearFit.choose(right, EDGE.length, SPARE);
      if (rt == null) {
        return Stage.none();
      }
    }
    BigInteger[] pred = a.clone();
    int predicted = 0;
    boolean match = true;
    for (int i = train; i < n; i++) {
      int len = length(row[i], first, step);
      BigInteger v;
      if (one != null) {
        v = one.at(t.cell(pred, i));
      } else if (col[i] == 0) {
        BigInteger[] e = t.edge(pred, i, true);
        v = e == null ? null : l.at(e);
      } else if (col[i] == len - 1) {
        BigInteger[] e = t.edge(pred, i, false);
        v = e == null ? null : rt.at(e);
      } else {
        v = in.at(t.cell(pred, i));
      }
      if (v == null) {
        return Stage.none();
      }
      pred[i] = v;
      if (match && v.equals(a[i])) {
        predicted++;
      } else {
        match = false;
      }
    }
    String shape = "rows of length " + first + " + " + (step == 1 ? "" : step) + "i";
    String formula =
        one != null
            ? shape + "; T(i,j) = " + one.describe(NAMES)
            : shape
                + "; inner T(i,j) = "
                + in.describe(NAMES)
                + "; first E(i) = "
                + l.describe(EDGE)
                + "; last E(i) = "
                + rt.describe(EDGE);
    return Stage.found(predicted == heldOut, predicted, Method.TRIANGLE.label(), formula);
  }

  private static int length(int r, int first, int step) {
    return first + step * r;
  }

  /** Where each position sits in the triangle. */
  private record Layout(int[] row, int[] col, int[] start, int first, int step) {

    private BigInteger at(BigInteger[] a, int i, int j) {
      if (i < 0 || j < 0 || j >= length(i, first, step)) {
        return BigInteger.ZERO;
      }
      return a[start[i] + j];
    }

    /** The features of position {@code p} ({@code row >= 1}) and its value last. */
    BigInteger[] cell(BigInteger[] a, int p) {
      int i = row[p];
      int j = col[p];
      BigInteger bi = BigInteger.valueOf(i);
      BigInteger bj = BigInteger.valueOf(j);
      BigInteger up = at(a, i - 1, j);
      BigInteger diag = at(a, i - 1, j - 1);
      return new BigInteger[] {
        at(a, i - 1, j - 2),
        diag,
        up,
        at(a, i, j - 1),
        bj.multiply(diag),
        bj.multiply(up),
        bi.multiply(diag),
        bi.multiply(up),
        BigInteger.ONE,
        a[p]
      };
    }

    /** The edge row {@code [E(i-1), E(i-2), i, 1, E(i)]} of an edge position, null if i < 2. */
    BigInteger[] edge(BigInteger[] a, int p, boolean leftEdge) {
      int i = row[p];
      if (i < 2) {
        return null;
      }
      BigInteger e1 = leftEdge ? at(a, i - 1, 0) : at(a, i - 1, length(i - 1, first, step) - 1);
      BigInteger e2 = leftEdge ? at(a, i - 2, 0) : at(a, i - 2, length(i - 2, first, step) - 1);
      return new BigInteger[] {e1, e2, BigInteger.valueOf(i), BigInteger.ONE, a[p]};
    }
  }
}
