package numevo.targets;

/**
 * A target cannot be built or cannot score a kernel for a reason the user can fix: a bad target
 * file (the message names file:line:col), a kernel that does not fit the target's signature, an
 * unknown target, a method the target does not support. The message is one complete line.
 */
public final class TargetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the complete one-line message, never null
   */
  public TargetException(String message) {
    super(message, null, false, false);
  }
}
