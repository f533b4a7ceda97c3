package numevo.targets.lmul;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import numevo.dsl.format.NumberFormat;

/**
 * The training subset of an exhaustive L-Mul target: a fixed, proportionally stratified sample of
 * all pairs, so that a search scores a candidate on a fraction of the pairs and only its front is
 * re-checked on all of them.
 *
 * <p>Strata: each {@link ProductCategory}, and within the {@code normal} and {@code subnormal}
 * categories each pair of mantissa fields (the bit-add error is a function of the two mantissas
 * there). Every stratum gets its share of the sample, rounded by largest remainder (the total is
 * exactly the requested size), and at least one pair; within a stratum the pairs are a seeded
 * random choice, kept in pair order. Because every stratum keeps its share, the subset's mean of
 * any per-pair quantity (the loss included) estimates the mean over all pairs, category by
 * category.
 */
public final class TrainingPairs {
  private TrainingPairs() {}

  /**
   * The subset.
   *
   * @param all the reference of every pair of an 8-bit format, never null
   * @param size pairs to keep, at least the number of nonempty strata and below the total
   * @param seed the seed of the choice within strata
   * @return the pairs, method {@code "sampled"}, with one stratum per category present
   * @throws IllegalArgumentException if {@code size} is out of range
   */
  public static OperandPairs of(ProductReference all, int size, long seed) {
    Objects.requireNonNull(all, "all");
    NumberFormat f = all.pairs().format();
    int n = all.size();
    int m = f.mantissaBits();
    int mantissaMask = (1 << m) - 1;
    int groups = ProductCategory.values().length << (2 * m);
    int[] key = new int[n];
    int[] count = new int[groups];
    for (int i = 0; i < n; i++) {
      ProductCategory c = all.category(i);
      int sub =
          c == ProductCategory.NORMAL || c == ProductCategory.SUBNORMAL
              ? (all.pairs().a(i) & mantissaMask) << m | (all.pairs().b(i) & mantissaMask)
              : 0;
      key[i] = c.ordinal() << (2 * m) | sub;
      count[key[i]]++;
    }
    int nonEmpty = (int) Arrays.stream(count).filter(c -> c > 0).count();
    if (size < nonEmpty || size >= n) {
      throw new IllegalArgumentException(
          "a training subset of " + f + " pairs needs " + nonEmpty + " to " + (n - 1) + " pairs");
    }
    int[] take = allocate(count, size);
    // The members of each group in pair order, then a seeded partial shuffle picks take[g].
    int[][] members = new int[groups][];
    int[] fill = new int[groups];
    for (int g = 0; g < groups; g++) {
      members[g] = new int[count[g]];
    }
    for (int i = 0; i < n; i++) {
      members[key[i]][fill[key[i]]++] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    boolean[] chosen = new boolean[n];
    for (int g = 0; g < groups; g++) {
      int[] mem = members[g];
      for (int j = 0; j < take[g]; j++) {
        int r = j + rng.nextInt(mem.length - j);
        int t = mem[j];
        mem[j] = mem[r];
        mem[r] = t;
        chosen[mem[j]] = true;
      }
    }
    int[] a = new int[size];
    int[] b = new int[size];
    List<OperandPairs.Stratum> strata = new ArrayList<>();
    int k = 0;
    for (ProductCategory c : ProductCategory.values()) {
      int start = k;
      for (int i = 0; i < n; i++) {
        if (chosen[i] && all.category(i) == c) {
          a[k] = all.pairs().a(i);
          b[k] = all.pairs().b(i);
          k++;
        }
      }
      if (k > start) {
        strata.add(
            new OperandPairs.Stratum(
                c.key(),
                k - start,
                "its share of the "
                    + all.count(c)
                    + " "
                    + c.key()
                    + " pairs"
                    + (c == ProductCategory.NORMAL || c == ProductCategory.SUBNORMAL
                        ? ", by mantissa pair"
                        : "")
                    + " (seed "
                    + seed
                    + ")"));
      }
    }
    return OperandPairs.sampled(f, a, b, strata, seed);
  }

  /** Largest-remainder shares of {@code size} over the counts, every nonempty group at least 1. */
  static int[] allocate(int[] count, int size) {
    long total = Arrays.stream(count).asLongStream().sum();
    int g = count.length;
    int[] take = new int[g];
    double[] remainder = new double[g];
    int given = 0;
    for (int i = 0; i < g; i++) {
      if (count[i] == 0) {
        continue;
      }
      double share = (double) count[i] * size / total;
      take[i] = Math.max(1, (int) Math.floor(share));
      remainder[i] = share - Math.floor(share);
      given += take[i];
    }
    // Hand out (or take back) single pairs by remainder, largest first (ties: lower group).
    Integer[] order = new Integer[g];
    for (int i = 0; i < g; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(remainder[y], remainder[x]));
    for (int j = 0; given < size; j = (j + 1) % g) {
      int i = order[j];
      if (count[i] > take[i]) {
        take[i]++;
        given++;
      }
    }
    for (int j = g - 1; given > size; j = (j + g - 1) % g) {
      int i = order[j];
      if (take[i] > 1) {
        take[i]--;
        given--;
      }
    }
    return take;
  }
}
