package numevo.targets.seq;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A sequence split into training terms (the first ones) and held-out terms (the last ones).
 *
 * <p>The rule: of {@code N} terms, {@code K' = min(K, floor(N / 3))} are held out for a requested
 * {@code K}, so that at least two thirds of the terms stay for training. {@code K = 10} (the
 * default) holds out 10 terms from 30 terms on, as the OEIS protocol in {@code sequences.md} does;
 * 25 terms hold out 8, 12 hold out 4, fewer than 3 hold out none.
 *
 * @param data the whole sequence
 * @param train the number of training terms, the first ones
 */
public record SequenceSplit(SequenceData data, int train) {

  /** Terms held out by default. */
  public static final int DEFAULT_HELD_OUT = 10;

  public SequenceSplit {
    Objects.requireNonNull(data, "data");
    if (train < 1 || train > data.size()) {
      throw new IllegalArgumentException(
          "training terms " + train + " outside [1, " + data.size() + "]");
    }
  }

  /**
   * Holds out the last {@code min(heldOut, floor(N / 3))} terms.
   *
   * @param data the sequence
   * @param heldOut the number of terms requested to hold out, at least 0
   */
  public static SequenceSplit of(SequenceData data, int heldOut) {
    if (heldOut < 0) {
      throw new IllegalArgumentException("negative held-out count " + heldOut);
    }
    int k = Math.min(heldOut, data.size() / 3);
    return new SequenceSplit(data, data.size() - k);
  }

  /** The number of held-out terms. */
  public int heldOut() {
    return data.size() - train;
  }

  /** The training terms. */
  public List<BigInteger> trainTerms() {
    return data.terms().subList(0, train);
  }

  /** The held-out terms. */
  public List<BigInteger> heldOutTerms() {
    return data.terms().subList(train, data.size());
  }

  /** Training data only, as a sequence of its own (what a solver may look at). */
  public SequenceData trainingData() {
    return SequenceData.of(data.id(), data.name(), data.offset(), trainTerms());
  }
}
