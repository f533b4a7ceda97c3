package numevo.runs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Runs the project's JMH benchmarks (forked JVMs) with JMH's own command line. */
@Command(
    name = "jmh",
    description = {
      "Runs numevo's JMH benchmarks; arguments go to JMH unchanged.",
      "Examples: numevo jmh EvaluatorBenchmark    numevo jmh -l    numevo jmh -h"
    })
final class JmhCommand implements Callable<Integer> {

  /**
   * This command's usage, as every numevo command answers {@code --help} ({@code -h} is JMH's own
   * help). Without it JMH gets {@code --help}, which it does not know: it exits the JVM.
   */
  @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  /** Everything after {@code jmh}, in order, options included: JMH parses it. */
  @Unmatched List<String> jmhArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
    return 0;
  }
}
