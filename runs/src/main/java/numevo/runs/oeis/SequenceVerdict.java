package numevo.runs.oeis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One sequence's result: what each stage of the cascade found, which one chose the recurrence, and
 * how long it took. One line of the journal and of {@code verdicts.tsv}.
 *
 * @param id the sequence's id
 * @param terms its terms
 * @param train the training terms
 * @param heldOut the held-out terms
 * @param classical what the classical guessers found
 * @param fit what the form fits found ({@link Stage#SKIPPED} after a classical choice)
 * @param guess what the extended guessers ({@link Guesses}) found ({@link Stage#SKIPPED} after an
 *     earlier choice)
 * @param search what the search found ({@link Stage#SKIPPED} after an earlier choice, or when no
 *     time was left)
 * @param seconds the wall time of the whole cascade
 * @param searchSeconds the search's wall time (0 if it did not run)
 * @param generations the search's generations (0 if it did not run)
 */
public record SequenceVerdict(
    String id,
    int terms,
    int train,
    int heldOut,
    Stage classical,
    Stage fit,
    Stage guess,
    Stage search,
    double seconds,
    double searchSeconds,
    long generations) {

  /** The stages' names, in cascade order. */
  public static final List<String> NAMES = List.of("classical", "fit", "guess", "search");

  /** The columns of a line. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "terms",
          "train",
          "held_out",
          "method",
          "solved",
          "predicted",
          "seconds",
          "search_seconds",
          "generations",
          "classical",
          "fit",
          "guess",
          "search",
          "by",
          "recurrence",
          "note");

  public SequenceVerdict {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(classical, "classical");
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(guess, "guess");
    Objects.requireNonNull(search, "search");
  }

  /** The stages in cascade order. */
  public List<Stage> stages() {
    return List.of(classical, fit, guess, search);
  }

  /** The stage that chose the recurrence, or null. */
  public Stage chosen() {
    for (Stage s : stages()) {
      if (s.chose()) {
        return s;
      }
    }
    return null;
  }

  /** The stage that chose the recurrence, or {@link Method#NONE}. */
  public Method chooser() {
    if (classical.chose()) {
      return Method.CLASSICAL;
    }
    if (fit.chose()) {
      return Method.FIT;
    }
    if (guess.chose()) {
      return Method.ofGuess(guess.by());
    }
    return search.chose() ? Method.SEARCH : Method.NONE;
  }

  /** Whether the chosen recurrence predicts every held-out term. */
  public boolean solved() {
    Stage c = chosen();
    return c != null && c.status() == Stage.Status.SOLVED;
  }

  /** The method that solved it, or {@link Method#NONE}. */
  public Method method() {
    return solved() ? chooser() : Method.NONE;
  }

  /** The line, without its newline. */
  public String line() {
    Stage c = chosen();
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      Stage s = stages().get(i);
      if (s.status() == Stage.Status.ERROR) {
        notes.add(NAMES.get(i) + " failed: " + s.formula());
      }
    }
    if (c != null && c.status() == Stage.Status.WRONG) {
      notes.add(
          "fits the training terms, predicts " + c.predicted() + " of " + heldOut + " held out");
    }
    return String.join(
        "\t",
        id,
        Integer.toString(terms),
        Integer.toString(train),
        Integer.toString(heldOut),
        method().label(),
        solved() ? "yes" : "no",
        Integer.toString(c == null ? 0 : c.predicted()),
        String.format(Locale.ROOT, "%.3f", seconds),
        String.format(Locale.ROOT, "%.3f", searchSeconds),
        Long.toString(generations),
        classical.cell(),
        fit.cell(),
        guess.cell(),
        search.cell(),
        c == null ? "-" : c.by(),
        c == null ? "-" : c.formula(),
        notes.isEmpty() ? "-" : TsvText.clean(String.join("; ", notes)));
  }

  /**
   * Reads a line written by {@link #line()}. The stages are rebuilt from their cells: the chosen
   * one with its solver and recurrence, an error with its message.
   *
   * @throws IllegalArgumentException if the line is malformed
   */
  public static SequenceVerdict parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length == COLUMNS.size() - 1) {
      // A line written before the guess stage existed: it did not run.
      List<String> l = new ArrayList<>(List.of(f));
      l.add(12, "-");
      f = l.toArray(String[]::new);
    }
    if (f.length != COLUMNS.size()) {
      throw new IllegalArgumentException(
          "expected " + COLUMNS.size() + " tab-separated fields, found " + f.length);
    }
    try {
      int heldOut = Integer.parseInt(f[3]);
      int predicted = Integer.parseInt(f[6]);
      String[] notes = f[16].equals("-") ? new String[0] : f[16].split("; ");
      Stage[] stages = new Stage[NAMES.size()];
      for (int i = 0; i < NAMES.size(); i++) {
        Stage.Status st = Stage.status(f[10 + i]);
        stages[i] =
            switch (st) {
              case SOLVED, WRONG -> new Stage(st, predicted, f[14], f[15]);
              case NONE, SKIPPED -> new Stage(st, 0, "", "");
              case ERROR -> Stage.error(NAMES.get(i), errorOf(notes, NAMES.get(i)));
            };
      }
      return new SequenceVerdict(
          f[0],
          Integer.parseInt(f[1]),
          Integer.parseInt(f[2]),
          heldOut,
          stages[0],
          stages[1],
          stages[2],
          stages[3],
          Double.parseDouble(f[7]),
          Double.parseDouble(f[8]),
          Long.parseLong(f[9]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a number field is malformed: " + e.getMessage());
    }
  }

  private static String errorOf(String[] notes, String stage) {
    String prefix = stage + " failed: ";
    for (String n : notes) {
      if (n.startsWith(prefix)) {
        return n.substring(prefix.length());
      }
    }
    return "";
  }

  /** The header line of {@code verdicts.tsv}. */
  public static String header() {
    return String.join("\t", COLUMNS);
  }
}
