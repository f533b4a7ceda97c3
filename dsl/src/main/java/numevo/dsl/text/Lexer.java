package numevo.dsl.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line into tokens: words separated by whitespace, with {@code :} and {@code =} as
 * tokens of their own (so {@code x:f} and {@code x : f} read alike) and {@code #} starting a
 * comment.
 */
final class Lexer {
  private Lexer() {}

  /**
   * @param line one line without its terminator, never null
   * @param lineNumber its 1-based number
   * @return the tokens in order; empty for a blank or comment-only line
   */
  static List<Token> tokenize(String line, int lineNumber) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == '#') {
        break;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        i++;
        continue;
      }
      if (c == ':' || c == '=') {
        tokens.add(new Token(String.valueOf(c), lineNumber, i + 1));
        i++;
        continue;
      }
      int start = i;
      while (i < n && !endsWord(line.charAt(i))) {
        i++;
      }
      tokens.add(new Token(line.substring(start, i), lineNumber, start + 1));
    }
    return tokens;
  }

  private static boolean endsWord(char c) {
    return c == '#'
        || c == ':'
        || c == '='
        || Character.isWhitespace(c)
        || Character.isSpaceChar(c);
  }
}
