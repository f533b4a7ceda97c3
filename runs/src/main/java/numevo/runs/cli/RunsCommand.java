package numevo.runs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import numevo.runs.store.GenerationRow;
import numevo.runs.store.Manifest;
import numevo.runs.store.RunDb;
import numevo.runs.store.RunDir;
import numevo.runs.store.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code numevo runs [DIR]}: one line per stored run. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists stored runs, one line each.",
      "The runs under DIR (default numevo-runs): target, seed, status (running, finished,",
      "interrupted, crashed), generations, best training error, start time."
    })
final class RunsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "default: $NUMEVO_RUNS, else numevo-runs")
  Path dir = SearchCommand.runsRoot();

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    if (!Files.isDirectory(dir)) {
      throw new UserError(dir + ": no such directory", 2);
    }
    List<Path> runs;
    try (Stream<Path> s = Files.list(dir)) {
      runs = s.filter(RunDir::isRun).sorted().toList();
    } catch (IOException e) {
      throw new UserError(dir + ": cannot list: " + e.getMessage(), 1);
    }
    w.println(
        String.format(
            Locale.ROOT,
            "%-44s %-10s %6s %-11s %11s %12s  %s",
            "run",
            "target",
            "seed",
            "status",
            "generations",
            "best error",
            "started (UTC)"));
    for (Path p : runs) {
      w.println(line(p));
    }
    if (runs.isEmpty()) {
      w.println("(no runs in " + dir + ")");
    }
    w.flush();
    return 0;
  }

  /** One run's line; a damaged run is listed with what is wrong instead of failing the list. */
  static String line(Path p) {
    try {
      RunDir rd = RunDir.open(p);
      Manifest m = rd.manifest();
      try (RunDb db = RunDb.open(rd.databaseFile(), true)) {
        List<GenerationRow> rows = db.generations();
        double best = rows.isEmpty() ? Double.POSITIVE_INFINITY : rows.getLast().bestError();
        return String.format(
            Locale.ROOT,
            "%-44s %-10s %6d %-11s %11d %12.6g  %s",
            p.getFileName(),
            m.spec().target(),
            m.spec().seed(),
            status(rd, db).word(),
            rows.isEmpty() ? 0 : rows.getLast().generation(),
            best,
            m.createdUtc());
      }
    } catch (UserError e) {
      return String.format(Locale.ROOT, "%-44s unreadable: %s", p.getFileName(), e.getMessage());
    }
  }

  /** A run's status: running only while a process holds its lock. */
  static RunStatus status(RunDir rd, RunDb db) {
    if (rd.locked()) {
      return RunStatus.RUNNING;
    }
    return switch (db.meta("status").orElse("running")) {
      case "finished" -> RunStatus.FINISHED;
      case "interrupted" -> RunStatus.INTERRUPTED;
      default -> RunStatus.CRASHED;
    };
  }
}
