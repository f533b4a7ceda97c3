package numevo.targets.lmul;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import numevo.dsl.format.NumberFormat;

/**
 * A fixed list of operand pairs (codes of one format) a product kernel is scored on: every pair of
 * an 8-bit format, a seeded stratified sample of a 16-bit format, or a hand-picked list. Immutable.
 */
public final class OperandPairs {

  /**
   * One stratum of a sample: a named group of consecutive pairs drawn by one rule.
   *
   * @param name a short name
   * @param count how many pairs it holds
   * @param rule how its pairs are drawn, in words
   */
  public record Stratum(String name, int count, String rule) {
    public Stratum {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(rule, "rule");
    }
  }

  /** Product-exponent buckets per mantissa pair in the stratified sample's first stratum. */
  public static final int EXPONENT_BUCKETS = 16;

  /** Pairs with a subnormal operand in the stratified sample. */
  public static final int SUBNORMAL_PAIRS = 1 << 14;

  /** Random partners of each special operand, in each operand position. */
  public static final int SPECIAL_PARTNERS = 1 << 10;

  /** Uniformly random code pairs in the stratified sample. */
  public static final int UNIFORM_PAIRS = 1 << 15;

  private final NumberFormat format;
  private final String method;
  private final int[] a;
  private final int[] b;
  private final List<Stratum> strata;
  private final OptionalLong seed;

  private OperandPairs(
      NumberFormat format,
      String method,
      int[] a,
      int[] b,
      List<Stratum> strata,
      OptionalLong seed) {
    this.seed = seed;
    this.format = format;
    this.method = method;
    this.a = a;
    this.b = b;
    this.strata = List.copyOf(strata);
  }

  /**
   * Every pair of codes of an 8-bit format, {@code a} major: pair {@code i} is {@code (i >>> 8, i &
   * 255)}.
   *
   * @param format an 8-bit format
   * @throws IllegalArgumentException if the format is not 8 bits wide
   */
  public static OperandPairs exhaustive(NumberFormat format) {
    if (format.bits() != 8) {
      throw new IllegalArgumentException("exhaustive pairs need an 8-bit format, not " + format);
    }
    int[] a = new int[1 << 16];
    int[] b = new int[1 << 16];
    for (int i = 0; i < a.length; i++) {
      a[i] = i >>> 8;
      b[i] = i & 255;
    }
    return new OperandPairs(
        format,
        "exhaustive",
        a,
        b,
        List.of(new Stratum("all", a.length, "every pair of the 256 codes")),
        OptionalLong.empty());
  }

  /**
   * A stratified sample of code pairs of a 16-bit IEEE-like format (with Inf and NaN), the same for
   * the same seed. Four strata, in this order:
   *
   * <ol>
   *   <li>{@code mantissa-grid}: for every pair of mantissa fields (all {@code 2^m x 2^m}) and each
   *       of {@value #EXPONENT_BUCKETS} buckets of the product's exponent {@code E = ea + eb}
   *       (unbiased, both operands normal), one pair with random signs and random exponents whose
   *       sum falls in the bucket: bucket 0 is far below the normal range ({@code E < emin - m -
   *       1}), bucket 1 the subnormal and underflow boundary ({@code emin - m - 1 <= E < emin}),
   *       buckets 2 to 14 split the normal range {@code [emin, emax]} into 13 equal parts, bucket
   *       15 lies above it ({@code E > emax}, overflow). Within the normal buckets every mantissa
   *       pair appears equally often, so the error statistics there are those of uniformly
   *       distributed significands.
   *   <li>{@code subnormal}: {@value #SUBNORMAL_PAIRS} pairs of a random nonzero subnormal code and
   *       a random finite nonzero code, the subnormal one first in even pairs, second in odd.
   *   <li>{@code special}: each of +0, -0, +Inf, -Inf, the canonical NaN and a negative NaN with
   *       another payload, paired with {@value #SPECIAL_PARTNERS} random codes, in both positions.
   *   <li>{@code uniform}: {@value #UNIFORM_PAIRS} pairs of uniformly random codes.
   * </ol>
   *
   * @param format a 16-bit format with infinities (bfloat16, float16)
   * @param seed the seed of the {@link SplittableRandom} that draws the sample
   * @throws IllegalArgumentException if the format is not 16 bits wide or has no infinities
   */
  public static OperandPairs stratified(NumberFormat format, long seed) {
    if (format.bits() != 16 || !format.hasInfinity()) {
      throw new IllegalArgumentException(
          "stratified pairs need a 16-bit format with Inf, not " + format);
    }
    return new Sampler(format, new SplittableRandom(seed)).draw(seed);
  }

