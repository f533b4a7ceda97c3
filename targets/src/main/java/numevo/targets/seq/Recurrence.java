package numevo.targets.seq;

import java.util.Objects;
import numevo.dsl.program.Program;

/**
 * A kernel read as a recurrence (see the package documentation), with a human-readable form. Its
 * order {@code k}, the number of previous terms it takes, is also the number of initial terms taken
 * from the data: a recurrence that needs more initial terms than it looks back (one whose leading
 * coefficient vanishes early on) takes extra inputs it does not use.
 *
 * @param kernel the kernel, in the convention
 * @param formula a human-readable form, e.g. {@code "a(n) = a(n-1) + a(n-2)"}
 */
public record Recurrence(Program kernel, String formula) {

  public Recurrence {
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(formula, "formula");
    RecurrenceShape.of(kernel); // checks the convention
  }

  /** A kernel, described by its name. */
  public static Recurrence of(Program kernel) {
    return new Recurrence(kernel, kernel.name());
  }

  /** A kernel with a description. */
  public static Recurrence of(Program kernel, String formula) {
    return new Recurrence(kernel, formula);
  }

  /** The kernel's shape. */
  public RecurrenceShape shape() {
    return RecurrenceShape.of(kernel);
  }

  /** The number of initial terms: the order. */
  public int start() {
    return shape().order();
  }
}
