package numevo.targets.seq;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The score of a recurrence on a split sequence.
 *
 * <p>The kernel is applied at every position from {@code start} on, to the given previous terms. Up
 * to the first term it gets wrong this is the same as running the recurrence from its initial
 * terms, so {@code trainMatched} is the number of consecutive training terms it reproduces and
 * {@code heldOutMatched} the number of consecutive held-out terms it then predicts.
 *
 * @param start initial terms taken from the data
 * @param train training terms
 * @param trainMatched consecutive training terms from position {@code start} on that the recurrence
 *     reproduces, in {@code [0, train - start]}
 * @param heldOut held-out terms
 * @param heldOutMatched consecutive held-out terms predicted; 0 unless every training term from
 *     {@code start} on was reproduced
 * @param size the kernel's live instructions
 * @param failure why evaluation stopped early (an invalid evaluation at a term, or the growth
 *     bound), or empty; the terms before it still count
 * @param trainLoss what a search minimizes: {@code start}, plus for every training position from
 *     {@code start} on where the kernel, applied to the data's previous terms, gets the term wrong,
 *     its relative error {@code min(1, |y - t| / max(1, |t|))} (its output {@code y}, the term
 *     {@code t}; 1 without a valid output). It is {@code start} exactly when the training terms
 *     fit, and at most {@code train} otherwise. Unlike the count of consecutive matches it credits
 *     being close at every position, which gives the search a slope toward the right structure (a
 *     kernel off by a shrinking relative error everywhere beats one that matches two terms by a
 *     fitted constant)
 */
public record SeqScore(
    int start,
    int train,
    int trainMatched,
    int heldOut,
    int heldOutMatched,
    int size,
    Optional<String> failure,
    double trainLoss) {

  /** More training terms reproduced first, then fewer instructions. */
  public static final Comparator<SeqScore> FITNESS =
      Comparator.comparingInt(SeqScore::trainMatched).reversed().thenComparingInt(SeqScore::size);

  public SeqScore {
    Objects.requireNonNull(failure, "failure");
    if (!(trainLoss >= 0)) {
      throw new IllegalArgumentException("trainLoss must be >= 0: " + trainLoss);
    }
  }

  /**
   * A score whose training loss is the count of training terms missed, initial ones included (no
   * distances measured).
   */
  public SeqScore(
      int start,
      int train,
      int trainMatched,
      int heldOut,
      int heldOutMatched,
      int size,
      Optional<String> failure) {
    this(
        start,
        train,
        trainMatched,
        heldOut,
        heldOutMatched,
        size,
        failure,
        Math.max(start, train - trainMatched));
  }

  /** The training terms the recurrence has to produce: those after its initial terms. */
  public int trainPredicted() {
    return Math.max(0, train - start);
  }

  /** Whether every training term after the initial ones was reproduced. */
  public boolean fitsTraining() {
    return trainMatched == trainPredicted();
  }

  /**
   * Whether it fits the training terms and predicts every held-out term; false if no term is held
   * out (nothing was predicted).
   */
  public boolean predictsHeldOut() {
    return heldOut > 0 && fitsTraining() && heldOutMatched == heldOut;
  }
}
