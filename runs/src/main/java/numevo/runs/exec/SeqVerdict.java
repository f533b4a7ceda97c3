package numevo.runs.exec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import numevo.dsl.program.Program;
import numevo.dsl.text.Printer;
import numevo.evolver.fitness.FrontEntry;
import numevo.targets.seq.Recurrences;
import numevo.targets.seq.SeqScore;
import numevo.targets.seq.SeqTarget;
import numevo.targets.seq.SequenceData;

/**
 * What a search of the sequence target found, for the user: the best recurrence of the front (the
 * fewest training terms missed, then the fewest instructions), re-scored exactly, with its unused
 * inputs dropped when that needs no more (fewer) initial terms; and the verdict, "recovered" only
 * if it reproduces every training term and predicts every held-out one (so never without held-out
 * terms: "unchecked" then), "none found" otherwise.
 *
 * <p>The choice looks at training terms only: the held-out terms decide the verdict, never which
 * kernel is reported. The candidates are the front and the kernels the search started from that
 * were fitted exactly to the training terms (by its form fitter or a classical solver given with
 * {@code --seed-from}); among kernels that miss equally few training terms, a fitted one goes first
 * (its coefficients are determined by the training terms with equations to spare, where an evolved
 * kernel may fit them by coincidence), then the one with fewer instructions. So a search never ends
 * with a worse verdict than the fits it embeds.
 *
 * @param kernel the recurrence reported, or null if the front was empty
 * @param score its exact score
 * @param recovered whether it predicts every held-out term
 * @param text the lines to print, each ending in a newline
 */
public record SeqVerdict(Program kernel, SeqScore score, boolean recovered, String text) {

  public SeqVerdict {
    Objects.requireNonNull(text, "text");
  }

  /** The verdict on a search's front alone. */
  public static SeqVerdict of(SeqTarget target, List<FrontEntry> front) {
    return of(target, front, List.of());
  }

  /**
   * The verdict on a search's front and the fitted kernels it started from.
   *
   * @param target the target
   * @param front the front
   * @param fits kernels fitted exactly to the training terms (seeds)
   */
  public static SeqVerdict of(SeqTarget target, List<FrontEntry> front, List<Program> fits) {
    Program best = null;
    SeqScore bestScore = null;
    boolean bestFitted = false;
    List<Program> candidates = new ArrayList<>();
    front.forEach(e -> candidates.add(e.program()));
    candidates.addAll(fits);
    for (int i = 0; i < candidates.size(); i++) {
      Program p = candidates.get(i);
      boolean fitted = i >= front.size();
      SeqScore s;
      try {
        s = target.seqScorer().score(p);
      } catch (IllegalArgumentException e) {
        continue; // a fit needing more initial terms than there are training terms
      }
      if (bestScore == null || better(s, fitted, bestScore, bestFitted)) {
        best = p;
        bestScore = s;
        bestFitted = fitted;
      }
    }
    int heldOut = target.seqScorer().split().heldOut();
    if (best == null) {
      return new SeqVerdict(null, null, false, "verdict: none found (the front is empty)\n");
    }
    Program trimmed = Recurrences.trim(best);
    if (trimmed != best) {
      SeqScore t = target.seqScorer().score(trimmed);
      if (missed(t) <= missed(bestScore) && t.heldOutMatched() >= bestScore.heldOutMatched()) {
        best = trimmed;
        bestScore = t;
      }
    }
    return new SeqVerdict(
        best,
        bestScore,
        bestScore.predictsHeldOut(),
        text(target, best, bestScore, heldOut, bestFitted));
  }

  private static boolean better(SeqScore a, boolean aFitted, SeqScore b, boolean bFitted) {
    if (missed(a) != missed(b)) {
      return missed(a) < missed(b);
    }
    if (aFitted != bFitted) {
      return aFitted;
    }
    return a.size() < b.size();
  }

  /**
   * Training terms not reproduced, the initial ones included, as the search's {@code train_loss}
   * counts them: of two exact fits the one needing fewer initial terms is better. (Users see {@code
   * train_missed}, which leaves the initial terms out.)
   */
  private static int missed(SeqScore s) {
    return s.train() - s.trainMatched();
  }

  private static String text(SeqTarget target, Program k, SeqScore s, int heldOut, boolean fitted) {
    SequenceData data = target.seqScorer().split().data();
    StringBuilder b = new StringBuilder();
    b.append(
        "best recurrence (fewest training terms missed or taken as initial terms, then fitted"
            + " ones, then fewest ops):\n");
    b.append("  ")
        .append(Recurrences.formula(k).orElse("(formula too long to write out)"))
        .append('\n');
    b.append("  kernel: ").append(oneLine(k)).append('\n');
    b.append("  from: ")
        .append(
            fitted ? "a fit of the training terms the search started from" : "the search's front")
        .append('\n');
    List<BigInteger> initial = Recurrences.initialTerms(data, s.start());
    List<String> terms = new ArrayList<>();
    initial.forEach(x -> terms.add(x.toString()));
    int first = data.offset();
    b.append("  initial terms: ")
        .append(
            s.start() == 0
                ? "none"
                : (s.start() == 1
                        ? "a(" + first + ")"
                        : "a(" + first + ".." + (first + s.start() - 1) + ")")
                    + " = "
                    + String.join(", ", terms))
        .append('\n');
    b.append("  training terms matched: ")
        .append(s.trainMatched())
        .append(" of ")
        .append(s.trainPredicted())
        .append(" after the initial terms")
        .append(s.failure().map(f -> " (" + f + ")").orElse(""))
        .append('\n');
    b.append("  held-out terms predicted: ")
        .append(s.heldOutMatched())
        .append(" of ")
        .append(heldOut)
        .append('\n');
    b.append("verdict: ");
    if (s.predictsHeldOut()) {
      b.append("recovered (predicts all ").append(heldOut).append(" held-out terms)");
    } else if (s.fitsTraining() && heldOut == 0) {
      b.append(
          "unchecked (no term is held out, so no prediction was checked; the best kernel fits"
              + " the training terms: give more terms or --holdout K)");
    } else if (s.fitsTraining()) {
      b.append("none found (the best kernel fits the training terms but predicts ")
          .append(s.heldOutMatched())
          .append(" of ")
          .append(heldOut)
          .append(" held-out terms)");
    } else {
      b.append("none found (no kernel reproduces all ")
          .append(s.trainPredicted())
          .append(" training terms; the best reproduces ")
          .append(s.trainMatched())
          .append(")");
    }
    return b.append('\n').toString();
  }

  private static String oneLine(Program p) {
    List<String> parts = new ArrayList<>();
    for (String line : Printer.print(p).split("\n")) {
      if (!line.startsWith("kernel") && !line.isBlank()) {
        parts.add(line.trim());
      }
    }
    return String.join("; ", parts);
  }
}
