package numevo.dsl.text;

/**
 * A word or punctuation mark ({@code :} or {@code =}) on one line of source.
 *
 * @param text the characters, never empty and never containing whitespace
 * @param line 1-based line
 * @param column 1-based column of the first character
 */
record Token(String text, int line, int column) {

  /** Longest token text shown in a message; longer ones are cut, so a message stays readable. */
  private static final int MAX_SHOWN = 40;

  boolean is(String s) {
    return text.equals(s);
  }

  /** Whether this is {@code :} or {@code =}, which never start an item or operand. */
  boolean isPunctuation() {
    return text.equals(":") || text.equals("=");
  }

  Position at(String file) {
    return new Position(file, line, column);
  }

  /** The position just past the token, where a missing next token was expected. */
  Position after(String file) {
    return new Position(file, line, column + text.length());
  }

  /**
   * The text in single quotes for a message, with control characters escaped and long text cut, so
   * that every diagnostic stays on one line.
   */
  String quoted() {
    return quote(text);
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("'");
    int n = Math.min(s.length(), MAX_SHOWN);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)
          || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (s.length() > MAX_SHOWN) {
      sb.append("...");
    }
    return sb.append('\'').toString();
  }
}
