package numevo.dsl.text;

/**
 * A user's file is not readable text ({@link TextFiles}). The message is one complete line naming
 * the file, and the line and column where the content is wrong.
 */
public final class TextFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the complete one-line message
   */
  public TextFileException(String message) {
    super(message, null, false, false);
  }
}
