package numevo.targets.seq;

import numevo.dsl.program.Input;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * How a kernel reads as a recurrence (see the package documentation): whether its first input is
 * the index {@code n}, and how many previous terms it takes.
 *
 * @param usesIndex whether the first input is {@code n}
 * @param order the number of previous terms {@code k} (inputs {@code a1 .. ak})
 */
public record RecurrenceShape(boolean usesIndex, int order) {

  /** The name that marks the first input as the index. */
  public static final String INDEX = "n";

  /**
   * The shape of a kernel.
   *
   * @throws IllegalArgumentException (one line) if an input or the output is not {@code int}, or
   *     the kernel does not have exactly one output
   */
  public static RecurrenceShape of(Program kernel) {
    for (Input in : kernel.inputs()) {
      if (in.type() != Type.INT) {
        throw new IllegalArgumentException(
            kernel.name()
                + ": a recurrence takes int inputs only (n, a1 .. ak); input "
                + in.name()
                + " is "
                + in.type());
      }
    }
    if (kernel.outputs().size() != 1 || kernel.outputTypes().get(0) != Type.INT) {
      throw new IllegalArgumentException(
          kernel.name()
              + ": a recurrence returns one int, a(n); it returns "
              + kernel.outputTypes());
    }
    boolean usesIndex = !kernel.inputs().isEmpty() && kernel.inputs().get(0).name().equals(INDEX);
    return new RecurrenceShape(usesIndex, kernel.inputs().size() - (usesIndex ? 1 : 0));
  }
}
