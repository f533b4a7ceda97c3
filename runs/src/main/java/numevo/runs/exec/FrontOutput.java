package numevo.runs.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import numevo.dsl.program.Program;
import numevo.dsl.text.Printer;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.genome.Kernels;
import numevo.evolver.rank.RankResult;
import numevo.evolver.rank.Ranked;
import numevo.evolver.search.GenerationStats;
import numevo.evolver.search.SearchResult;
import numevo.evolver.search.Stat;
import numevo.runs.bench.MeasuredCost;
import numevo.runs.cli.UserError;
import numevo.targets.Baseline;
import numevo.targets.Method;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetException;
import numevo.targets.lmul.LmulTarget;
import numevo.targets.seq.Recurrences;
import numevo.targets.seq.SeqTarget;

/** How a search's results are shown and exported: the front with its check, and --out files. */
final class FrontOutput {
  private FrontOutput() {}

  /** {@link numevo.evolver.search.Search}'s stop reason when the target error was reached. */
  static final String TARGET_ERROR = "target error";

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

  /**
   * What the end of a search shows: the front and the baselines as rows, the seq verdict, and the
   * text printed (for {@code summary.txt}).
   *
   * @param front the front's rows, by increasing cost
   * @param entries the front's entries with the kernels as shown (constants folded), fitness as
   *     recorded
   * @param baselines the target's baselines' rows
   * @param verdict the verdict of a seq search, or null
   * @param report the text printed, each line ending in a newline
   * @param measured with {@code --cost measured}, each front kernel's measured cost in ns per
   *     element (as {@code front}; NaN where it could not be timed); else empty
   * @param raw the front's entries as recorded (or as ranked), constants not folded
   */
  record Shown(
      List<KernelRow> front,
      List<FrontEntry> raw,
      List<FrontEntry> entries,
      List<KernelRow> baselines,
      SeqVerdict verdict,
      String report,
      List<Double> measured) {}

  /**
   * Prints why the search stopped if it reached its target error, the front with each kernel
   * re-scored (the check), the target's baselines in the same columns, and for seq the verdict.
   * Kernels are shown with their constants folded ({@link Kernels#foldConstants}); the costs and
   * training errors are those the search recorded.
   */
  static Shown show(RunPlan plan, SearchResult r, PrintWriter w) {
    return show(plan, r, null, w);
  }

