package numevo.dsl.text;

import java.util.List;
import java.util.Objects;
import numevo.dsl.program.Problem;

/**
 * Where each part of a parsed program sits in its source, so that problems and warnings found on
 * the program can be reported at a line and column. Immutable.
 */
public final class SourceMap {
  private final Position kernel;
  private final List<Position> inputs;
  private final List<Position> names;
  private final List<Position> mnemonics;
  private final List<List<Position>> operands;
  private final List<Position> outputs;

  /**
   * @param kernel the {@code kernel} keyword
   * @param inputs each input's name
   * @param names each instruction's name
   * @param mnemonics each instruction's mnemonic
   * @param operands each instruction's operands
   * @param outputs each output line's value name
   */
  SourceMap(
      Position kernel,
      List<Position> inputs,
      List<Position> names,
      List<Position> mnemonics,
      List<List<Position>> operands,
      List<Position> outputs) {
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.inputs = List.copyOf(inputs);
    this.names = List.copyOf(names);
    this.mnemonics = List.copyOf(mnemonics);
    this.operands = operands.stream().map(List::copyOf).toList();
    this.outputs = List.copyOf(outputs);
    if (names.size() != mnemonics.size() || names.size() != operands.size()) {
      throw new IllegalArgumentException("instruction positions of different lengths");
    }
  }

  /** The file name the positions refer to. */
  public String file() {
    return kernel.file();
  }

  /** The {@code kernel} keyword: where problems of the program as a whole are reported. */
  public Position kernel() {
    return kernel;
  }

  /**
   * The name of input {@code index}.
   *
   * @throws IndexOutOfBoundsException if there is no such input
   */
  public Position input(int index) {
    return inputs.get(index);
  }

  /**
   * The name (first token) of instruction {@code index}.
   *
   * @throws IndexOutOfBoundsException if there is no such instruction
   */
  public Position instruction(int index) {
    return names.get(index);
  }

  /**
   * The mnemonic of instruction {@code index}.
   *
   * @throws IndexOutOfBoundsException if there is no such instruction
   */
  public Position mnemonic(int index) {
    return mnemonics.get(index);
  }

  /**
   * Operand {@code operand} of instruction {@code index}.
   *
   * @throws IndexOutOfBoundsException if there is no such instruction or operand
   */
  public Position operand(int index, int operand) {
    return operands.get(index).get(operand);
  }

  /**
   * The value name of output {@code index}.
   *
   * @throws IndexOutOfBoundsException if there is no such output
   */
  public Position output(int index) {
    return outputs.get(index);
  }

  /**
   * Where a problem of the model's checker lies: the kernel line for the program as a whole, an
   * input's or output's name, an instruction's operand, or its mnemonic for the instruction as a
   * whole (wrong arity, op not available in the format).
   *
   * @param problem a problem with the program this map was made for, never null
   * @throws IndexOutOfBoundsException if the problem refers to a part this map does not have
   */
  public Position locate(Problem problem) {
    return switch (problem.part()) {
      case HEADER -> kernel;
      case INPUT -> input(problem.index());
      case INSTRUCTION -> {
        List<Position> ops = operands.get(problem.index());
        int a = problem.operand();
        yield a >= 0 && a < ops.size() ? ops.get(a) : mnemonic(problem.index());
      }
      case OUTPUT -> output(problem.index());
    };
  }
}
