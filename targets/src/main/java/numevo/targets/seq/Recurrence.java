package numevo.targets.seq;

import java.util.Objects;
import numevo.dsl.program.Program;

/**
 * A kernel read as a recurrence, with the number of initial terms taken from the data.
 *
 * @param kernel the kernel, in the convention of the package documentation
 * @param start how many initial terms come from the data, at least the kernel's order; the kernel
 *     computes the terms from position {@code start} on
 * @param formula a human-readable form, e.g. {@code "a(n) = a(n-1) + a(n-2)"}
 */
public record Recurrence(Program kernel, int start, String formula) {

  public Recurrence {
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(formula, "formula");
    int order = RecurrenceShape.of(kernel).order();
    if (start < order) {
      throw new IllegalArgumentException(
          "a recurrence of order "
              + order
              + " needs at least "
              + order
              + " initial terms, not "
              + start);
    }
  }

  /** A kernel with as many initial terms as its order, described by its name. */
  public static Recurrence of(Program kernel) {
    return new Recurrence(kernel, RecurrenceShape.of(kernel).order(), kernel.name());
  }

  /** A kernel with the given number of initial terms and description. */
  public static Recurrence of(Program kernel, int start, String formula) {
    return new Recurrence(kernel, start, formula);
  }

  /** The kernel's shape. */
  public RecurrenceShape shape() {
    return RecurrenceShape.of(kernel);
  }
}
