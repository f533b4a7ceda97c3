package numevo.hashing;

/**
 * How many probe points to use and how to seed them. Both are mixed into every hash.
 *
 * @param count the number of probe points, in {@code [1, MAX_COUNT]}; at most half of them are
 *     special values, the rest random points of the domains
 * @param seed the seed of the random points; any value
 */
public record ProbeConfig(int count, long seed) {

  /** The largest probe count accepted. */
  public static final int MAX_COUNT = 1 << 20;

  /**
   * 128 points: room for every special value of one or two float inputs beside 64 random points, at
   * a hashing cost still far below scoring.
   */
  public static final ProbeConfig DEFAULT = new ProbeConfig(128, 0x6e75_6d65_766f_3031L);

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException if {@code count} is out of range
   */
  public ProbeConfig {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("probe count must be in [1, " + MAX_COUNT + "]: " + count);
    }
  }

  /** See the record's components. */
  public static ProbeConfig of(int count, long seed) {
    return new ProbeConfig(count, seed);
  }

  /** This configuration with another count. */
  public ProbeConfig withCount(int count) {
    return new ProbeConfig(count, seed);
  }

  /** This configuration with another seed. */
  public ProbeConfig withSeed(long seed) {
    return new ProbeConfig(count, seed);
  }
}
