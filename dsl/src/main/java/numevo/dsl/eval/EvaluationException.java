package numevo.dsl.eval;

/**
 * The evaluation of a program is invalid: an inexact or zero {@code int} division, or an {@code
 * int} value beyond {@link IntLimits}. A search treats the candidate as invalid; it is not a bug.
 */
public final class EvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, one line
   */
  public EvaluationException(String message) {
    // No stack trace: invalid candidates are routine in a search and must be cheap.
    super(message, null, false, false);
  }
}
