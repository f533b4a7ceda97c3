package numevo.runs.cli;

import java.io.PrintWriter;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import numevo.runs.cluster.ClusterIslandRunner;
import numevo.runs.exec.RunPlan;
import numevo.runs.exec.SearchRunner;
import numevo.runs.store.Manifest;
import numevo.runs.store.RunDb;
import numevo.runs.store.RunDir;
import numevo.runs.store.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code numevo resume RUN}: continues a stored run from its last checkpoint. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Continues a stored run from its last checkpoint.",
      "After a crash, kill -9, Ctrl-C or a reboot, it ends as the uninterrupted run would.",
      "Without limits it runs to the run's own stop (its time limit counts what is left of it);",
      "--generations extends a finished run."
    })
final class ResumeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN", description = "the run's directory")
  Path run;

  @Option(names = "--time", paramLabel = "T", description = "limit the resumed part: 90s, 10m, 2h")
  String time;

  @Option(
      names = "--generations",
      paramLabel = "N",
      description = "stop after N generations in all")
  Long generations;

  @Option(names = "--evaluations", paramLabel = "N", description = "stop after N scorings in all")
  Long evaluations;

  @Mixin RunOptions options;

  @Mixin ClusterFlags cluster;

  @Override
  public Integer call() {
    int th = options.threads();
    SearchRunner.Options runner = options.runner(spec, null);
    cluster.check();
    if (generations != null && generations < 1) {
      throw new UserError("--generations must be >= 1", 2);
    }
    if (evaluations != null && evaluations < 1) {
      throw new UserError("--evaluations must be >= 1", 2);
    }
    Duration d = time != null ? SearchCommand.duration(time) : null;
    if (d != null && (d.isNegative() || d.isZero())) {
      throw new UserError("--time must be positive: '" + time + "'", 2);
    }
    RunDir dir = RunDir.open(run);
    Manifest m = dir.manifest();
    RunArgs.checkFiles(dir, m.spec());
    FileLock lock = dir.lock();
    try (RunDb db = RunDb.open(dir.databaseFile(), false)) {
      RunSpec s = m.spec();
      String t = d != null ? d.toString() : remainingTime(s, db);
      if (generations != null || evaluations != null || d != null) {
        // New limits replace the run's own.
        s =
            s.withStop(
                generations != null ? generations : 0,
                evaluations != null ? evaluations : 0,
                d != null ? d.toString() : null);
        if (s.generations() == 0 && s.evaluations() == 0 && s.time() == null) {
          s = s.withStop(0, 0, t);
        }
      } else {
        s = s.withStop(s.generations(), s.evaluations(), t);
      }
      RunPlan plan = RunArgs.plan(dir, s, th);
      PrintWriter w = options.lines(spec);
      try (ClusterIslandRunner islands =
          cluster.start(s, th, ClusterFlags.sharedEntries(plan.config()), w)) {
        int rc = SearchRunner.run(dir, db, lock, plan, runner, w, islands);
        if (islands != null) {
          w.println(islands.summary());
          w.flush();
        }
        return rc;
      }
    } finally {
      RunDir.release(lock);
    }
  }

  /** The run's time limit less the time its checkpoint had used, at least a millisecond. */
  private static String remainingTime(RunSpec s, RunDb db) {
    if (s.time() == null) {
      return null;
    }
    Duration limit = Duration.parse(s.time());
    long usedMs = db.generations().stream().mapToLong(r -> r.elapsedMs()).max().orElse(0);
    Duration left = limit.minusMillis(usedMs);
    return (left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left).toString();
  }
}
