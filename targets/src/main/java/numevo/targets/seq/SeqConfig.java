package numevo.targets.seq;

/**
 * How the sequence target holds out terms and bounds evaluation.
 *
 * <p>The bound: every {@code int} value a kernel may compute, judged before it runs by {@link
 * GrowthBound} from the bit lengths of its inputs, must stay within {@code growthFactor * B +
 * slackBits} bits, where {@code B} is the largest bit length of any term of the data. A candidate
 * that could exceed it is rejected without being evaluated. Since the kernel's inputs are always
 * terms of the data (each term is computed from the given previous terms), no value ever exceeds
 * the bound, so one scoring costs at most {@code terms x instructions} operations on numbers of
 * that size: it cannot hang or exhaust memory.
 *
 * @param heldOut terms requested to hold out ({@link SequenceSplit#of})
 * @param growthFactor the bound's multiple of the largest term's bit length, at least 1
 * @param slackBits the bound's additive slack in bits, at least 0
 */
public record SeqConfig(int heldOut, int growthFactor, int slackBits) {

  public SeqConfig {
    if (heldOut < 0 || growthFactor < 1 || slackBits < 0) {
      throw new IllegalArgumentException(
          "need heldOut >= 0, growthFactor >= 1, slackBits >= 0; got "
              + heldOut
              + ", "
              + growthFactor
              + ", "
              + slackBits);
    }
  }

  /** 10 held out, values up to {@code 2 B + 256} bits. */
  public static SeqConfig defaults() {
    return new SeqConfig(SequenceSplit.DEFAULT_HELD_OUT, 2, 256);
  }

  /** The same with another held-out count. */
  public SeqConfig withHeldOut(int k) {
    return new SeqConfig(k, growthFactor, slackBits);
  }

  /** The bit bound for data whose largest term has {@code termBits} bits. */
  public long bitLimit(int termBits) {
    return (long) growthFactor * termBits + slackBits;
  }
}