  /**
   * A hand-picked list of pairs.
   *
   * @param format the codes' format
   * @param a the first operands' codes (copied); each in {@code [0, 2^bits)}
   * @param b the second operands' codes (copied), as many as {@code a}
   * @throws IllegalArgumentException if the lengths differ or a code is out of range
   */
  public static OperandPairs of(NumberFormat format, int[] a, int[] b) {
    Objects.requireNonNull(format, "format");
    if (a.length != b.length) {
      throw new IllegalArgumentException(a.length + " first operands but " + b.length + " second");
    }
    if (format.bits() > 16) {
      throw new IllegalArgumentException("product targets take formats of at most 16 bits");
    }
    for (int i = 0; i < a.length; i++) {
      if ((a[i] & ~format.codeMask()) != 0 || (b[i] & ~format.codeMask()) != 0) {
        throw new IllegalArgumentException(
            "pair " + i + ": code out of range for " + format + ": " + a[i] + ", " + b[i]);
      }
    }
    return new OperandPairs(
        format,
        "listed",
        a.clone(),
        b.clone(),
        List.of(new Stratum("listed", a.length, "given pairs")),
        OptionalLong.empty());
  }

  /**
   * A sample of pairs drawn by a caller's rule (package use: {@link TrainingPairs}).
   *
   * @param format the codes' format
   * @param a the first operands' codes (not copied)
   * @param b the second operands' codes (not copied)
   * @param strata the strata, in order
   * @param seed the seed the sample was drawn with
   */
  static OperandPairs sampled(
      NumberFormat format, int[] a, int[] b, List<Stratum> strata, long seed) {
    return new OperandPairs(format, "sampled", a, b, strata, OptionalLong.of(seed));
  }

  /** The codes' format. */
  public NumberFormat format() {
    return format;
  }

  /** How the pairs were chosen: {@code "exhaustive"}, {@code "sampled"} or {@code "listed"}. */
  public String method() {
    return method;
  }

  /** The seed of a sample; empty for exhaustive and listed pairs. */
  public OptionalLong seed() {
    return seed;
  }

  /** Number of pairs. */
  public int size() {
    return a.length;
  }

  /** The first operand's code of pair {@code i}. */
  public int a(int i) {
    return a[i];
  }

  /** The second operand's code of pair {@code i}. */
  public int b(int i) {
    return b[i];
  }

  /** The strata, in order; their counts add up to {@link #size()}. */
  public List<Stratum> strata() {
    return strata;
  }

  /** Copies pairs {@code from .. from+n-1} into the given columns (for the evaluator's batches). */
  void copy(int from, int n, int[] aOut, int[] bOut) {
    System.arraycopy(a, from, aOut, 0, n);
    System.arraycopy(b, from, bOut, 0, n);
  }

  /** Draws the stratified sample; one instance per sample. */
  private static final class Sampler {
    private final NumberFormat f;
    private final SplittableRandom rng;
    private final int m;
    private final int maxField;
    private final int sign;
    private final int emin;
    private final int emax;
    private final List<Integer> as = new ArrayList<>();
    private final List<Integer> bs = new ArrayList<>();

    Sampler(NumberFormat format, SplittableRandom rng) {
      this.f = format;
      this.rng = rng;
      this.m = format.mantissaBits();
      this.maxField = (1 << format.exponentBits()) - 1;
      this.sign = 1 << (format.bits() - 1);
      this.emin = format.minExponent();
      this.emax = maxField - 1 - format.bias();
    }

