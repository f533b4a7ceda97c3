package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every subcommand answers {@code --help} with its usage, as the error messages promise. */
class HelpTest {

  /**
   * Every subcommand registered in {@link Main}, read from picocli's model of the command line, so
   * that a new command is covered without editing this test.
   */
  static List<String> subcommands() {
    return List.copyOf(Cli.newCommandLine().getSubcommands().keySet());
  }

  @Test
  void theSubcommandsAreReadFromTheCommandLineModel() {
    // A sanity check of the derivation: a few commands that must be there, among them the two
    // a hand-written list once missed.
    assertTrue(
        Set.copyOf(subcommands()).containsAll(List.of("help", "search", "tune", "jmh")),
        subcommands().toString());
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void helpPrintsTheSubcommandsUsage(String command) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), command, "--help");
    assertEquals(0, exit, err.toString());
    // picocli's own help command prints a header line before its usage.
    String usage =
        out.toString().lines().filter(l -> l.startsWith("Usage: ")).findFirst().orElse("");
    assertTrue(usage.startsWith("Usage: numevo " + command + " "), out.toString());
    assertTrue(command.equals("help") || out.toString().startsWith("Usage: "), out.toString());
    assertTrue(out.toString().lines().allMatch(l -> l.length() <= 100), out.toString());
  }

  @Test
  void theCommandListShowsEachCommandsWholeFirstSentence() {
    CliRun.Run r = CliRun.run("--help");
    assertEquals(0, r.exit(), r.err());
    String list = r.out().substring(r.out().indexOf("Commands:"));
    // The summaries start in one column, after the longest command name.
    assertTrue(list.matches("(?s).*\n  exec +Evaluates a kernel on input tuples\\.\n.*"), list);
    assertTrue(
        list.matches("(?s).*\n  help +Display help information about the specified command\\..*"),
        list);
    assertTrue(list.matches("(?s).*\n  ops +[A-Z].*"), list);
    // Every summary ends a sentence, possibly wrapped onto indented lines, never cut.
    int column =
        list.indexOf("Evaluates a kernel") - list.lastIndexOf('\n', list.indexOf("exec")) - 1;
    String joined = list.replaceAll("\n {" + column + "}", " ");
    joined.lines().skip(1).forEach(l -> assertTrue(l.endsWith("."), "cut summary: " + l));
    assertTrue(list.lines().allMatch(l -> l.length() <= 100), list);
  }
}
