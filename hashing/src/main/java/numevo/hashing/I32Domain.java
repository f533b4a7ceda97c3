package numevo.hashing;

/**
 * The domain of a {@link Kind#I32} input: the ints in {@code [lo, hi]}.
 *
 * @param lo the lower bound
 * @param hi the upper bound, {@code >= lo}
 */
public record I32Domain(int lo, int hi) implements Domain {

  /** Every int. */
  public static final I32Domain ALL = new I32Domain(Integer.MIN_VALUE, Integer.MAX_VALUE);

  /**
   * Validates the domain.
   *
   * @throws IllegalArgumentException if {@code lo > hi}
   */
  public I32Domain {
    if (lo > hi) {
      throw new IllegalArgumentException("need lo <= hi, got [" + lo + ", " + hi + "]");
    }
  }

  /** The ints in {@code [lo, hi]}. */
  public static I32Domain of(int lo, int hi) {
    return new I32Domain(lo, hi);
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
