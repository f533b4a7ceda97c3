package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every subcommand answers {@code --help} with its usage, as the error messages promise. */
class HelpTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bench", "check", "convert", "exec", "export", "hash", "ops", "score", "search", "targets"
      })
  void helpPrintsTheSubcommandsUsage(String command) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), command, "--help");
    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().startsWith("Usage: numevo " + command), out.toString());
    assertTrue(out.toString().lines().allMatch(l -> l.length() <= 100), out.toString());
  }

  @Test
  void theCommandListShowsEachCommandsWholeFirstSentence() {
    CliRun.Run r = CliRun.run("--help");
    assertEquals(0, r.exit(), r.err());
    String list = r.out().substring(r.out().indexOf("Commands:"));
    assertTrue(list.contains("  exec     Evaluates a kernel on input tuples.\n"), list);
    assertTrue(
        list.contains("  help     Display help information about the specified command."), list);
    assertTrue(list.contains("  ops      "), list);
    // Every summary ends a sentence, possibly wrapped onto indented lines, never cut.
    String joined = list.replaceAll("\n {11}", " ");
    joined.lines().skip(1).forEach(l -> assertTrue(l.endsWith("."), "cut summary: " + l));
    assertTrue(list.lines().allMatch(l -> l.length() <= 100), list);
  }
}
