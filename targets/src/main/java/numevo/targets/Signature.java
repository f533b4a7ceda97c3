package numevo.targets;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * The shape of the kernels a target takes: number format, input types and output types, in order.
 *
 * @param format the kernels' number format, never null
 * @param inputs the input types (copied)
 * @param outputs the output types (copied), at least one
 */
public record Signature(NumberFormat format, List<Type> inputs, List<Type> outputs) {

  public Signature {
    Objects.requireNonNull(format, "format");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("a signature needs at least one output");
    }
  }

  public static Signature of(NumberFormat format, List<Type> inputs, List<Type> outputs) {
    return new Signature(format, inputs, outputs);
  }

  /** Whether {@code p} has this format, these input types and these output types. */
  public boolean accepts(Program p) {
    // Loops rather than list equality: a search checks every candidate it scores.
    if (p.format() != format
        || p.inputs().size() != inputs.size()
        || p.outputs().size() != outputs.size()) {
      return false;
    }
    for (int i = 0; i < inputs.size(); i++) {
      if (p.inputs().get(i).type() != inputs.get(i)) {
        return false;
      }
    }
    for (int o = 0; o < outputs.size(); o++) {
      if (p.typeOf(p.outputs().get(o).index()) != outputs.get(o)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that {@code p} fits this signature.
   *
   * @param target the target's name, for the message
   * @throws TargetException with a one-line message saying what differs, if it does not fit
   */
  public void check(String target, Program p) {
    if (!accepts(p)) {
      throw TargetException.kernel(
          "kernel '"
              + p.name()
              + "' does not fit target "
              + target
              + ": it must be "
              + this
              + ", it is "
              + of(p.format(), p.inputTypes(), p.outputTypes()));
    }
  }

  /** E.g. {@code float32 (f) -> (f)}. */
  @Override
  public String toString() {
    return format + " " + types(inputs) + " -> " + types(outputs);
  }

  private static String types(List<Type> ts) {
    StringJoiner j = new StringJoiner(", ", "(", ")");
    ts.forEach(t -> j.add(t.syntax()));
    return j.toString();
  }
}
