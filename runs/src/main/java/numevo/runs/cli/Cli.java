package numevo.runs.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/** Builds the configured command line: error handlers that print one line, no stack trace. */
final class Cli {
  private Cli() {}

  static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setUsageHelpWidth(WIDTH);
    cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Cli::commandList);
    // Negative values such as -inf must reach convert as VALUEs, not fail as unknown options.
    cl.getSubcommands().get("convert").setUnmatchedOptionsArePositionalParams(true);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println(
              "numevo: "
                  + ex.getMessage().replaceAll("\\R", " ")
                  + " (see 'numevo "
                  + commandPath(ex.getCommandLine())
                  + "--help')");
          err.flush();
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof UserError) {
            err.println("numevo: " + ex.getMessage());
          } else {
            err.println("numevo: internal error: " + ex);
            if (System.getenv("NUMEVO_DEBUG") != null) {
              ex.printStackTrace(err);
            }
          }
          err.flush();
          return ex instanceof UserError u ? u.exitCode() : 70;
        });
    return cl;
  }

  /** Width of help text. */
  static final int WIDTH = 100;

  /**
   * The list of commands in {@code numevo --help}: each with its summary, the first sentence of its
   * description (picocli's own list cuts the description's first line wherever it ends).
   */
  private static String commandList(CommandLine.Help help) {
    Map<String, CommandLine.Help> subs = help.subcommands();
    if (subs.isEmpty()) {
      return "";
    }
    int nameWidth = subs.keySet().stream().mapToInt(String::length).max().orElse(0);
    int indent = 2 + nameWidth + 2;
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, CommandLine.Help> e : subs.entrySet()) {
      UsageMessageSpec usage = e.getValue().commandSpec().usageMessage();
      String summary = summary(usage.header().length > 0 ? usage.header() : usage.description());
      StringBuilder line = new StringBuilder("  " + e.getKey());
      line.append(" ".repeat(indent - line.length()));
      int used = indent;
      for (String word : summary.split(" ")) {
        if (used > indent && used + 1 + word.length() > WIDTH) {
          sb.append(line.toString().stripTrailing()).append('\n');
          line = new StringBuilder(" ".repeat(indent));
          used = indent;
        }
        if (used > indent) {
          line.append(' ');
          used++;
        }
        line.append(word);
        used += word.length();
      }
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  /** The first sentence of a description given as lines: up to the first '.' ending a word. */
  static String summary(String[] description) {
    String text = String.join(" ", description).replaceAll("\\s+", " ").strip();
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static String commandPath(CommandLine cl) {
    StringBuilder sb = new StringBuilder();
    for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
      sb.insert(0, c.getCommandName() + " ");
    }
    return sb.toString();
  }
}
