package numevo.targets.seq;

/**
 * Sequence data cannot be read. The message is one line, located as {@code file:line: message} (or
 * {@code origin: message} for text that is not from a file).
 */
public final class SequenceFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the located one-line message
   */
  public SequenceFormatException(String message) {
    super(message, null, false, false);
  }
}
