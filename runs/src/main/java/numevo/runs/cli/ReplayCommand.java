package numevo.runs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import numevo.runs.exec.Replayer;
import numevo.runs.store.Manifest;
import numevo.runs.store.RunDb;
import numevo.runs.store.RunDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code numevo replay RUN}: re-executes a run from its manifest and compares. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-executes a stored run and compares it with the store.",
      "The run is rebuilt from its manifest alone (on any thread count, on any machine); every",
      "stored generation (statistics and each island's population digest) and the stored front",
      "are compared. Exit 0 when identical, 1 naming the first difference."
    })
final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN", description = "the run's directory")
  Path run;

  @Option(names = "--threads", paramLabel = "N", description = "threads; default: the cores")
  Integer threads;

  @Option(
      names = "--to-generation",
      paramLabel = "N",
      description = "replay only generations 1 to N; default: all stored")
  Long toGeneration;

  @Override
  public Integer call() {
    int th = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (th < 1) {
      throw new UserError("--threads must be >= 1", 2);
    }
    if (toGeneration != null && toGeneration < 1) {
      throw new UserError("--to-generation must be >= 1", 2);
    }
    RunDir dir = RunDir.open(run);
    Manifest m = dir.manifest();
    RunArgs.checkFiles(dir, m.spec());
    try (RunDb db = RunDb.open(dir.databaseFile(), true)) {
      long frontGeneration = Long.parseLong(db.meta("front_generation").orElse("-1"));
      return Replayer.replay(
          m.spec(),
          db.generations(),
          db.front(),
          db.ranked(),
          frontGeneration,
          toGeneration != null ? toGeneration : 0,
          th,
          spec.commandLine().getOut());
    }
  }
}
