package numevo.runs.cli;

/**
 * A failure caused by the user's input (a file, a flag, a value): reported as one line, never with
 * a stack trace.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /**
   * @param message the complete one-line message, naming the file, line and column or the flag
   */
  public UserError(String message) {
    this(message, 1);
  }

  public UserError(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
