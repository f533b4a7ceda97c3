package numevo.evolver.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SkeletonEnumeratorTest {
  private static final Set<BinOp> ALL = EnumSet.allOf(BinOp.class);
  private static final Set<BinOp> ADD_MUL = EnumSet.of(BinOp.ADD, BinOp.MUL);

  private static Set<String> texts(List<Skeleton> l) {
    Set<String> s = new HashSet<>();
    for (Skeleton k : l) {
      s.add(k.toString());
    }
    assertEquals(l.size(), s.size(), "no shape twice");
    return s;
  }

  @Test
  void oneOpOverAllFourOpsIsTheFiveShapesByHand() {
    // x + c, x * x, x * c, c - x, c / x (x - c, x / c, x + x, x - x, x / x excluded).
    assertEquals(
        Set.of("t0 = add x c0", "t0 = mul x x", "t0 = mul x c0", "t0 = sub c0 x", "t0 = div c0 x"),
        texts(SkeletonEnumerator.enumerate(1, ALL, 1)));
  }

  @Test
  void twoOpsOfAddAndMulAreTheNineShapesByHand() {
    // After x + c: x * t0 and t0 * t0 ((x + c) + x moves the offset; + c and * c collapse).
    // After x * x: x + t0, t0 + c, x * t0, t0 * t0, t0 * c.
    // After x * c: t0 + c (x * t0 and t0 * t0 move the scale, t0 * c collapses), x + t0.
    assertEquals(3, SkeletonEnumerator.enumerate(1, ADD_MUL, 1).size());
    assertEquals(
        Set.of(
            "t0 = add x c0; t1 = mul x t0",
            "t0 = add x c0; t1 = mul t0 t0",
            "t0 = mul x x; t1 = add x t0",
            "t0 = mul x x; t1 = add t0 c0",
            "t0 = mul x x; t1 = mul x t0",
            "t0 = mul x x; t1 = mul t0 t0",
            "t0 = mul x x; t1 = mul t0 c0",
            "t0 = mul x c0; t1 = add x t0",
            "t0 = mul x c0; t1 = add t0 c1"),
        texts(SkeletonEnumerator.enumerate(1, ADD_MUL, 2)));
  }

  @Test
  void everyShapeUsesEveryValueAndHasAtMostOneConstantPerOp() {
    for (int n = 1; n <= 4; n++) {
      for (Skeleton s : SkeletonEnumerator.enumerate(1, ALL, n)) {
        assertEquals(n, s.size());
        boolean[] used = new boolean[1 + n];
        for (int i = 0; i < n; i++) {
          assertTrue(s.left(i) != Skeleton.CONST || s.right(i) != Skeleton.CONST, s.toString());
          if (s.left(i) >= 0) {
            used[s.left(i)] = true;
          }
          if (s.right(i) >= 0) {
            used[s.right(i)] = true;
          }
        }
        for (int v = 0; v < n; v++) {
          assertTrue(used[v], s + ": value " + v + " unused");
        }
      }
    }
  }

  @Test
  void theEnumerationIsDeterministic() {
    assertEquals(SkeletonEnumerator.enumerate(1, ALL, 4), SkeletonEnumerator.enumerate(1, ALL, 4));
  }

  @Test
  void shapeCountsUpToFourOpsStayAsMeasured() {
    // A regression guard of the pruning rules: the counts the enumerator gave when the 1- and 2-op
    // lists above were checked by hand (docs/BENCHMARKS.md lists 488,399 at 5 ops).
    List<Integer> counts = new java.util.ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      counts.add(SkeletonEnumerator.enumerate(1, ALL, n).size());
    }
    assertEquals(List.of(5, 29, 543, 14_242), counts);
  }
}
