package numevo.targets;

/** How a score was obtained. */
public enum Method {
  /** Every point of the target's domain was evaluated. */
  EXHAUSTIVE("exhaustive"),
  /** A seeded random sample of the domain was evaluated. */
  SAMPLED("sampled");

  private final String key;

  Method(String key) {
    this.key = key;
  }

  /** The name used in JSON and text output: {@code exhaustive} or {@code sampled}. */
  public String key() {
    return key;
  }
}
