package numevo.runs.cli;

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
      CheckCommand.class,
      ExecCommand.class,
      JmhCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * Runs the command line and returns its exit code.
   *
   * @param args the arguments, never null
   * @return 0 on success, 1 on a failed run, 2 on bad usage
   */
  public static int run(String... args) {
    return Cli.newCommandLine().execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
