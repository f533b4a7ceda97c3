package numevo.runs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the configured command line: error handlers that print one line, no stack trace. */
final class Cli {
  private Cli() {}

  static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setUsageHelpWidth(100);
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
          }
          err.flush();
          return ex instanceof UserError u ? u.exitCode() : 70;
        });
    return cl;
  }

  private static String commandPath(CommandLine cl) {
    StringBuilder sb = new StringBuilder();
    for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
      sb.insert(0, c.getCommandName() + " ");
    }
    return sb.toString();
  }
}
