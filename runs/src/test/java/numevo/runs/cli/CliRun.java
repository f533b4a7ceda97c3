package numevo.runs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process for tests: its exit code and what it printed. */
final class CliRun {
  private CliRun() {}

  /**
   * One run of {@code numevo ARGS}.
   *
   * @param exit the exit code
   * @param out standard output
   * @param err standard error
   */
  record Run(int exit, String out, String err) {}

  /** Runs {@code numevo} with these arguments through {@link Main#run}. */
  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }
}
