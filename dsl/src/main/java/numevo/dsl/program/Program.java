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
    Type[] t = new Type[inputs.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = inputs.get(i).type();
    }
    return List.of(t);
  }

  /** For each value, whether some output depends on it. */
  public boolean[] liveValues() {
    // Index loops: a search calls this for every kernel it scores, and iterators would allocate.
    boolean[] live = new boolean[valueCount()];
    for (int o = 0; o < outputs.size(); o++) {
      live[outputs.get(o).index()] = true;
    }
    int k = inputs.size();
    for (int i = body.size() - 1; i >= 0; i--) {
      if (!live[k + i]) {
        continue;
      }
      List<Operand> args = body.get(i).args();
      for (int a = 0; a < args.size(); a++) {
        if (args.get(a) instanceof Ref r) {
          live[r.index()] = true;
        }
      }
    }
    return live;
  }
}
