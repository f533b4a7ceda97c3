package numevo.evolver.rank;

/**
 * How a search's final front is ranked by verified error ({@link FrontRanker}). All bounds are
 * counts, never times, so a ranking is a function of the front, the target, the seed and this
 * policy only (not of the thread count or the machine's speed).
 *
 * @param samplePoints the larger sample every front kernel is re-scored on, drawn from the target's
 *     sampler with its own seed, {@code >= 1}
 * @param worstPoints how many of the larger sample's worst inputs (by absolute signed error) join
 *     the counterexamples, {@code >= 0}
 * @param neighbours each counterexample joins with this many neighbouring values of the format on
 *     each side (the approximation error there is about the same, the rounding errors differ),
 *     {@code >= 0}
 * @param exhaustiveChecks the most exhaustive checks of the whole ranking (one per kernel), {@code
 *     >= 0}
 * @param rounds the most counterexample rounds per kernel on the dense window (each: the window
 *     check's worst input joins, re-tune, check the window again), {@code >= 0}
 * @param windowChecks the most exhaustive checks of the dense window (the top four binades of the
 *     domain's magnitudes, {@link FrontRanker}) of the whole ranking, {@code >= 0}
 * @param windowChecksPerKernel the most window checks for one kernel (rounds and the climb over
 *     neighbouring constants judged on the window), {@code >= 0}
 * @param refineSteps the most linearized minimax steps of each re-tuning, {@code >= 0}
 * @param climbEvaluations the most scorings of each re-tuning's ULP climb (the search over
 *     neighbouring constants of the format), {@code >= 0}
 * @param timeShare the share of a {@code --time} limit kept for the ranking (the search stops that
 *     much earlier), in [0, 1)
 */
public record RankPolicy(
    int samplePoints,
    int worstPoints,
    int neighbours,
    int exhaustiveChecks,
    int rounds,
    int windowChecks,
    int windowChecksPerKernel,
    int refineSteps,
    int climbEvaluations,
    double timeShare) {

  /**
   * 65,536 sample points, the 32 worst with 64 neighbours on each side, at most 6 exhaustive
   * checks, 3 counterexample rounds per kernel, at most 240 window checks (60 per kernel), 12
   * minimax steps and 1,000 climb scorings per re-tuning, 15% of the time.
   */
  public static final RankPolicy DEFAULT =
      new RankPolicy(65_536, 32, 64, 6, 3, 240, 60, 12, 1000, 0.15);

  /** The time limit at and above which a ranking gets {@link #DEFAULT}'s whole budget. */
  public static final java.time.Duration FULL_BUDGET_TIME = java.time.Duration.ofMinutes(30);

  /**
   * {@link #DEFAULT} scaled to a search's time limit, so that a short search is not followed by a
   * ranking many times its length: at {@link #FULL_BUDGET_TIME} or more, or without a limit ({@code
   * null} or zero), the default; below, the exhaustive and window checks shrink in proportion to
   * the limit, down to one exhaustive check, 8 window checks and 4 per kernel. The result depends
   * on the limit only (a configuration value), never on the machine, so a replay that reads the
   * policy from the manifest ranks alike.
   *
   * @param limit the search's time limit, or {@code null}
   */
  public static RankPolicy forTime(java.time.Duration limit) {
    if (limit == null || limit.isZero() || limit.compareTo(FULL_BUDGET_TIME) >= 0) {
      return DEFAULT;
    }
    double s = (double) limit.toMillis() / FULL_BUDGET_TIME.toMillis();
    RankPolicy d = DEFAULT;
    return new RankPolicy(
        d.samplePoints,
        d.worstPoints,
        d.neighbours,
        Math.max(1, (int) Math.round(d.exhaustiveChecks * s)),
        d.rounds,
        Math.max(8, (int) Math.round(d.windowChecks * s)),
        Math.max(4, (int) Math.round(d.windowChecksPerKernel * s)),
        d.refineSteps,
        d.climbEvaluations,
        d.timeShare);
  }

  /**
   * @throws IllegalArgumentException if a bound is violated
   */
  public RankPolicy {
    if (samplePoints < 1) {
      throw new IllegalArgumentException("samplePoints must be >= 1: " + samplePoints);
    }
    if (worstPoints < 0
        || neighbours < 0
        || exhaustiveChecks < 0
        || rounds < 0
        || windowChecks < 0
        || windowChecksPerKernel < 0
        || refineSteps < 0
        || climbEvaluations < 0) {
      throw new IllegalArgumentException("negative ranking setting");
    }
    if (!(timeShare >= 0 && timeShare < 1)) {
      throw new IllegalArgumentException("timeShare must be in [0, 1): " + timeShare);
    }
  }

  /** See the record's components. */
  public static RankPolicy of(
      int samplePoints,
      int worstPoints,
      int neighbours,
      int exhaustiveChecks,
      int rounds,
      int windowChecks,
      int windowChecksPerKernel,
      int refineSteps,
      int climbEvaluations,
      double timeShare) {
    return new RankPolicy(
        samplePoints,
        worstPoints,
        neighbours,
        exhaustiveChecks,
        rounds,
        windowChecks,
        windowChecksPerKernel,
        refineSteps,
        climbEvaluations,
        timeShare);
  }
}
