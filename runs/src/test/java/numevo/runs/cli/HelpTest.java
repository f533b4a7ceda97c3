package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every subcommand answers {@code --help} with its usage, as the error messages promise. */
class HelpTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bench", "check", "convert", "exec", "export", "hash", "score", "search", "targets"
      })
  void helpPrintsTheSubcommandsUsage(String command) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), command, "--help");
    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().startsWith("Usage: numevo " + command), out.toString());
    assertTrue(out.toString().lines().allMatch(l -> l.length() <= 100), out.toString());
  }
}
