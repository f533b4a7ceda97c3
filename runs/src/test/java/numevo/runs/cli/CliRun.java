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

  /**
   * Runs {@code numevo} with these arguments through {@link Main#run}. A search that does not name
   * a ranking policy gets {@code --rank none} ({@link #unranked}).
   */
  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), unranked(args));
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * Asserts a failure as a user sees it: the exit code, nothing on standard output, and exactly one
   * line on standard error, starting "numevo: ", holding {@code expectedPart}, without a stack
   * trace.
   */
  static void assertOneLineError(Run r, int exit, String expectedPart) {
    org.junit.jupiter.api.Assertions.assertEquals(exit, r.exit(), r.err());
    org.junit.jupiter.api.Assertions.assertEquals("", r.out());
    org.junit.jupiter.api.Assertions.assertEquals(1, r.err().lines().count(), r.err());
    org.junit.jupiter.api.Assertions.assertTrue(r.err().startsWith("numevo: "), r.err());
    org.junit.jupiter.api.Assertions.assertTrue(r.err().contains(expectedPart), r.err());
    org.junit.jupiter.api.Assertions.assertFalse(r.err().contains("\tat "), r.err());
  }

  /**
   * The arguments, with {@code --rank none} added to a search that does not name a ranking policy:
   * the default ranking of an exp2 front runs exhaustive checks of its 1.07e9 inputs, far too slow
   * for tests that search for a few generations; the ranking's own tests ask for it.
   */
  static String[] unranked(String... args) {
    if (args.length == 0 || !args[0].equals("search")) {
      return args;
    }
    for (String a : args) {
      if (a.equals("--rank") || a.startsWith("--rank=")) {
        return args;
      }
    }
    String[] out = java.util.Arrays.copyOf(args, args.length + 2);
    out[args.length] = "--rank";
    out[args.length + 1] = "none";
    return out;
  }
}
