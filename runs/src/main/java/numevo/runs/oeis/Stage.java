package numevo.runs.oeis;

import java.util.Objects;

/**
 * What one stage of the cascade found for one sequence.
 *
 * @param status the outcome
 * @param predicted held-out terms the stage's recurrence predicted (consecutively, from the first)
 * @param by the solver or form (e.g. {@code berlekamp-massey}); empty if none
 * @param formula the recurrence, or the error's message; empty if none
 */
public record Stage(Stage.Status status, int predicted, String by, String formula) {

  /** A stage's outcome. */
  public enum Status {
    /** Its recurrence reproduces the training terms and predicts every held-out term. */
    SOLVED,
    /** Its recurrence reproduces the training terms but mispredicts a held-out term. */
    WRONG,
    /** It found no recurrence reproducing every training term. */
    NONE,
    /** It did not run: an earlier stage chose a recurrence, or no time was left. */
    SKIPPED,
    /** It failed (the message is the formula). */
    ERROR
  }

  public Stage {
    Objects.requireNonNull(status, "status");
    by = TsvText.clean(by);
    formula = TsvText.clean(formula);
  }

  /** A stage that did not run. */
  public static final Stage SKIPPED = new Stage(Status.SKIPPED, 0, "", "");

  /** A stage that found nothing. */
  public static Stage none() {
    return new Stage(Status.NONE, 0, "", "");
  }

  /** A recurrence reproducing the training terms, solved if it predicts all held-out terms. */
  public static Stage found(boolean solved, int predicted, String by, String formula) {
    return new Stage(solved ? Status.SOLVED : Status.WRONG, predicted, by, formula);
  }

  /** A failure. */
  public static Stage error(String by, String message) {
    return new Stage(Status.ERROR, 0, by, message);
  }

  /** Whether this stage chose a recurrence (which ends the cascade). */
  public boolean chose() {
    return status == Status.SOLVED || status == Status.WRONG;
  }

  /** The journal's cell: {@code solved}, {@code wrong}, {@code none}, {@code -}, {@code error}. */
  public String cell() {
    return switch (status) {
      case SOLVED -> "solved";
      case WRONG -> "wrong";
      case NONE -> "none";
      case SKIPPED -> "-";
      case ERROR -> "error";
    };
  }

  /** The status of a cell. */
  static Status status(String cell) {
    return switch (cell) {
      case "solved" -> Status.SOLVED;
      case "wrong" -> Status.WRONG;
      case "none" -> Status.NONE;
      case "-" -> Status.SKIPPED;
      case "error" -> Status.ERROR;
      default -> throw new IllegalArgumentException("unknown stage outcome '" + cell + "'");
    };
  }
}
