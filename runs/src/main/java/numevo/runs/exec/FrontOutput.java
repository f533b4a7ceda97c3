package numevo.runs.exec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import numevo.dsl.program.Program;
import numevo.dsl.text.Printer;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.search.GenerationStats;
import numevo.evolver.search.SearchResult;
import numevo.evolver.search.Stat;
import numevo.runs.cli.UserError;
import numevo.targets.Method;
import numevo.targets.Metric;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.lmul.LmulTarget;
import numevo.targets.seq.SeqTarget;

/** How a search's results are shown and exported: the front with its check, and --out files. */
final class FrontOutput {
  private FrontOutput() {}

  static String cacheText(SearchResult r) {
    long proposed = r.total(g -> g.get(Stat.PROPOSED));
    long hits = r.total(g -> g.get(Stat.CACHE_HITS) + g.get(Stat.DUPLICATE_HITS));
    long uncached = r.total(g -> g.get(Stat.UNCACHED));
    long audits = r.total(g -> g.get(Stat.AUDITS));
    long falseHits = r.total(g -> g.get(Stat.FALSE_HITS));
    return String.format(
        Locale.ROOT,
        "cache: %,d of %,d candidates answered by their functional hash (%.1f%%), %,d not"
            + " hashable; audit: %d false hits in %d re-scored hits",
        hits,
        proposed,
        proposed == 0 ? 0.0 : 100.0 * hits / proposed,
        uncached,
        falseHits,
        audits);
  }

  /** Prints the front with each kernel re-scored (the check), and appends it to {@code report}. */
  static void printFront(
      Target t,
      String trainKey,
      List<FrontEntry> front,
      boolean exhaustive,
      PrintWriter w,
      StringBuilder report) {
    boolean canEnumerate = t.domainSize().isPresent();
    boolean full = exhaustive && canEnumerate;
    ScoreOptions options = full ? ScoreOptions.exhaustive() : ScoreOptions.of();
    if (exhaustive && !canEnumerate) {
      line(w, report, "the domain of " + t.name() + " cannot be enumerated: verifying on a sample");
    }
    line(
        w,
        report,
        "Pareto front ("
            + front.size()
            + (front.size() == 1 ? " kernel" : " kernels")
            + "; cost in "
            + t.costModel().unit()
            + "):");
    line(
        w,
        report,
        String.format(
            Locale.ROOT,
            "  %10s %4s %14s %14s %s %s",
            "cost",
            "ops",
            "train " + trainKey,
            "check",
            extraHeader(t),
            "kernel"));
    Score any = null;
    for (FrontEntry e : front) {
      Score s = t.score(e.program(), options);
      any = s;
      line(
          w,
          report,
          String.format(
              Locale.ROOT,
              "  %10s %4d %14s %14s %s %s",
              num(e.fitness().cost()),
              s.ops(),
              num(e.fitness().error()),
              num(s.error()) + (s.method() == Method.EXHAUSTIVE ? " exh" : " smp"),
              extra(t, s),
              oneLine(e.program())));
    }
    if (any != null) {
      line(w, report, "check: " + t.objective() + " " + checkText(t, any));
    }
  }

  /** How the check scores were obtained, from a score itself. */
  private static String checkText(Target t, Score s) {
    if (t instanceof SeqTarget) {
      return "on every term (training and held out), exact";
    }
    if (s.method() == Method.EXHAUSTIVE) {
      return String.format(Locale.ROOT, "exhaustive (all %,d points of the domain)", s.points());
    }
    return String.format(
        Locale.ROOT,
        "sampled (%,d validation points%s)",
        s.points(),
        s.seed().isPresent() ? ", seed " + s.seed().getAsLong() : "");
  }

  /** The headline metrics beside the objective, by family: L-Mul's relative error, seq's. */
  private static String extraHeader(Target t) {
    if (t.objective().equals(LmulTarget.LOSS)) {
      return String.format(Locale.ROOT, "%9s %8s %6s", "mean|rel|", "excluded", "exact");
    }
    if (t instanceof SeqTarget) {
      return String.format(Locale.ROOT, "%8s", "held out");
    }
    return "";
  }

  private static String extra(Target t, Score s) {
    if (t.objective().equals(LmulTarget.LOSS)) {
      return String.format(
          Locale.ROOT,
          "%9.4f %8d %5.1f%%",
          s.value(Metric.MEAN_REL_ERR).orElse(Double.NaN),
          (long) s.value("excluded").orElse(0),
          100 * s.value(Metric.EXACT_FRACTION).orElse(Double.NaN));
    }
    if (t instanceof SeqTarget) {
      return String.format(
          Locale.ROOT,
          "%8s",
          (long) s.value(Metric.HELDOUT_MATCHED).orElse(0)
              + "/"
              + (long) s.value("heldout_terms").orElse(0));
    }
    return "";
  }

