package numevo.dsl.random;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Limits;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Type;

/**
 * Random literal values that favour the hard cases: half of the draws come from a list of edge
 * values, the rest are spread over the whole type.
 */
public final class RandomLiterals {
  private RandomLiterals() {}

  private static final Map<NumberFormat, List<Double>> EDGES = new EnumMap<>(NumberFormat.class);

  static {
    for (NumberFormat f : NumberFormat.values()) {
      EDGES.put(f, computeEdges(f));
    }
  }

  /**
   * The edge values of a format: NaN, ±0 (only +0 without a negative zero), ±Inf where the format
   * has it, ±smallest subnormal, ±largest subnormal, ±min normal, ±max finite, ±1, ±0.5, ±2, the
   * successor of 1.
   *
   * @param format never null
   * @return the distinct values, each exactly representable in {@code format}
   */
  public static List<Double> floatEdges(NumberFormat format) {
    return EDGES.get(format);
  }

  private static List<Double> computeEdges(NumberFormat format) {
    double sub = format.minSubnormal();
    double onePlusUlp = 1.0 + Math.scalb(1.0, -format.mantissaBits());
    List<Double> magnitudes =
        List.of(
            0.0,
            sub,
            format.minNormal() - sub,
            format.minNormal(),
            format.maxFinite(),
            1.0,
            0.5,
            2.0,
            onePlusUlp);
    List<Double> edges = new ArrayList<>();
    edges.add(Double.NaN);
    if (format.hasInfinity()) {
      edges.add(Double.POSITIVE_INFINITY);
      edges.add(Double.NEGATIVE_INFINITY);
    }
    for (double m : magnitudes) {
      for (double v : new double[] {m, -m}) {
        double r = format.round(v); // -0 becomes +0 where the format has no negative zero
        if (!edges.contains(r)) { // List.contains uses Double.equals: -0.0 and 0.0 differ
          edges.add(r);
        }
      }
    }
    return List.copyOf(edges);
  }

  /**
   * A random value of a format: an edge value, or the value of a random code (which includes NaN
   * and, where present, infinities).
   *
   * @return a value exactly representable in {@code format}
   */
  public static double floatValue(NumberFormat format, RandomGenerator rng) {
    if (rng.nextBoolean()) {
      List<Double> edges = floatEdges(format);
      return edges.get(rng.nextInt(edges.size()));
    }
    long code = format.bits() == 64 ? rng.nextLong() : rng.nextLong() & format.codeMask();
    return format.round(format.decode(code));
  }

  /** Interesting i32 bit patterns besides the edge values: exponent and sign masks of float32. */
  private static final int[] I32_PATTERNS = {
    0x3f80_0000, 0x7f80_0000, 0x7fc0_0000, 0x007f_ffff, 0xff, 0x7f, 0x80, 127 << 23, 0x5f37_59df
  };

  /**
   * A random i32: 0, ±1, MIN, MAX, a shift count in 0..40, a float32 bit pattern, or any int.
   *
   * @param rng never null
   */
  public static int i32Value(RandomGenerator rng) {
    return switch (rng.nextInt(8)) {
      case 0 -> 0;
      case 1 -> rng.nextBoolean() ? 1 : -1;
      case 2 -> rng.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
      case 3, 4 -> rng.nextInt(41);
      case 5 -> I32_PATTERNS[rng.nextInt(I32_PATTERNS.length)];
      default -> rng.nextInt();
    };
  }

  /**
   * A random int: 0, ±1, small, near ±2^63 and ±2^64, a random value of up to 200 bits, or rarely
   * one of the largest allowed magnitude ({@link Limits#MAX_LITERAL_BITS} bits).
   *
   * @param rng never null
   */
  public static BigInteger intValue(RandomGenerator rng) {
    BigInteger v =
        switch (rng.nextInt(10)) {
          case 0 -> BigInteger.ZERO;
          case 1 -> BigInteger.ONE;
          case 2, 3 -> BigInteger.valueOf(rng.nextInt(201) - 100L);
          case 4 -> BigInteger.ONE.shiftLeft(63).add(BigInteger.valueOf(rng.nextInt(5) - 2L));
          case 5 -> BigInteger.ONE.shiftLeft(64).add(BigInteger.valueOf(rng.nextInt(5) - 2L));
          case 6 ->
              rng.nextInt(20) == 0
                  ? BigInteger.ONE.shiftLeft(Limits.MAX_LITERAL_BITS).subtract(BigInteger.ONE)
                  : BigInteger.valueOf(rng.nextLong());
          default -> randomBits(rng, 1 + rng.nextInt(200));
        };
    return rng.nextBoolean() ? v : v.negate();
  }

  private static BigInteger randomBits(RandomGenerator rng, int bits) {
    byte[] bytes = new byte[(bits + 7) / 8];
    rng.nextBytes(bytes);
    return new BigInteger(1, bytes).shiftRight(bytes.length * 8 - bits);
  }

  /**
   * A random literal operand of a type.
   *
   * @param type never null
   * @param format the kernel's format (for f literals), never null
   * @param rng never null
   */
  public static Operand literal(Type type, NumberFormat format, RandomGenerator rng) {
    return switch (type) {
      case F -> FloatLit.of(floatValue(format, rng));
      case I32 -> I32Lit.of(i32Value(rng));
      case INT -> IntLit.of(intValue(rng));
    };
  }
}
