package numevo.hashing;

import java.util.List;

/**
 * The domain of a {@link Kind#I32} input: the ints in {@code [lo, hi]}, with values of its own that
 * every hash probes (the codes of NaN, infinities and zeros when the ints are a number format's
 * codes, say), before the generic special ints.
 *
 * @param lo the lower bound
 * @param hi the upper bound, {@code >= lo}
 * @param specials values probed first, most telling first, each in {@code [lo, hi]} (copied)
 */
public record I32Domain(int lo, int hi, List<Integer> specials) implements Domain {

  /** Every int. */
  public static final I32Domain ALL = of(Integer.MIN_VALUE, Integer.MAX_VALUE);

  /**
   * Validates the domain.
   *
   * @throws IllegalArgumentException if {@code lo > hi} or a special value is outside {@code [lo,
   *     hi]}
   * @throws NullPointerException if {@code specials} or one of them is null
   */
  public I32Domain {
    if (lo > hi) {
      throw new IllegalArgumentException("need lo <= hi, got [" + lo + ", " + hi + "]");
    }
    specials = List.copyOf(specials);
    for (int v : specials) {
      if (v < lo || v > hi) {
        throw new IllegalArgumentException(
            "special value " + v + " outside [" + lo + ", " + hi + "]");
      }
    }
  }

  /** The ints in {@code [lo, hi]}, with only the generic special ints. */
  public static I32Domain of(int lo, int hi) {
    return new I32Domain(lo, hi, List.of());
  }

  /** The ints in {@code [lo, hi]}, probed at {@code specials} first. */
  public static I32Domain of(int lo, int hi, List<Integer> specials) {
    return new I32Domain(lo, hi, specials);
  }

  @Override
  public Kind kind() {
    return Kind.I32;
  }

  /** Whether {@code x} is in the domain. */
  public boolean contains(int x) {
    return lo <= x && x <= hi;
  }
}
