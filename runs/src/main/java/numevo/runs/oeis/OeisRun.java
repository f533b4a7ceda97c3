package numevo.runs.oeis;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import numevo.runs.cli.UserError;
import numevo.targets.seq.SequenceData;

/**
 * A pass of numevo over a sequence collection: reads the file, selects the sequences ({@link
 * OeisSample}), continues the journal of the output directory (or starts one), runs the cascade
 * ({@link SequenceSolver}) on every sequence not yet finished, {@code jobs} at a time, appending
 * each verdict to the journal as it finishes, and writes the report ({@link OeisReport}) at the
 * end. It also writes {@code sample-ids.txt}, the ids of the pass in sample order.
 */
public final class OeisRun {
  /** The file of the pass's ids, in sample order. */
  public static final String SAMPLE_IDS = "sample-ids.txt";

  private OeisRun() {}

  /**
   * Runs (or continues) a pass.
   *
   * @param options the pass
   * @param out its directory
   * @param w where progress and the summary go
   * @return the exit code (0)
   * @throws UserError on bad input (the file, a line of it, flags that differ from the journal's)
   */
  public static int run(OeisOptions options, Path out, PrintWriter w) {
    if (options.minTerms() < 3 * options.holdout()) {
      throw new UserError(
          "--min-terms "
              + options.minTerms()
              + " must be at least 3 x --holdout ("
              + 3 * options.holdout()
              + ") so that every sequence holds out "
              + options.holdout()
              + " terms and trains on at least twice as many",
          2);
    }
    OeisFile file = OeisFile.read(options.file());
    List<SequenceData> seqs =
        OeisSample.select(file.sequences(), options.minTerms(), options.sample(), options.seed());
    if (seqs.isEmpty()) {
      throw new UserError(
          options.file() + ": no sequence has at least " + options.minTerms() + " terms");
    }
    String session =
        String.format(
            Locale.ROOT,
            "%s, %s, jobs %d, cores %d, load average %.1f",
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            options.file(),
            options.jobs(),
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Journal.Opened opened =
        Journal.open(out, options.identity(file.sha256(), seqs.size()), session);
    writeIds(out, seqs);
    Set<String> done = new HashSet<>();
    opened.done().forEach(v -> done.add(v.id()));
    List<SequenceData> todo = new ArrayList<>();
    for (SequenceData d : seqs) {
      if (!done.contains(d.id())) {
        todo.add(d);
      }
    }
    w.printf(
        Locale.ROOT,
        "oeis: %d sequences of %s (%s, seed %d, at least %d terms, last %d held out), budget %s"
            + " per sequence, %d at a time%n",
        seqs.size(),
        options.file(),
        options.sample() == 0 ? "all" : "sample of " + options.sample(),
        options.seed(),
        options.minTerms(),
        options.holdout(),
        options.budget(),
        options.jobs());
    w.printf(
        Locale.ROOT,
        "out: %s (%d already finished, %d to go; rerun the same command to continue)%n",
        out,
        seqs.size() - todo.size(),
        todo.size());
    w.flush();
    SequenceSolver solver = SequenceSolver.of(options);
    try (Journal journal = opened.journal()) {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              options.jobs(),
              r -> {
                Thread t = new Thread(r, "oeis-job");
                t.setDaemon(true);
                return t;
              });
      try {
        ExecutorCompletionService<SequenceVerdict> ecs = new ExecutorCompletionService<>(pool);
        for (SequenceData d : todo) {
          ecs.submit(() -> safely(solver, d));
        }
        int finished = seqs.size() - todo.size();
        for (int i = 0; i < todo.size(); i++) {
          Future<SequenceVerdict> f = ecs.take();
          SequenceVerdict v = f.get();
          journal.append(v);
          finished++;
          w.printf(
              Locale.ROOT,
              "[%d/%d] %s %s %s %.1f s%n",
              finished,
              seqs.size(),
              v.id(),
              v.chooser().label(),
              v.solved() ? "solved" : v.chosen() == null ? "no fit" : "wrong",
              v.seconds());
          w.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserError("interrupted; rerun the same command to continue");
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    OeisReport report = OeisReport.of(out);
    report.write(out);
    w.print(report.summary());
    w.printf(
        "report: %s; verdicts: %s%n",
        out.resolve(OeisReport.REPORT), out.resolve(OeisReport.VERDICTS));
    w.flush();
    return 0;
  }

  /**
   * Writes a partial or finished pass's report.
   *
   * @param dir the pass directory
   * @param w where the summary goes
   */
  public static int report(Path dir, PrintWriter w) {
    OeisReport report = OeisReport.of(dir);
    report.write(dir);
    w.print(report.summary());
    w.printf(
        "report: %s; verdicts: %s%n",
        dir.resolve(OeisReport.REPORT), dir.resolve(OeisReport.VERDICTS));
    w.flush();
    return 0;
  }

  /** The cascade; an unexpected failure becomes the sequence's verdict, not the pass's end. */
  private static SequenceVerdict safely(SequenceSolver solver, SequenceData d) {
    try {
      return solver.solve(d);
    } catch (RuntimeException e) {
      return new SequenceVerdict(
          d.id(),
          d.size(),
          0,
          0,
          Stage.error("classical", e.toString()),
          Stage.SKIPPED,
          Stage.SKIPPED,
          Stage.SKIPPED,
          0,
          0,
          0);
    }
  }

  private static void writeIds(Path out, List<SequenceData> seqs) {
    StringBuilder b = new StringBuilder();
    seqs.forEach(d -> b.append(d.id()).append('\n'));
    try {
      Files.writeString(out.resolve(SAMPLE_IDS), b.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError(out.resolve(SAMPLE_IDS) + ": cannot write: " + e.getMessage());
    }
  }
}
