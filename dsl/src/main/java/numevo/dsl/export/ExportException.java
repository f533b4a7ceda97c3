package numevo.dsl.export;

/**
 * A program cannot be exported to a language (for instance an {@code int} literal beyond the C
 * export's {@code int64_t}). The message is one line and names the instruction.
 */
public final class ExportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what cannot be exported and why, one line
   */
  public ExportException(String message) {
    super(message, null, false, false);
  }
}