  /**
   * As {@link #show(RunPlan, SearchResult, PrintWriter)}, for a ranked front (null: the search's
   * front): its kernels after ranking, each with the check it was ranked by (re-scored exhaustively
   * with --exhaustive where that check was a sample).
   */
  static Shown show(RunPlan plan, SearchResult r, RankResult ranked, PrintWriter w) {
    Target t = plan.target();
    StringBuilder report = new StringBuilder();
    boolean canEnumerate = t.domainSize().isPresent();
    boolean exhaustive = plan.spec().exhaustive();
    ScoreOptions options =
        exhaustive && canEnumerate ? ScoreOptions.exhaustive() : ScoreOptions.of();
    if (TARGET_ERROR.equals(r.stopReason())) {
      line(w, report, stopNote(plan));
    }
    if (exhaustive && !canEnumerate) {
      line(w, report, "the domain of " + t.name() + " cannot be enumerated: verifying on a sample");
    }
    List<KernelRow> front = new ArrayList<>();
    List<FrontEntry> entries = new ArrayList<>();
    List<FrontEntry> raw = new ArrayList<>();
    List<Score> checks = new ArrayList<>();
    if (ranked == null) {
      raw.addAll(r.front());
    } else {
      for (Ranked k : ranked.front()) {
        raw.add(k.entry());
        checks.add(k.check());
      }
    }
    for (int i = 0; i < raw.size(); i++) {
      FrontEntry e = raw.get(i);
      Program shown = Kernels.foldConstants(e.program());
      Score s =
          ranked != null && (checks.get(i).method() == Method.EXHAUSTIVE || !exhaustive)
              ? checks.get(i)
              : t.score(shown, options);
      front.add(
          new KernelRow(
              null,
              shown,
              e.fitness().cost(),
              e.fitness().error(),
              s,
              KernelRow.extras(t, s),
              e.generation(),
              e.island()));
      entries.add(FrontEntry.of(shown, e.fitness(), e.generation(), e.island()));
    }
    List<KernelRow> baselines = baselines(plan, options, w, report);
    String trainKey = plan.scorer().scorer().objective();
    line(
        w,
        report,
        "Pareto front ("
            + front.size()
            + (front.size() == 1 ? " kernel" : " kernels")
            + "; cost in "
            + plan.costDescription()
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
    for (KernelRow k : front) {
      line(w, report, row(t, k));
    }
    List<Double> measured = new ArrayList<>();
    if (plan.measured()) {
      line(
          w,
          report,
          "measured cost of the final front (compiled kernel, on the SIMD backend where it"
              + " takes the kernel, timed in batch on "
              + String.format(Locale.ROOT, "%,d", MeasuredCost.POINTS)
              + " inputs, median of "
              + MeasuredCost.SAMPLES
              + " samples, ns per element; not deterministic; the search ranked by "
              + plan.costDescription()
              + "):");
      line(
          w,
          report,
          String.format(
              Locale.ROOT, "  %10s %12s %-7s %s", "cost", "measured_ns", "backend", "kernel"));
      for (KernelRow k : front) {
        MeasuredCost.Measured m = MeasuredCost.measure(k.program());
        double ns = m.nsPerElement();
        measured.add(ns);
        line(
            w,
            report,
            String.format(
                Locale.ROOT,
                "  %10s %12s %-7s %s",
                num(k.cost()),
                Double.isFinite(ns) ? String.format(Locale.ROOT, "%.3f", ns) : "-",
                m.backend(),
                oneLine(k.program())));
      }
    }
    if (!baselines.isEmpty()) {
      line(w, report, "baselines:");
      for (KernelRow k : baselines) {
        line(w, report, row(t, k));
      }
    }
    Score any =
        !front.isEmpty()
            ? front.get(0).check()
            : baselines.isEmpty() ? null : baselines.get(0).check();
    if (any != null) {
      line(
          w,
          report,
          ranked != null
              ? "check: "
                  + t.objective()
                  + " of the ranked front: exh exhaustive, smp on the ranking's larger sample;"
                  + " baselines "
                  + checkText(t, baselines.isEmpty() ? any : baselines.get(0).check())
              : "check: " + t.objective() + " " + checkText(t, any));
    }
    SeqVerdict verdict = null;
    if (t instanceof SeqTarget seq) {
      verdict = SeqVerdict.of(seq, entries, plan.fits());
      w.print(verdict.text());
      w.flush();
      report.append(verdict.text());
    }
    return new Shown(
        front, raw, entries, baselines, verdict, report.toString(), List.copyOf(measured));
  }

  /**
   * Writes the measured costs ({@code --cost measured}) as a table: position, the searched cost, ns
   * per element ({@code -} if not timed) and the kernel on one line.
   */
  static void writeMeasured(Path file, Shown shown) {
    StringBuilder b = new StringBuilder("position\tcost\tmeasured_ns_per_element\tkernel\n");
    for (int i = 0; i < shown.front().size(); i++) {
      KernelRow k = shown.front().get(i);
      double ns = shown.measured().get(i);
      b.append(i)
          .append('\t')
          .append(num(k.cost()))
          .append('\t')
          .append(Double.isFinite(ns) ? String.format(Locale.ROOT, "%.4f", ns) : "-")
          .append('\t')
          .append(oneLine(k.program()))
          .append('\n');
    }
    try {
      Files.writeString(file, b.toString());
    } catch (IOException e) {
      throw new UserError("cannot write " + file + ": " + e.getMessage(), 1);
    }
  }

  /** The line saying why a search stopped at its target error. */
  static String stopNote(RunPlan plan) {
    double e = plan.config().stop().targetError();
    if (plan.target() instanceof SeqTarget seq && e == RunPlan.exactFitLoss(seq)) {
      return "stopped at the first kernel that reproduces every training term (train_loss "
          + num(e)
          + ", its initial terms); the held-out terms were not used to stop; a cheaper exact fit"
          + " might yet have been found (--target-error -1 searches on to the other limits)";
    }
    return "stopped: a kernel reached the target error (training "
        + plan.scorer().scorer().objective()
        + " <= "
        + num(e)
        + ")";
  }

  /**
   * The target's baselines re-scored like the front: cost by the search's cost model, training
   * error on the search's sample (seq: widened to the search's order first, as a seed would be, so
   * that train_loss counts the same initial terms), the same check. A baseline the target cannot
   * score is left out with a line saying why.
   */
  private static List<KernelRow> baselines(
      RunPlan plan, ScoreOptions options, PrintWriter w, StringBuilder report) {
    Target t = plan.target();
    List<KernelRow> rows = new ArrayList<>();
    for (Baseline b : t.baselines()) {
      Program p = b.program();
      if (t instanceof SeqTarget seq) {
        try {
          p = Recurrences.widen(p, seq.searchOrder());
        } catch (IllegalArgumentException e) {
          // A higher order than the search's: scored as it is.
        }
      }
      Program shown = Kernels.foldConstants(p);
      Score check;
      try {
        check = t.score(shown, options);
      } catch (TargetException e) {
        line(w, report, "baseline " + b.name() + " not shown: " + e.getMessage());
        continue;
      }
      double train;
      try {
        train = plan.scorer().scorer().score(p).error();
      } catch (TargetException | IllegalArgumentException e) {
        train = Double.NaN;
      }
      rows.add(
          new KernelRow(
              b.name(),
              shown,
              plan.config().costs().cost(p),
              train,
              check,
              KernelRow.extras(t, check),
              0,
              -1));
    }
    return rows;
  }

  /** One row of the front's or the baselines' table. */
  private static String row(Target t, KernelRow k) {
    return String.format(
        Locale.ROOT,
        "  %10s %4d %14s %14s %s %s",
        num(k.cost()),
        k.ops(),
        num(k.trainError()),
        num(k.checkError()) + (k.exhaustive() ? " exh" : " smp"),
        extra(t, k.extras()),
        (k.name() == null ? "" : k.name() + ": ") + k.kernelText());
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

  private static String extra(Target t, Map<String, Double> x) {
    if (t.objective().equals(LmulTarget.LOSS)) {
      return String.format(
          Locale.ROOT,
          "%9.4f %8d %5.1f%%",
          x.get("mean_rel"),
          x.get("excluded").longValue(),
          100 * x.get("exact"));
    }
    if (t instanceof SeqTarget) {
      return String.format(
          Locale.ROOT,
          "%8s",
          x.get("heldout_matched").longValue() + "/" + x.get("heldout_terms").longValue());
    }
    return "";
  }

  private static void line(PrintWriter w, StringBuilder report, String text) {
    w.println(text);
    w.flush();
    report.append(text).append('\n');
  }

  /**
   * A kernel's instructions and outputs on one line, constants folded ({@link
   * Kernels#foldConstants}): the front table, discoveries.tsv and the verdict show kernels so.
   */
  static String oneLine(Program p) {
    List<String> parts = new ArrayList<>();
    for (String line : Printer.print(Kernels.foldConstants(p)).split("\n")) {
      if (!line.startsWith("kernel") && !line.startsWith("input") && !line.isBlank()) {
        parts.add(line.trim());
      }
    }
    return String.join("; ", parts);
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
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
        Program p = Kernels.foldConstants(e.program());
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

  /**
   * Writes the front's kernels (constants folded; the header gives the cost the search recorded),
   * front.tsv and baselines.tsv (from the rows shown), history.tsv and the other files of --out.
   */
  static void write(
      Path out, RunPlan plan, SearchResult r, Throughput tp, Shown shown, PrintWriter w) {
    Target t = plan.target();
    try {
      Files.createDirectories(out);
      List<String> extraKeys = KernelRow.extraKeys(t);
      StringBuilder tsv =
          new StringBuilder("file\tcost\ttrain_error\tgeneration\tisland")
              .append(checkColumns(extraKeys))
              .append('\n');
      for (int i = 0; i < shown.front().size(); i++) {
        KernelRow k = shown.front().get(i);
        FrontEntry e = shown.raw().get(i);
        String name = String.format(Locale.ROOT, "front%02d", i);
        Program p = k.program();
        Program named = new Program(name, p.format(), p.inputs(), p.body(), p.outputs());
        String text =
            "# "
                + t.name()
                + ": training "
                + plan.scorer().scorer().objective()
                + " "
                + num(k.trainError())
                + ", cost "
                + num(k.cost())
                + " "
                + plan.costs().unit()
                + (p.equals(e.program()) ? "" : " (as found; constants folded since)")
                + "; found in generation "
                + k.generation()
                + " on island "
                + k.island()
                + ", search seed "
                + plan.spec().seed()
                + "\n"
                + Printer.print(named);
        Files.writeString(out.resolve(name + ".kernel"), text);
        tsv.append(name)
            .append(".kernel\t")
            .append(k.cost())
            .append('\t')
            .append(k.trainError())
            .append('\t')
            .append(k.generation())
            .append('\t')
            .append(k.island())
            .append(checkCells(k))
            .append('\n');
      }
      StringBuilder btsv =
          new StringBuilder("name\tcost\ttrain_error")
              .append(checkColumns(extraKeys))
              .append("\tkernel\n");
      for (KernelRow k : shown.baselines()) {
        btsv.append(k.name())
            .append('\t')
            .append(k.cost())
            .append('\t')
            .append(k.trainError())
            .append(checkCells(k))
            .append('\t')
            .append(k.kernelText())
            .append('\n');
      }
      Files.writeString(out.resolve("baselines.tsv"), btsv);
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
      Files.writeString(out.resolve("summary.txt"), shown.report());
      w.println(
          "wrote "
              + shown.front().size()
              + " kernels, front.tsv, baselines.tsv, history.tsv, throughput.tsv, timings.tsv,"
              + " manifest.txt, summary.txt, discoveries.tsv, records/ to "
              + out);
    } catch (IOException e) {
      throw new UserError("cannot write to " + out + ": " + e.getMessage());
    }
  }

  /**
   * Writes the search's results as one JSON document (for {@code --json}): target, seed, run
   * directory, stop reason, generations, scorings, the front and the baselines (each kernel as
   * {@link #json(ObjectNode, KernelRow)} writes it) and, for seq, the verdict.
   */
  static void json(
      PrintWriter out, RunPlan plan, Path runDir, SearchResult r, Throughput tp, Shown shown) {
    Target t = plan.target();
    ObjectNode root = JSON.createObjectNode();
    root.put("target", t.name());
    root.put("summary", t.summary());
    root.put("seed", plan.spec().seed());
    root.put("run_dir", runDir.toString());
    root.put("stop_reason", r.stopReason());
    root.put("generations", r.generations());
    root.put("scorings", tp.scorings());
    root.put("train_metric", plan.scorer().scorer().objective());
    root.put("train_sample", plan.scorer().scorer().description());
    root.put("check_metric", t.objective());
    root.put("cost_unit", plan.costs().unit());
    root.put("cost_model", plan.costs().kind());
    if (plan.measured()) {
      ArrayNode ms = root.putArray("measured_ns_per_element");
      for (double m : shown.measured()) {
        if (Double.isFinite(m)) {
          ms.add(m);
        } else {
          ms.addNull();
        }
      }
    }
    ArrayNode front = root.putArray("front");
    for (KernelRow k : shown.front()) {
      json(front.addObject(), k);
    }
    ArrayNode baselines = root.putArray("baselines");
    for (KernelRow k : shown.baselines()) {
      json(baselines.addObject(), k);
    }
    SeqVerdict v = shown.verdict();
    if (v != null) {
      ObjectNode o = root.putObject("verdict");
      o.put("recovered", v.recovered());
      if (v.kernel() != null) {
        o.put("formula", Recurrences.formula(v.kernel()).orElse(null));
        o.put("kernel", Printer.print(v.kernel()));
        o.put("initial_terms", v.score().start());
        o.put("train_matched", v.score().trainMatched());
        o.put("train_predicted", v.score().trainPredicted());
        o.put("heldout_matched", v.score().heldOutMatched());
        o.put("heldout_terms", v.score().heldOut());
      }
      o.put("text", v.text().strip());
    }
    try {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * One kernel: {@code name} (baselines), {@code cost}, {@code ops}, {@code train_error}, {@code
   * check_error}, {@code check_method} ({@code exhaustive} or {@code sampled}), {@code
   * check_points}, {@code check_seed} (sampled checks), the family's extras, {@code generation} and
   * {@code island} (front entries) and {@code kernel}, its DSL text (constants folded). Infinite
   * numbers are the strings {@code inf} and {@code -inf}, unknown ones null.
   */
  private static void json(ObjectNode o, KernelRow k) {
    if (k.name() != null) {
      o.put("name", k.name());
    }
    number(o, "cost", k.cost());
    o.put("ops", k.ops());
    number(o, "train_error", k.trainError());
    number(o, "check_error", k.checkError());
    o.put("check_method", k.checkMethod());
    o.put("check_points", k.checkPoints());
    if (k.check().seed().isPresent()) {
      o.put("check_seed", k.check().seed().getAsLong());
    }
    k.extras().forEach((key, v) -> number(o, key, v));
    if (k.name() == null) {
      o.put("generation", k.generation());
      o.put("island", k.island());
    }
    o.put("kernel", Printer.print(k.program()));
  }

  private static void number(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else if (Double.isInfinite(v)) {
      o.put(key, v > 0 ? "inf" : "-inf");
    } else if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
      o.put(key, (long) v);
    } else {
      o.put(key, v);
    }
  }

  /** The TSV columns of a row's check: ops, check_error, check_method, check_points, extras. */
  private static String checkColumns(List<String> extraKeys) {
    StringBuilder b = new StringBuilder("\tops\tcheck_error\tcheck_method\tcheck_points");
    for (String key : extraKeys) {
      b.append('\t').append(key);
    }
    return b.toString();
  }

  private static String checkCells(KernelRow k) {
    StringBuilder b =
        new StringBuilder()
            .append('\t')
            .append(k.ops())
            .append('\t')
            .append(k.checkError())
            .append('\t')
            .append(k.checkMethod())
            .append('\t')
            .append(k.checkPoints());
    for (double v : k.extras().values()) {
      b.append('\t').append(v);
    }
    return b.toString();
  }
}
