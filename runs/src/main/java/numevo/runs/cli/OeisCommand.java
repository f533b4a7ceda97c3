package numevo.runs.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import numevo.runs.oeis.OeisOptions;
import numevo.runs.oeis.OeisRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code numevo oeis FILE [--sample N] [--seed S] [--budget 30s] [--min-terms 30] [--holdout 10]
 * [--out DIR] [--jobs J]} and {@code numevo oeis --report DIR}: parses the flags and hands over to
 * {@link OeisRun}.
 */
@Command(
    name = "oeis",
    mixinStandardHelpOptions = true,
    description = {
      "Runs numevo over a collection of integer sequences (OEIS stripped format).",
      "Per sequence, on its training terms (the last --holdout terms are held out): the classical",
      "guessers (Berlekamp-Massey, else P-recursive), then numevo's exact form fits, then the",
      "evolutionary search for what is left of --budget. The first stage that finds a recurrence",
      "reproducing every training term chooses it; the sequence is solved only if that recurrence",
      "predicts every held-out term exactly. Sequences run --jobs at a time; each search is seeded",
      "from --seed and the sequence's id, so a verdict depends on the budget, not on scheduling.",
      "--sample N takes the first N sequences (of those with at least --min-terms terms) ordered",
      "by the MD5 of \"SEED:ID\": '--sample 500 --seed 1' is the fixed sample of 500.",
      "Each finished sequence is appended to OUT/journal.tsv. To continue after a crash or Ctrl-C,",
      "rerun the same command (the same --out and flags; --jobs may change): finished sequences",
      "are kept. At the end OUT/report.md and OUT/verdicts.tsv are written; 'numevo oeis --report",
      "OUT' writes them for a partial pass."
    })
final class OeisCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "sequences, one per line: A000045 ,0,1,1,2,3,...")
  Path file;

  @Option(
      names = "--sample",
      paramLabel = "N",
      description = "take N sequences (see above); default: all, in file order")
  Integer sample;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "seed of the sample and of the searches; default: ${DEFAULT-VALUE}")
  long seed = 1;

  @Option(
      names = "--budget",
      paramLabel = "T",
      description =
          "time per sequence, all stages (30s, 2m); the search gets what is left;"
              + " default: 30s")
  String budget;

  @Option(
      names = "--min-terms",
      paramLabel = "N",
      description = "only sequences with at least N terms; default: ${DEFAULT-VALUE}")
  int minTerms = 30;

  @Option(
      names = "--holdout",
      paramLabel = "K",
      description = "terms held out of each sequence; default: ${DEFAULT-VALUE}")
  int holdout = 10;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "the pass's directory; default: numevo-runs/oeis-<FILE name>-<sample>-s<seed>")
  Path out;

  @Option(names = "--jobs", paramLabel = "J", description = "sequences at once; default: the cores")
  Integer jobs;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "only write DIR/report.md and DIR/verdicts.tsv from DIR's journal")
  Path report;

  @Override
  public Integer call() {
    if (report != null) {
      if (file != null) {
        throw new UserError("--report DIR takes no FILE", 2);
      }
      return OeisRun.report(report, spec.commandLine().getOut());
    }
    if (file == null) {
      throw new UserError("missing FILE (or --report DIR)", 2);
    }
    if (sample != null && sample < 1) {
      throw new UserError("--sample must be >= 1, got " + sample, 2);
    }
    if (minTerms < 3) {
      throw new UserError("--min-terms must be >= 3, got " + minTerms, 2);
    }
    if (holdout < 1) {
      throw new UserError("--holdout must be >= 1, got " + holdout, 2);
    }
    int j = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    if (j < 1) {
      throw new UserError("--jobs must be >= 1, got " + j, 2);
    }
    Duration b;
    try {
      b = budget == null ? OeisOptions.DEFAULT_BUDGET : SearchCommand.duration(budget);
    } catch (UserError e) {
      throw new UserError("bad --budget '" + budget + "': use e.g. 30s, 2m", 2);
    }
    if (b.isNegative()) {
      throw new UserError("--budget must not be negative: '" + budget + "'", 2);
    }
    int n = sample == null ? 0 : sample;
    Path dir = out;
    if (dir == null) {
      String name = file.getFileName() == null ? "data" : file.getFileName().toString();
      name = name.replaceAll("\\.[A-Za-z0-9]+$", "");
      String root = System.getenv("NUMEVO_RUNS");
      dir =
          Path.of(root != null ? root : "numevo-runs")
              .resolve("oeis-" + name + "-" + (n == 0 ? "all" : "n" + n) + "-s" + seed);
    }
    return OeisRun.run(
        OeisOptions.of(file, n, seed, b, minTerms, holdout, j), dir, spec.commandLine().getOut());
  }
}
