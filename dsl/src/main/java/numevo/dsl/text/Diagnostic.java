package numevo.dsl.text;

/**
 * A located one-line message.
 *
 * @param position where, never null
 * @param message what, one line, without location
 */
record Diagnostic(Position position, String message) implements Comparable<Diagnostic> {

  @Override
  public int compareTo(Diagnostic other) {
    return position.compareTo(other.position);
  }

  /** {@code file:line:col: message}. */
  @Override
  public String toString() {
    return position + ": " + message;
  }
}
