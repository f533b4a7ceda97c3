package numevo.runs.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import numevo.runs.report.RunReport;
import numevo.runs.store.RunReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code numevo report RUN [-o FILE]}: an HTML page with plots of a search run. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes an HTML report of a stored run.",
      "The run directory is what 'numevo search' writes (manifest.json and"
          + " run.db); the page shows the Pareto front with the target's baselines, the error of chosen front"
          + " kernels over the input domain (ULP error at "
          + RunReport.DOMAIN_POINTS
          + " evenly spaced points for float targets, mismatches per product category for L-Mul,"
          + " matched terms for seq), convergence, cache hit rate and throughput, the front as a"
          + " table and the run's configuration.",
      "The plots are PNG files in the folder NAME-files beside the page NAME.html."
    },
    sortOptions = false)
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN", description = "the run directory")
  Path run;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "the page to write; default: RUN/report.html")
  Path output;

  @Option(
      names = "--kernel",
      paramLabel = "POSITION",
      split = ",",
      description =
          "front positions (the report's front table) whose error over the domain is drawn;"
              + " default: the cheapest and the most accurate front kernel")
  List<Integer> kernels = new ArrayList<>();

  @Override
  public Integer call() {
    RunReader reader = RunStores.open(run);
    Path page = output != null ? output : run.resolve("report.html");
    RunReport.Result r;
    try {
      r = RunReport.write(reader, page, kernels);
    } catch (RunReader.RunException e) {
      throw RunStores.error(e);
    } catch (IllegalArgumentException e) {
      throw new UserError("--kernel: " + e.getMessage(), ExportCommand.USAGE);
    } catch (UncheckedIOException e) {
      throw new UserError(page + ": cannot write: " + e.getCause().getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "wrote "
            + r.html()
            + " ("
            + r.images().size()
            + " plot"
            + (r.images().size() == 1 ? "" : "s")
            + (r.notes().isEmpty() ? "" : ", " + r.notes().size() + " notes")
            + ")");
    out.flush();
    return 0;
  }
}
