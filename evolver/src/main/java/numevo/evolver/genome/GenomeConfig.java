package numevo.evolver.genome;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Checker;
import numevo.dsl.program.Input;
import numevo.dsl.program.Limits;
import numevo.dsl.program.Op;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomProgramConfig;

/**
 * The shape of every kernel in a search: format, inputs, output types, the primitive set and the
 * size limits. Every program the genome makes has exactly these inputs (names included) and output
 * types, between {@code minSize} and {@code maxSize} instructions, and only ops from {@code ops}.
 *
 * @param format the number format, never null
 * @param inputs the inputs, names and types (copied); at most {@link Limits#MAX_PORTS}
 * @param outputTypes the output types, in order (copied); 1 to {@link Limits#MAX_PORTS}
 * @param ops the primitive set (copied, in declaration order, without duplicates); non-empty, every
 *     op valid in {@code format}
 * @param minSize the fewest instructions, {@code >= 0}
 * @param maxSize the most instructions, {@code >= minSize} and at most {@link
 *     Limits#MAX_INSTRUCTIONS}
 * @param initialMaxSize the most instructions of a random initial kernel, in {@code [minSize,
 *     maxSize]}
 * @param literals how literal operands are drawn, never null
 */
public record GenomeConfig(
    NumberFormat format,
    List<Input> inputs,
    List<Type> outputTypes,
    List<Op> ops,
    int minSize,
    int maxSize,
    int initialMaxSize,
    LiteralConfig literals) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if a bound is violated, an op is not valid in the format, an
   *     input name is bad or repeated, or some output type can be neither an input nor the result
   *     of an allowed op
   */
  public GenomeConfig {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(literals, "literals");
    inputs = List.copyOf(inputs);
    outputTypes = List.copyOf(outputTypes);
    if (ops.isEmpty()) {
      throw new IllegalArgumentException("no ops in the primitive set");
    }
    ops = List.copyOf(EnumSet.copyOf(ops));
    if (inputs.size() > Limits.MAX_PORTS) {
      throw new IllegalArgumentException("more than " + Limits.MAX_PORTS + " inputs");
    }
    if (outputTypes.isEmpty() || outputTypes.size() > Limits.MAX_PORTS) {
      throw new IllegalArgumentException(
          "need 1 to " + Limits.MAX_PORTS + " outputs, got " + outputTypes.size());
    }
    Set<String> names = new HashSet<>();
    for (Input in : inputs) {
      if (!Checker.isIdentifier(in.name()) || !names.add(in.name())) {
        throw new IllegalArgumentException("bad or repeated input name '" + in.name() + "'");
      }
    }
    for (Op op : ops) {
      if (!RandomProgramConfig.isValid(op, format)) {
        throw new IllegalArgumentException("op " + op + " is not available in " + format);
      }
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
    if (initialMaxSize < minSize || initialMaxSize > maxSize) {
      throw new IllegalArgumentException(
          "initialMaxSize must be in [minSize, maxSize], got " + initialMaxSize);
    }
    Set<Type> missing = EnumSet.noneOf(Type.class);
    for (Type t : outputTypes) {
      boolean input = inputs.stream().anyMatch(in -> in.type() == t);
      if (!input) {
        if (ops.stream().noneMatch(op -> op.result() == t)) {
          throw new IllegalArgumentException(
              "no input of type " + t + " and no op that makes one, for an output");
        }
        missing.add(t);
      }
    }
    if (missing.size() > maxSize) {
      throw new IllegalArgumentException("maxSize too small to make every output type");
    }
  }

  /**
   * A one-output configuration with inputs named {@code x0, x1, ...}, sizes 0 to 20 (initially at
   * most 8) and the default literals.
   *
   * @param format the number format
   * @param inputTypes the input types
   * @param outputType the output type
   * @param ops the primitive set
   */
  public static GenomeConfig of(
      NumberFormat format, List<Type> inputTypes, Type outputType, List<Op> ops) {
    List<Input> inputs = new ArrayList<>();
    for (int i = 0; i < inputTypes.size(); i++) {
      inputs.add(Input.of("x" + i, inputTypes.get(i)));
    }
    return new GenomeConfig(
        format, inputs, List.of(outputType), ops, 0, 20, 8, LiteralConfig.DEFAULT);
  }

  /** This configuration with other size limits. */
  public GenomeConfig withSizes(int minSize, int maxSize, int initialMaxSize) {
    return new GenomeConfig(
        format, inputs, outputTypes, ops, minSize, maxSize, initialMaxSize, literals);
  }

  /** This configuration with other literal settings. */
  public GenomeConfig withLiterals(LiteralConfig literals) {
    return new GenomeConfig(
        format, inputs, outputTypes, ops, minSize, maxSize, initialMaxSize, literals);
  }

  /** This configuration with another primitive set. */
  public GenomeConfig withOps(List<Op> ops) {
    return new GenomeConfig(
        format, inputs, outputTypes, ops, minSize, maxSize, initialMaxSize, literals);
  }

  /** The input types, in order. */
  public List<Type> inputTypes() {
    return inputs.stream().map(Input::type).toList();
  }
}
