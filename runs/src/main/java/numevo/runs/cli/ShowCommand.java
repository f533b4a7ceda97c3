package numevo.runs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import numevo.runs.store.GenerationRow;
import numevo.runs.store.Manifest;
import numevo.runs.store.RunDb;
import numevo.runs.store.RunDir;
import numevo.targets.CostModel;
import numevo.targets.CostModels;
import numevo.targets.Target;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code numevo show RUN}: a run's configuration, state and front. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Shows a stored run: its configuration (the manifest), status and Pareto front.")
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN", description = "the run's directory")
  Path run;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    RunDir rd = RunDir.open(run);
    Manifest m = rd.manifest();
    try (RunDb db = RunDb.open(rd.databaseFile(), true)) {
      List<GenerationRow> rows = db.generations();
      w.println("run " + run);
      w.println(
          "numevo "
              + m.numevo()
              + (m.git() == null ? "" : " (" + m.git() + ")")
              + ", JDK "
              + m.jdk()
              + ", started "
              + m.createdUtc());
      w.println(
          "status "
              + RunsCommand.status(rd, db).word()
              + db.meta("stop_reason").filter(r -> !r.isEmpty()).map(r -> " (" + r + ")").orElse("")
              + ", "
              + (rows.isEmpty() ? 0 : rows.getLast().generation())
              + " generations stored, front of generation "
              + db.meta("front_generation").orElse("none"));
      w.println("configuration:");
      try {
        for (String line :
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .build()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(m.spec())
                .split("\n")) {
          w.println("  " + line);
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        w.println("  " + m.spec());
      }
      w.println("cost model: " + costModel(m.spec()));
      List<RunDb.FrontRow> front = db.front();
      w.println(
          "Pareto front ("
              + front.size()
              + (front.size() == 1 ? " kernel" : " kernels")
              + ", training error):");
      w.println(
          String.format(
              Locale.ROOT, "  %10s %14s %10s  %s", "cost", "error", "generation", "kernel"));
      for (RunDb.FrontRow f : front) {
        w.println(
            String.format(
                Locale.ROOT,
                "  %10.6g %14.6g %10d  %s",
                f.cost(),
                f.error(),
                f.generation(),
                oneLine(f.kernel())));
      }
      List<RunDb.RankedRow> ranked = db.ranked();
      if (!ranked.isEmpty()) {
        w.println(
            "ranked front ("
                + ranked.size()
                + (ranked.size() == 1 ? " kernel" : " kernels")
                + ", checked error: exhaustive where verified, else on the ranking's larger"
                + " sample):");
        w.println(
            String.format(
                Locale.ROOT,
                "  %10s %14s %14s %10s  %s",
                "cost",
                "train",
                "checked",
                "method",
                "kernel"));
        for (RunDb.RankedRow k : ranked) {
          w.println(
              String.format(
                  Locale.ROOT,
                  "  %10.6g %14.6g %14.6g %10s  %s",
                  k.cost(),
                  k.trainError(),
                  k.error(),
                  k.method(),
                  oneLine(k.kernel())));
        }
      }
    }
    w.flush();
    return 0;
  }

  /** The run's cost model: its kind and unit, or the recorded name if the target is gone. */
  private static String costModel(numevo.runs.store.RunSpec s) {
    String recorded = s.cost() == null ? " (not recorded: the target's own)" : "";
    try {
      Target t = Targets.resolve(s.target(), TargetParams.of(s.params()));
      CostModel c = CostModels.of(s.cost(), t);
      return (CostModels.MEASURED.equals(s.cost())
              ? "measured (the search ranked by "
                  + c.describe()
                  + "; the final front's ns per"
                  + " element are in "
                  + numevo.runs.bench.MeasuredCost.FILE
                  + ")"
              : c.kind() + ", cost in " + c.describe())
          + recorded;
    } catch (RuntimeException e) {
      return (s.cost() == null ? "the target's own" : s.cost()) + recorded;
    }
  }

  private static String oneLine(String kernel) {
    StringBuilder b = new StringBuilder();
    for (String line : kernel.split("\n")) {
      if (!line.startsWith("kernel") && !line.startsWith("input") && !line.isBlank()) {
        b.append(b.isEmpty() ? "" : "; ").append(line.trim());
      }
    }
    return b.toString();
  }
}
