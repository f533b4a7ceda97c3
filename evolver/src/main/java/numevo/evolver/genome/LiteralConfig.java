package numevo.evolver.genome;

import java.util.List;

/**
 * How the edits draw literal operands.
 *
 * @param probability the chance that a new operand is a literal rather than a reference, when a
 *     value of its type exists, in {@code [0, 1]}
 * @param floats float constants drawn half of the time (each rounded to the kernel's format when
 *     used); may be empty
 * @param floatSpan the other float literals are uniform in {@code [-floatSpan, floatSpan]}, rounded
 *     to the format; finite and {@code >= 0}
 * @param intSpan i32 and int literals are uniform in {@code [-intSpan, intSpan]} (i32 literals are
 *     sometimes a float32 bit pattern instead); {@code >= 0}
 * @param ints integer constants (copied), drawn half of the time for an i32 or int literal when not
 *     empty (an i32 literal takes the low 32 bits); e.g. the masks and fields of a number format's
 *     codes
 */
public record LiteralConfig(
    double probability, List<Double> floats, double floatSpan, int intSpan, List<Long> ints) {

  /**
   * A literal a quarter of the time; constants 0, 1, 2, 0.5, -1; span 4; ints within 16; no integer
   * constants.
   */
  public static final LiteralConfig DEFAULT =
      new LiteralConfig(0.25, List.of(0.0, 1.0, 2.0, 0.5, -1.0), 4.0, 16, List.of());

  /** See the record's components; no integer constants. */
  public LiteralConfig(double probability, List<Double> floats, double floatSpan, int intSpan) {
    this(probability, floats, floatSpan, intSpan, List.of());
  }

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a bound is violated or a constant is not finite
   */
  public LiteralConfig {
    floats = List.copyOf(floats);
    ints = List.copyOf(ints);
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("literal probability must be in [0, 1]: " + probability);
    }
    if (!(floatSpan >= 0) || Double.isInfinite(floatSpan)) {
      throw new IllegalArgumentException("floatSpan must be finite and >= 0: " + floatSpan);
    }
    if (intSpan < 0) {
      throw new IllegalArgumentException("intSpan must be >= 0: " + intSpan);
    }
    for (double f : floats) {
      if (!Double.isFinite(f)) {
        throw new IllegalArgumentException("float constants must be finite: " + f);
      }
    }
  }

  /** See the record's components. */
  public static LiteralConfig of(
      double probability, List<Double> floats, double floatSpan, int intSpan) {
    return new LiteralConfig(probability, floats, floatSpan, intSpan);
  }

  /** This configuration with another literal probability. */
  public LiteralConfig withProbability(double p) {
    return new LiteralConfig(p, floats, floatSpan, intSpan, ints);
  }

  /** This configuration with other integer constants. */
  public LiteralConfig withInts(List<Long> constants) {
    return new LiteralConfig(probability, floats, floatSpan, intSpan, constants);
  }
}
