package numevo.runs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import numevo.runs.exec.SearchRunner;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * How a run is executed, shared by {@code search} and {@code resume}: threads, progress, checkpoint
 * interval and JSON output. None of them changes a result.
 */
final class RunOptions {

  @Option(names = "--threads", paramLabel = "N", description = "threads; default: the cores")
  Integer threads;

  @Option(
      names = "--progress",
      paramLabel = "S",
      description = "seconds between progress lines (when not on a terminal); default: 5")
  double progressSeconds = 5;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "S",
      description = "least seconds between checkpoints; default: 10")
  double checkpointSeconds = 10;

  @Option(
      names = "--json",
      description =
          "print the results as one JSON document on standard output (target, seed, run"
              + " directory, stop reason, generations, scorings, front, baselines, seq's verdict);"
              + " the other lines go to standard error")
  boolean json;

  /**
   * The thread count, checked.
   *
   * @throws UserError naming the flag
   */
  int threads() {
    int th = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (th < 1) {
      throw new UserError("--threads must be >= 1", 2);
    }
    return th;
  }

  /**
   * The runner's options, checked.
   *
   * @param out where --out exports, or null
   * @throws UserError naming the flag
   */
  SearchRunner.Options runner(CommandSpec spec, Path out) {
    if (progressSeconds <= 0 || !Double.isFinite(progressSeconds)) {
      throw new UserError("--progress must be a positive number of seconds", 2);
    }
    if (checkpointSeconds < 0 || !Double.isFinite(checkpointSeconds)) {
      throw new UserError("--checkpoint-every must be >= 0 seconds", 2);
    }
    return new SearchRunner.Options(
        threads(),
        progressSeconds,
        checkpointSeconds,
        out,
        json ? spec.commandLine().getOut() : null);
  }

  /** Where the human-readable lines go: standard error with --json, else standard output. */
  PrintWriter lines(CommandSpec spec) {
    return json ? spec.commandLine().getErr() : spec.commandLine().getOut();
  }
}
