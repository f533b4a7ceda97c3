package numevo.runs.bench;

/**
 * How {@code numevo bench} runs a kernel: {@code batch:N}, the kernel's array method over N inputs
 * per invocation, or {@code call:N}, its per-point method called once per input in a loop over N
 * inputs (what a caller using the kernel one value at a time gets, after the JIT inlines the call).
 *
 * @param perCall the per-point method in a loop, not the array method
 * @param points inputs per invocation, 1 to {@value #MAX_POINTS}
 */
public record BenchShape(boolean perCall, int points) {
  /** The most inputs per invocation. */
  public static final int MAX_POINTS = 1 << 20;

  /** Checks the fields. */
  public BenchShape {
    if (points < 1 || points > MAX_POINTS) {
      throw new IllegalArgumentException(
          "points per invocation must be 1 to " + MAX_POINTS + ", got " + points);
    }
  }

  /** A shape from its fields. */
  public static BenchShape of(boolean perCall, int points) {
    return new BenchShape(perCall, points);
  }

  /**
   * Reads {@code batch:N} or {@code call:N}.
   *
   * @throws IllegalArgumentException saying what is expected
   */
  public static BenchShape parse(String s) {
    String[] parts = s.strip().split(":", -1);
    if (parts.length == 2 && (parts[0].equals("batch") || parts[0].equals("call"))) {
      try {
        int points = Integer.parseInt(parts[1]);
        if (points >= 1 && points <= MAX_POINTS) {
          return of(parts[0].equals("call"), points);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        "expected batch:N or call:N with N from 1 to " + MAX_POINTS + ", got '" + s + "'");
  }

  @Override
  public String toString() {
    return (perCall ? "call:" : "batch:") + points;
  }
}
