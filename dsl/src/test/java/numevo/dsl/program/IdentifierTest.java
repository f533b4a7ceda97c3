package numevo.dsl.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Checker#isIdentifier} is the grammar's identifier rule, written as a loop. */
class IdentifierTest {
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  private static boolean byRegex(String s) {
    return s.length() <= Limits.MAX_NAME_LENGTH
        && IDENT.matcher(s).matches()
        && !Checker.isReserved(s);
  }

  @Test
  void edgeCases() {
    for (String s : new String[] {"x", "_", "v1", "a.b", "A_9.z", "x0", "Z"}) {
      assertTrue(Checker.isIdentifier(s), s);
    }
    for (String s : new String[] {"", "1x", ".a", "a-b", "a b", "é", "kernel", "f", "int", "nan"}) {
      assertFalse(Checker.isIdentifier(s), s);
    }
    assertFalse(Checker.isIdentifier(null));
    assertTrue(Checker.isIdentifier("a".repeat(Limits.MAX_NAME_LENGTH)));
    assertFalse(Checker.isIdentifier("a".repeat(Limits.MAX_NAME_LENGTH + 1)));
  }

  @Test
  void agreesWithTheRegexOnRandomStrings() {
    String alphabet = "aZz_9.0 -/:@[`{é\u0000";
    SplittableRandom rnd = new SplittableRandom(6);
    for (int t = 0; t < 200_000; t++) {
      StringBuilder b = new StringBuilder();
      int n = rnd.nextInt(6);
      for (int i = 0; i < n; i++) {
        b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String s = b.toString();
      assertEquals(byRegex(s), Checker.isIdentifier(s), s);
    }
  }
}
