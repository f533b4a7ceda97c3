package numevo.targets;

/**
 * A target cannot be built or cannot score a kernel for a reason the user can fix: a bad target
 * file (the message names file:line:col), a kernel that does not fit the target's signature, an
 * unknown target, a method the target does not support. The message is one complete line.
 */
public final class TargetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean aboutKernel;
  private final boolean aboutUsage;

  /**
   * @param message the complete one-line message, never null
   */
  public TargetException(String message) {
    this(message, false, false);
  }

  private TargetException(String message, boolean aboutKernel, boolean aboutUsage) {
    super(message, null, false, false);
    this.aboutKernel = aboutKernel;
    this.aboutUsage = aboutUsage;
  }

  /**
   * A target parameter (a command-line flag) is out of range or does not fit the data: a usage
   * error, whose message names the flag.
   *
   * @param message the complete one-line message naming the flag, never null
   */
  public static TargetException usage(String message) {
    return new TargetException(message, false, true);
  }

  /** Whether the problem is a parameter's value, a usage error ({@link #usage}). */
  public boolean aboutUsage() {
    return aboutUsage;
  }

  /**
   * The kernel itself does not fit the target (its format, inputs or outputs), so that a caller
   * holding the kernel's source can say where: {@code file:line:col: message}.
   *
   * @param message the complete one-line message, never null
   */
  public static TargetException kernel(String message) {
    return new TargetException(message, true, false);
  }

  /** Whether the problem is the kernel's shape rather than the target or its parameters. */
  public boolean aboutKernel() {
    return aboutKernel;
  }
}
