package numevo.runs.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import numevo.runs.bench.QuietForkOutput;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * Runs the project's JMH benchmarks (forked JVMs) with JMH's own command line, as JMH's {@code
 * Main} does, except that the forks' output goes through {@link QuietForkOutput}: a benchmark whose
 * forks load the Vector API ({@code SimdBenchmark}, the certificate benchmarks) would otherwise
 * print the JVM's incubator warning once per fork.
 */
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
    CommandLineOptions options;
    try {
      options = new CommandLineOptions(jmhArgs.toArray(String[]::new));
    } catch (CommandLineOptionException e) {
      throw new UserError("jmh: " + e.getMessage());
    }
    if (options.shouldHelp()) {
      options.showHelp();
      return 0;
    }
    if (options.shouldListProfilers()) {
      options.listProfilers();
      return 0;
    }
    if (options.shouldListResultFormats()) {
      options.listResultFormats();
      return 0;
    }
    Runner runner = new Runner(options, output(options));
    if (options.shouldList()) {
      runner.list();
      return 0;
    }
    if (options.shouldListWithParams()) {
      runner.listWithParams(options);
      return 0;
    }
    try {
      runner.run();
    } catch (RunnerException e) {
      throw new UserError("jmh: " + e.getMessage());
    }
    return 0;
  }

  /** JMH's output (to {@code -o FILE} or standard output) through {@link QuietForkOutput}. */
  private static OutputFormat output(CommandLineOptions options) {
    PrintStream out = System.out;
    if (options.getOutput().hasValue()) {
      String file = options.getOutput().get();
      try {
        out = new PrintStream(file, java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new UserError("jmh: -o: cannot write " + file + ": " + e.getMessage());
      }
    }
    return QuietForkOutput.of(
        OutputFormatFactory.createFormatInstance(
            out, options.verbosity().orElse(Defaults.VERBOSITY)));
  }
}
