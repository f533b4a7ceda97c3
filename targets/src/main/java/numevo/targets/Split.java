package numevo.targets;

/**
 * Which seeded sample of a target's domain to score on. The two are drawn from independent random
 * streams, so a search that trains on one can be checked on the other.
 */
public enum Split {
  /** The points a search fits to (AutoNumerics-Zero uses 1,024). */
  TRAINING,
  /** Points a search never saw; what {@code numevo score} uses when it samples. */
  VALIDATION
}
