package numevo.dsl.compile;

import numevo.dsl.program.Program;

/**
 * A program's code exceeds a limit of the class-file format (64 KiB of bytecode per method, 65,535
 * constants per class): it cannot be compiled. Evaluate it with {@link
 * numevo.dsl.eval.ColumnarEvaluator} instead.
 */
public final class KernelTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KernelTooLargeException(Program program, Throwable cause) {
    super(
        "kernel '"
            + program.name()
            + "' ("
            + program.body().size()
            + " instructions) is too large to compile: "
            + cause.getMessage(),
        cause);
  }
}