  private static void line(PrintWriter w, StringBuilder report, String text) {
    w.println(text);
    w.flush();
    report.append(text).append('\n');
  }

  static String oneLine(Program p) {
    List<String> parts = new ArrayList<>();
    for (String line : Printer.print(p).split("\n")) {
      if (!line.startsWith("kernel") && !line.startsWith("input") && !line.isBlank()) {
        parts.add(line.trim());
      }
    }
    return String.join("; ", parts);
  }

  static String num(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }

  /**
   * Writes {@code discoveries.tsv} (every kernel that entered the run's front, with the time it was
   * found) and, in {@code records/}, each kernel that lowered the best training error, numbered as
   * in the TSV's {@code new_best} column, so the record holders can be verified afterwards.
   */
  static void writeRecords(Path out, Target t, List<FrontEntry> records, CharSequence discoveries) {
    try {
      Files.writeString(out.resolve("discoveries.tsv"), discoveries);
      Path dir = out.resolve("records");
      Files.createDirectories(dir);
      int i = 0;
      for (FrontEntry e : records) {
        String name = String.format(Locale.ROOT, "record%03d", ++i);
        Program p = e.program();
        Program named = new Program(name, p.format(), p.inputs(), p.body(), p.outputs());
        Files.writeString(
            dir.resolve(name + ".kernel"),
            "# "
                + t.name()
                + ": training "
                + t.objective()
                + " "
                + num(e.fitness().error())
                + ", cost "
                + num(e.fitness().cost())
                + "; generation "
                + e.generation()
                + "\n"
                + Printer.print(named));
      }
    } catch (IOException e) {
      throw new UserError("cannot write to " + out + ": " + e.getMessage());
    }
  }

  /** Writes the front's kernels, front.tsv, history.tsv and the other files of --out. */
  static void write(
      Path out,
      Target t,
      RunPlan plan,
      SearchResult r,
      Throughput tp,
      String report,
      PrintWriter w) {
    try {
      Files.createDirectories(out);
      StringBuilder tsv = new StringBuilder("file\tcost\ttrain_error\tgeneration\tisland\n");
      int i = 0;
      for (FrontEntry e : r.front()) {
        String name = String.format(Locale.ROOT, "front%02d", i++);
        Program p = e.program();
        Program named = new Program(name, p.format(), p.inputs(), p.body(), p.outputs());
        String text =
            "# "
                + t.name()
                + ": training "
                + t.objective()
                + " "
                + num(e.fitness().error())
                + ", cost "
                + num(e.fitness().cost())
                + " "
                + t.costModel().unit()
                + "; found in generation "
                + e.generation()
                + " on island "
                + e.island()
                + ", search seed "
                + plan.spec().seed()
                + "\n"
                + Printer.print(named);
        Files.writeString(out.resolve(name + ".kernel"), text);
        tsv.append(name)
            .append(".kernel\t")
            .append(e.fitness().cost())
            .append('\t')
            .append(e.fitness().error())
            .append('\t')
            .append(e.generation())
            .append('\t')
            .append(e.island())
            .append('\n');
      }
      Files.writeString(out.resolve("front.tsv"), tsv);
      StringBuilder h = new StringBuilder(String.join("\t", GenerationStats.columns()));
      h.append('\n');
      for (GenerationStats g : r.history()) {
        h.append(String.join("\t", g.row())).append('\n');
      }
      Files.writeString(out.resolve("history.tsv"), h);
      Files.writeString(out.resolve("throughput.tsv"), tp.tsv());
      Files.writeString(out.resolve("timings.tsv"), r.timings().table());
      Files.writeString(
          out.resolve("manifest.txt"),
          "target "
              + t.name()
              + "\ntraining "
              + plan.scorer().scorer().objective()
              + " on "
              + plan.scorer().scorer().description()
              + "\n"
              + plan.config()
              + "\n");
      Files.writeString(out.resolve("summary.txt"), report);
      w.println(
          "wrote "
              + r.front().size()
              + " kernels, front.tsv, history.tsv, throughput.tsv, timings.tsv, manifest.txt,"
              + " summary.txt, discoveries.tsv, records/ to "
              + out);
    } catch (IOException e) {
      throw new UserError("cannot write to " + out + ": " + e.getMessage());
    }
  }
}
