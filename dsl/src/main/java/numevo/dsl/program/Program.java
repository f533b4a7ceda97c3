package numevo.dsl.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Operand.Ref;

/**
 * A kernel: a name, a number format, typed inputs, straight-line SSA instructions and outputs.
 * Immutable, with structural equality (names included). Every instance is well formed: the
 * constructor runs {@link Checker} and throws {@link ProgramException} otherwise.
 *
 * <p>Values are numbered: inputs {@code 0 .. inputs-1}, then instruction {@code i} defines value
 * {@code inputs + i}.
 *
 * @param name the kernel's name
 * @param format the number format every float op rounds to
 * @param inputs the inputs (copied)
 * @param body the instructions (copied)
 * @param outputs the values returned, in order (copied); at least one
 */
public record Program(
    String name, NumberFormat format, List<Input> inputs, List<Instr> body, List<Ref> outputs) {

  public Program {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    inputs = List.copyOf(inputs);
    body = List.copyOf(body);
    outputs = List.copyOf(outputs);
    List<Problem> problems = Checker.check(name, format, inputs, body, outputs);
    if (!problems.isEmpty()) {
      throw new ProgramException(problems.stream().map(Problem::toString).toList());
    }
  }

  /**
   * Builds and checks a program.
   *
   * @throws ProgramException if it is malformed
   */
  public static Program of(
      String name, NumberFormat format, List<Input> inputs, List<Instr> body, List<Ref> outputs) {
    return new Program(name, format, inputs, body, outputs);
  }

  /** Number of values: inputs plus instructions. */
  public int valueCount() {
    return inputs.size() + body.size();
  }

  /** The type of value {@code index}. */
  public Type typeOf(int index) {
    int k = inputs.size();
    return index < k ? inputs.get(index).type() : body.get(index - k).op().result();
  }

  /** The name of value {@code index}. */
  public String nameOf(int index) {
    int k = inputs.size();
    return index < k ? inputs.get(index).name() : body.get(index - k).name();
  }

  /** The types of the outputs, in order. */
  public List<Type> outputTypes() {
    List<Type> t = new ArrayList<>(outputs.size());
    for (Ref r : outputs) {
      t.add(typeOf(r.index()));
    }
    return t;
  }

  /** The types of the inputs, in order. */
  public List<Type> inputTypes() {
    return inputs.stream().map(Input::type).toList();
  }

  /** For each value, whether some output depends on it. */
  public boolean[] liveValues() {
    boolean[] live = new boolean[valueCount()];
    for (Ref r : outputs) {
      live[r.index()] = true;
    }
    int k = inputs.size();
    for (int i = body.size() - 1; i >= 0; i--) {
      if (!live[k + i]) {
        continue;
      }
      for (Operand a : body.get(i).args()) {
        if (a instanceof Ref r) {
          live[r.index()] = true;
        }
      }
    }
    return live;
  }
}
