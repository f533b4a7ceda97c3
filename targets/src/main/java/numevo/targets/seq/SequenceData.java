package numevo.targets.seq;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * An integer sequence as given: an id, the index of its first term, and its terms.
 *
 * @param id a name for messages and kernel names, e.g. {@code "A000045"}
 * @param name a description, e.g. {@code "Fibonacci"}; empty if none
 * @param offset the index of the first term: {@code terms.get(i)} is {@code a(offset + i)}
 * @param terms the terms (copied), at least one
 */
public record SequenceData(String id, String name, int offset, List<BigInteger> terms) {
  public SequenceData {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new IllegalArgumentException(id + ": no terms");
    }
  }

  /** A sequence with the given id, offset and terms, without a description. */
  public static SequenceData of(String id, int offset, List<BigInteger> terms) {
    return new SequenceData(id, "", offset, terms);
  }

  /** A sequence with the given id, description, offset and terms. */
  public static SequenceData of(String id, String name, int offset, List<BigInteger> terms) {
    return new SequenceData(id, name, offset, terms);
  }

  /** Number of terms. */
  public int size() {
    return terms.size();
  }

  /** Term {@code i} (0-based position, not the index {@code n}). */
  public BigInteger term(int i) {
    return terms.get(i);
  }

  /** The largest bit length of any term. */
  public int maxBits() {
    int b = 0;
    for (BigInteger t : terms) {
      b = Math.max(b, t.bitLength());
    }
    return b;
  }
}