    OperandPairs draw(long seed) {
      List<Stratum> strata = new ArrayList<>();
      int start = as.size();
      int[][] buckets = buckets();
      for (int ma = 0; ma < 1 << m; ma++) {
        for (int mb = 0; mb < 1 << m; mb++) {
          for (int[] bucket : buckets) {
            int e = bucket[0] + rng.nextInt(bucket[1] - bucket[0] + 1);
            int lo = Math.max(emin, e - emax);
            int hi = Math.min(emax, e - emin);
            int ea = lo + rng.nextInt(hi - lo + 1);
            add(normal(ea, ma), normal(e - ea, mb));
          }
        }
      }
      strata.add(
          new Stratum(
              "mantissa-grid",
              as.size() - start,
              "every mantissa pair x "
                  + EXPONENT_BUCKETS
                  + " product-exponent buckets, normal operands, random signs (seed "
                  + seed
                  + ")"));
      start = as.size();
      for (int i = 0; i < SUBNORMAL_PAIRS; i++) {
        int sub = randomSign() | (1 + rng.nextInt((1 << m) - 1));
        int other = randomFiniteNonzero();
        if (i % 2 == 0) {
          add(sub, other);
        } else {
          add(other, sub);
        }
      }
      strata.add(
          new Stratum(
              "subnormal",
              as.size() - start,
              "a random subnormal code with a random finite nonzero code"));
      start = as.size();
      int inf = maxField << m;
      int[] specials = {
        0, sign, inf, sign | inf, (int) f.canonicalNaN(), sign | inf | 1,
      };
      for (int s : specials) {
        for (int i = 0; i < SPECIAL_PARTNERS; i++) {
          int partner = rng.nextInt(1 << 16);
          add(s, partner);
          add(rng.nextInt(1 << 16), s);
        }
      }
      strata.add(
          new Stratum(
              "special",
              as.size() - start,
              "+-0, +-Inf and two NaNs, each with random codes in both positions"));
      start = as.size();
      for (int i = 0; i < UNIFORM_PAIRS; i++) {
        add(rng.nextInt(1 << 16), rng.nextInt(1 << 16));
      }
      strata.add(new Stratum("uniform", as.size() - start, "uniformly random code pairs"));
      int[] a = as.stream().mapToInt(Integer::intValue).toArray();
      int[] b = bs.stream().mapToInt(Integer::intValue).toArray();
      return new OperandPairs(f, "sampled", a, b, strata, OptionalLong.of(seed));
    }

    /** Inclusive ranges of the unbiased product exponent, as described in {@link #stratified}. */
    private int[][] buckets() {
      int[][] r = new int[EXPONENT_BUCKETS][];
      r[0] = new int[] {2 * emin, emin - m - 2};
      r[1] = new int[] {emin - m - 1, emin - 1};
      int normalBuckets = EXPONENT_BUCKETS - 3;
      int width = emax - emin + 1;
      for (int j = 0; j < normalBuckets; j++) {
        int lo = emin + (int) ((long) width * j / normalBuckets);
        int hi = emin + (int) ((long) width * (j + 1) / normalBuckets) - 1;
        r[2 + j] = new int[] {lo, hi};
      }
      r[EXPONENT_BUCKETS - 1] = new int[] {emax + 1, 2 * emax};
      return r;
    }

    private int normal(int e, int mantissa) {
      return randomSign() | ((e + f.bias()) << m) | mantissa;
    }

    private int randomSign() {
      return rng.nextBoolean() ? sign : 0;
    }

    private int randomFiniteNonzero() {
      while (true) {
        int magnitude = rng.nextInt(maxField << m);
        if (magnitude != 0) {
          return randomSign() | magnitude;
        }
      }
    }

    private void add(int x, int y) {
      as.add(x);
      bs.add(y);
    }
  }
}
