package numevo.runs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code numevo} command line: one subcommand per user task. */
@Command(
    name = "numevo",
    mixinStandardHelpOptions = true,
    version = "numevo 0.1.0",
    description = "Evolutionary program search for numeric kernels under fixed number formats.",
    subcommands = {
      CommandLine.HelpCommand.class,
      BenchCommand.class,
      CheckCommand.class,
      ConvertCommand.class,
      EnumerateCommand.class,
      ExecCommand.class,
      ExportCommand.class,
      HashCommand.class,
      JmhCommand.class,
      OeisCommand.class,
      OpsCommand.class,
      ReplayCommand.class,
      ResumeCommand.class,
      RunsCommand.class,
      ReportCommand.class,
      ScoreCommand.class,
      SearchCommand.class,
      ShowCommand.class,
      TargetsCommand.class,
      TuneCommand.class,
      WorkerCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the command line on the standard streams and returns its exit code.
   *
   * @param args the arguments, never null
   * @return 0 on success, 1 on a failed run, 2 on bad usage
   */
  public static int run(String... args) {
    return Cli.newCommandLine().execute(args);
  }

  /**
   * Runs the command line with its output and its error messages going to the given writers
   * (flushed before returning), and returns its exit code.
   *
   * @param out where results and help go, never null
   * @param err where error messages go, never null
   * @param args the arguments, never null
   * @return 0 on success, 1 on a failed run, 2 on bad usage
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = Cli.newCommandLine();
    cl.setOut(out);
    cl.setErr(err);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
