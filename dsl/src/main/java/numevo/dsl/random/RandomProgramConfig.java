package numevo.dsl.random;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Limits;
import numevo.dsl.program.Op;
import numevo.dsl.program.Type;

/**
 * What {@link RandomPrograms} generates. Immutable; change it with the {@code with...} methods.
 *
 * @param format the kernel's number format, never null
 * @param inputTypes the types of the inputs, in order (copied; at most {@link Limits#MAX_PORTS})
 * @param minSize the fewest instructions, at least 0
 * @param maxSize the most instructions, in {@code [minSize, Limits.MAX_INSTRUCTIONS]}
 * @param ops the ops instructions are drawn from, uniformly (copied, in declaration order, without
 *     duplicates); non-empty and all valid in {@code format}
 * @param outputs the number of outputs, in {@code [1, Limits.MAX_PORTS]}
 * @param literalProbability the chance that an operand is a literal when a value of its type
 *     exists, in {@code [0, 1]}
 */
public record RandomProgramConfig(
    NumberFormat format,
    List<Type> inputTypes,
    int minSize,
    int maxSize,
    List<Op> ops,
    int outputs,
    double literalProbability) {

  /**
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if a bound is violated, an op is not valid in {@code format},
   *     or there could be no value to output (no inputs and {@code minSize} 0)
   */
  public RandomProgramConfig {
    Objects.requireNonNull(format, "format");
    inputTypes = List.copyOf(inputTypes);
    ops = List.copyOf(EnumSet.copyOf(requireNonEmpty(ops)));
    if (inputTypes.size() > Limits.MAX_PORTS) {
      throw new IllegalArgumentException("more than " + Limits.MAX_PORTS + " inputs");
    }
    if (minSize < 0 || minSize > maxSize || maxSize > Limits.MAX_INSTRUCTIONS) {
      throw new IllegalArgumentException(
          "need 0 <= minSize <= maxSize <= "
              + Limits.MAX_INSTRUCTIONS
              + ", got "
              + minSize
              + ", "
              + maxSize);
    }
    if (inputTypes.isEmpty() && minSize == 0) {
      throw new IllegalArgumentException("no inputs and minSize 0: nothing to output");
    }
    for (Op op : ops) {
      if (!isValid(op, format)) {
        throw new IllegalArgumentException("op " + op + " is not available in " + format);
      }
    }
    if (outputs < 1 || outputs > Limits.MAX_PORTS) {
      throw new IllegalArgumentException(
          "outputs must be in [1, " + Limits.MAX_PORTS + "], got " + outputs);
    }
    if (!(literalProbability >= 0 && literalProbability <= 1)) {
      throw new IllegalArgumentException(
          "literalProbability must be in [0, 1], got " + literalProbability);
    }
  }

  private static Collection<Op> requireNonEmpty(Collection<Op> ops) {
    if (ops.isEmpty()) {
      throw new IllegalArgumentException("no ops to draw from");
    }
    return ops;
  }

  /**
   * The defaults for a format: one f input, 1 to 20 instructions, every op valid in the format, one
   * output, literal probability 0.25.
   *
   * @param format never null
   */
  public static RandomProgramConfig of(NumberFormat format) {
    return new RandomProgramConfig(format, List.of(Type.F), 1, 20, validOps(format), 1, 0.25);
  }

  /** Whether {@code op} may appear in a kernel of {@code format}. */
  public static boolean isValid(Op op, NumberFormat format) {
    return (!op.float64Only() || format == NumberFormat.FLOAT64)
        && (!op.needsI32Codes() || format.hasI32Codes());
  }

  /** Every op valid in {@code format}, in declaration order. */
  public static List<Op> validOps(NumberFormat format) {
    return Arrays.stream(Op.values()).filter(op -> isValid(op, format)).toList();
  }

  /** This config with other input types. */
  public RandomProgramConfig withInputs(List<Type> types) {
    return new RandomProgramConfig(
        format, types, minSize, maxSize, ops, outputs, literalProbability);
  }

  /** This config with other input types. */
  public RandomProgramConfig withInputs(Type... types) {
    return withInputs(List.of(types));
  }

  /** This config with another size range (instructions). */
  public RandomProgramConfig withSize(int min, int max) {
    return new RandomProgramConfig(format, inputTypes, min, max, ops, outputs, literalProbability);
  }

  /** This config drawing from other ops. */
  public RandomProgramConfig withOps(Collection<Op> ops) {
    return new RandomProgramConfig(
        format, inputTypes, minSize, maxSize, List.copyOf(ops), outputs, literalProbability);
  }

  /** This config with another number of outputs. */
  public RandomProgramConfig withOutputs(int count) {
    return new RandomProgramConfig(
        format, inputTypes, minSize, maxSize, ops, count, literalProbability);
  }

  /** This config with another literal probability. */
  public RandomProgramConfig withLiteralProbability(double p) {
    return new RandomProgramConfig(format, inputTypes, minSize, maxSize, ops, outputs, p);
  }
}
