package numevo.evolver.enumerate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists every {@link Skeleton} of exactly {@code n} ops from a set of binary float ops, over {@code
 * inputs} inputs and free constants, once up to the symmetries below. A shape is listed if every
 * input and every op's value is used (the last op is the output), and none of these holds (each
 * excluded shape computes the same family of functions as a listed shape of at most as many ops):
 *
 * <ul>
 *   <li>an op with two constant operands (a constant);
 *   <li>{@code v - c} or {@code v / c} (they are {@code v + c'} and {@code v * c'}: constants go on
 *       the right of add and mul, on the left of sub and div); {@code v + v} ({@code v * 2}),
 *       {@code v - v}, {@code v / v};
 *   <li>a constant op of the additive group ({@code v + c}, {@code c - v}) applied to a value made
 *       by one of the same group, and likewise for the multiplicative group ({@code v * c}, {@code
 *       c / v}): two such steps are one;
 *   <li>a value made by a constant op with a single consumer that can take the constant over: a
 *       multiplicative one ({@code u * c}, {@code c / u}) consumed by a mul or div of two values
 *       (the scale moves after it), an additive one consumed by an add or sub of two values (the
 *       offset moves after it); {@code (u + c) * c'} and {@code c' - u * c} (written {@code u * c +
 *       c'}), {@code c' - c / u} (written {@code c / u + c'});
 *   <li>the same expression tree as a shape listed before (commutative operands in either order,
 *       independent ops in either order).
 * </ul>
 *
 * <p>Deterministic: the order depends only on the arguments. Deeper equivalences (for example
 * {@code x + x * c}, which is {@code x * c'}) are not detected; they cost fitting time only.
 */
public final class SkeletonEnumerator {
  private final int inputs;
  private final BinOp[] allowed;
  private final int n;
  private final BinOp[] ops;
  private final int[] left;
  private final int[] right;
  private final int[] useCount;
  private final Set<String> seen = new HashSet<>();
  private final List<Skeleton> out = new ArrayList<>();

  private SkeletonEnumerator(int inputs, Set<BinOp> allowed, int n) {
    this.inputs = inputs;
    this.allowed = EnumSet.copyOf(allowed).toArray(new BinOp[0]);
    this.n = n;
    this.ops = new BinOp[n];
    this.left = new int[n];
    this.right = new int[n];
    this.useCount = new int[inputs + n];
  }

  /**
   * The skeletons of exactly {@code n} ops.
   *
   * @param inputs the number of inputs, {@code >= 1}
   * @param allowed the ops, non-empty
   * @param n the op count, {@code >= 1}
   */
  public static List<Skeleton> enumerate(int inputs, Set<BinOp> allowed, int n) {
    if (inputs < 1 || n < 1 || allowed.isEmpty()) {
      throw new IllegalArgumentException("need inputs >= 1, n >= 1 and at least one op");
    }
    SkeletonEnumerator e = new SkeletonEnumerator(inputs, allowed, n);
    e.step(0);
    return List.copyOf(e.out);
  }

  private void step(int i) {
    if (i == n) {
      accept();
      return;
    }
    int values = inputs + i;
    for (BinOp op : allowed) {
      switch (op) {
        case ADD, MUL -> {
          for (int a = 0; a < values; a++) {
            for (int b = a; b < values; b++) {
              if (a == b && op == BinOp.ADD) {
                continue;
              }
              push(i, op, a, b);
            }
            push(i, op, a, Skeleton.CONST);
          }
        }
        case SUB, DIV -> {
          for (int a = 0; a < values; a++) {
            for (int b = 0; b < values; b++) {
              if (a != b) {
                push(i, op, a, b);
              }
            }
            push(i, op, Skeleton.CONST, a);
          }
        }
      }
    }
  }

  private void push(int i, BinOp op, int a, int b) {
    ops[i] = op;
    left[i] = a;
    right[i] = b;
    if (isConstOp(i)) {
      int v = a == Skeleton.CONST ? b : a;
      if (v >= inputs && group(v - inputs) == group(i)) {
        return; // two constant steps of one group are one
      }
    }
    if (a >= 0) {
      useCount[a]++;
    }
    if (b >= 0 && b != a) {
      useCount[b]++;
    }
    int unused = 0;
    for (int v = 0; v <= inputs + i; v++) {
      if (useCount[v] == 0) {
        unused++;
      }
    }
    // Each later op uses at most two unused values and leaves itself unused; the end needs one.
    int remaining = n - i - 1;
    if (unused <= remaining + 1) {
      step(i + 1);
    }
    if (a >= 0) {
      useCount[a]--;
    }
    if (b >= 0 && b != a) {
      useCount[b]--;
    }
  }

  /** 1 for the additive constant ops, 2 for the multiplicative ones, 0 otherwise. */
  private int group(int i) {
    if (ops[i] == BinOp.ADD && right[i] == Skeleton.CONST
        || ops[i] == BinOp.SUB && left[i] == Skeleton.CONST) {
      return 1;
    }
    if (ops[i] == BinOp.MUL && right[i] == Skeleton.CONST
        || ops[i] == BinOp.DIV && left[i] == Skeleton.CONST) {
      return 2;
    }
    return 0;
  }

  private boolean isConstOp(int i) {
    return left[i] == Skeleton.CONST || right[i] == Skeleton.CONST;
  }

  private void accept() {
    for (int v = 0; v < inputs + n - 1; v++) {
      if (useCount[v] == 0) {
        return;
      }
    }
    for (int t = 0; t < n - 1; t++) {
      int g = group(t);
      if (g == 0) {
        continue;
      }
      int s = singleConsumer(inputs + t);
      if (s < 0) {
        continue;
      }
      boolean binary = !isConstOp(s);
      BinOp so = ops[s];
      if (g == 2 && binary && (so == BinOp.MUL || so == BinOp.DIV)) {
        return; // the scale moves after s
      }
      if (g == 1 && binary && (so == BinOp.ADD || so == BinOp.SUB)) {
        return; // the offset moves after s
      }
      if (g == 1 && so == BinOp.MUL && !binary) {
        return; // (u + c) * c' = u * c' + c''
      }
      if (g == 2 && so == BinOp.SUB && left[s] == Skeleton.CONST) {
        return; // c' - u * c = u * (-c) + c'; c' - c / u = (-c) / u + c'
      }
    }
    String[] keys = new String[inputs + n];
    for (int v = 0; v < inputs; v++) {
      keys[v] = "x" + v;
    }
    for (int i = 0; i < n; i++) {
      String a = left[i] == Skeleton.CONST ? "c" : keys[left[i]];
      String b = right[i] == Skeleton.CONST ? "c" : keys[right[i]];
      if (ops[i].commutative() && a.compareTo(b) > 0) {
        String x = a;
        a = b;
        b = x;
      }
      keys[inputs + i] = "(" + ops[i].name() + " " + a + " " + b + ")";
    }
    if (seen.add(keys[inputs + n - 1])) {
      out.add(Skeleton.of(inputs, ops, left, right));
    }
  }

  /** The one op that uses value {@code v}, or -1 if none or several do. */
  private int singleConsumer(int v) {
    int found = -1;
    for (int i = v - inputs + 1; i < n; i++) {
      if (left[i] == v || right[i] == v) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }
}
