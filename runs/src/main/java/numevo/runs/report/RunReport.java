package numevo.runs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import numevo.dsl.program.Program;
import numevo.dsl.program.ProgramException;
import numevo.dsl.text.Parser;
import numevo.evolver.search.Stat;
import numevo.runs.store.RunReader;
import numevo.runs.store.RunReader.Discovery;
import numevo.runs.store.RunReader.FrontEntry;
import numevo.runs.store.RunReader.Generation;
import numevo.runs.store.RunReader.Manifest;
import numevo.targets.Baseline;
import numevo.targets.CostModel;
import numevo.targets.CostModels;
import numevo.targets.Metric;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import numevo.targets.floats.FloatTarget;
import numevo.targets.floats.FloatTargetSpec;
import numevo.targets.floats.ReferenceColumns;
import numevo.targets.lmul.LmulTarget;
import numevo.targets.seq.SeqTarget;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A run's report: one HTML page with PNG plots (XChart) in a folder beside it: the Pareto front
 * with the target's baselines, the error of chosen kernels over the input domain, convergence,
 * cache hit rate and throughput, the front as a table, and the run's configuration.
 */
public final class RunReport {

  /** Points of the input domain the error curves are drawn on. */
  public static final int DOMAIN_POINTS = 2000;

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 430;

  /**
   * What was written.
   *
   * @param html the page
   * @param images the plot files it shows
   * @param notes what could not be plotted, and why
   */
  public record Result(Path html, List<Path> images, List<String> notes) {}

  private final RunReader run;
  private final Path html;
  private final Path filesDir;
  private final StringBuilder body = new StringBuilder();
  private final List<Path> images = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private Manifest manifest;
  private Map<String, String> meta;
  private List<Generation> generations;
  private List<Discovery> discoveries;
  private List<FrontEntry> front;
  // Whether front is the ranked front (errors are checks, not training errors).
  private boolean ranked;
  private Target target;
  private String unit = "";
  private CostModel costs;

  private RunReport(RunReader run, Path html) {
    this.run = run;
    this.html = html.toAbsolutePath().normalize();
    String name = this.html.getFileName().toString();
    String stem = name.endsWith(".html") ? name.substring(0, name.length() - 5) : name;
    this.filesDir = this.html.resolveSibling(stem + "-files");
  }

  /**
   * Writes the report of {@code run} to {@code html} and its plots to the folder {@code <html's
   * name without .html>-files} beside it (replacing the plots of an earlier report).
   *
   * @param kernels the front positions whose error over the domain is shown; empty for the cheapest
   *     and the most accurate front kernels
   * @throws RunReader.RunException if the run cannot be read
   * @throws UncheckedIOException if the page or a plot cannot be written
   * @throws IllegalArgumentException if a position is not in the front
   */
  public static Result write(RunReader run, Path html, List<Integer> kernels) {
    System.setProperty("java.awt.headless", "true");
    RunReport r = new RunReport(run, html);
    r.read();
    List<FrontEntry> chosen = r.choose(kernels);
    try {
      Files.createDirectories(r.filesDir);
      r.build(chosen);
      Files.writeString(r.html, r.page(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(r.html, List.copyOf(r.images), List.copyOf(r.notes));
  }

  private void read() {
    manifest = run.manifest();
    meta = run.meta();
    generations = run.generations();
    discoveries = run.discoveries();
    front = run.shownFront();
    ranked = !run.rankedFront().isEmpty();
    try {
      target = Targets.resolve(manifest.target(), TargetParams.of(manifest.params()));
      costs = CostModels.of(manifest.spec().get("cost"), target);
      unit = costs.describe();
    } catch (RuntimeException e) {
      target = null;
      notes.add(
          "target "
              + manifest.target()
              + " could not be rebuilt ("
              + oneLine(e)
              + "): no baselines and no errors over the domain");
    }
  }

  private List<FrontEntry> choose(List<Integer> positions) {
    List<FrontEntry> out = new ArrayList<>();
    if (positions.isEmpty()) {
      if (!front.isEmpty()) {
        FrontEntry cheapest = front.get(0);
        FrontEntry best = best(front).orElse(cheapest);
        out.add(cheapest);
        if (best != cheapest) {
          out.add(best);
        }
      }
      return out;
    }
    for (int p : positions) {
      FrontEntry e =
          front.stream()
              .filter(f -> f.position() == p)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException("no kernel at position " + p + " of the front"));
      if (!out.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The front kernel of smallest error (the cheapest among equals). */
  public static Optional<FrontEntry> best(List<FrontEntry> front) {
    FrontEntry best = null;
    for (FrontEntry e : front) {
      if (best == null || e.error() < best.error()) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  // ---------------------------------------------------------------- the page

  private void build(List<FrontEntry> chosen) throws IOException {
    summary();
    h2("Pareto front");
    frontPlot();
    frontTable();
    h2("Error over the input domain");
    domainErrors(chosen);
    h2("Convergence");
    convergence();
    h2("Search efficiency");
    efficiency();
    h2("Configuration");
    configuration();
  }

  private void summary() {
    long elapsed = generations.isEmpty() ? 0 : generations.get(generations.size() - 1).elapsedMs();
    Optional<FrontEntry> best = best(front);
    body.append("<p class=\"summary\">")
        .append(esc(target != null ? target.name() + ": " + target.summary() : manifest.target()))
        .append("<br>status <b>")
        .append(esc(meta.getOrDefault("status", "unknown")))
        .append("</b>");
    if (meta.containsKey("stop_reason")) {
      body.append(" (").append(esc(meta.get("stop_reason"))).append(")");
    }
    body.append(", ")
        .append(String.format(Locale.ROOT, "%,d", generations.size()))
        .append(" generations in ")
        .append(duration(elapsed))
        .append(", ")
        .append(front.size())
        .append(" kernels on the front");
    best.ifPresent(
        b ->
            body.append(", best error ")
                .append(fmt(b.error()))
                .append(" at cost ")
                .append(fmt(b.cost()))
                .append(unitSuffix()));
    body.append("<br>started ").append(esc(manifest.createdUtc())).append("</p>\n");
  }

  private void frontPlot() throws IOException {
    XYChart c = xy("Pareto front: error against cost", "cost" + unitSuffix(), errorTitle());
    c.getStyler().setYAxisLogarithmic(true);
    LogValues lv = new LogValues();
    for (FrontEntry e : front) {
      lv.collect(e.error());
    }
    List<Baseline> baselines = target == null ? List.of() : target.baselines();
    Map<String, double[]> scored = new LinkedHashMap<>();
    for (Baseline b : baselines) {
      try {
        Score s = target.score(b.program(), ScoreOptions.of());
        scored.put(b.name(), new double[] {costs.cost(b.program()), s.error()});
        lv.collect(s.error());
      } catch (RuntimeException ex) {
        note("baseline " + b.name() + " could not be scored: " + oneLine(ex));
      }
    }
    double[][] f =
        lv.points(
            front.stream().mapToDouble(FrontEntry::cost).toArray(),
            front.stream().mapToDouble(FrontEntry::error).toArray());
    if (f[0].length > 0) {
      XYSeries s = c.addSeries("run front", f[0], f[1]);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineColor(new Color(0x1f77b4));
      s.setMarkerColor(new Color(0x1f77b4));
    }
    Color[] colors = {
      new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
      new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22),
      new Color(0x17becf)
    };
    int i = 0;
    for (Map.Entry<String, double[]> b : scored.entrySet()) {
      double[][] p = lv.points(new double[] {b.getValue()[0]}, new double[] {b.getValue()[1]});
      if (p[0].length == 0) {
        continue;
      }
      XYSeries s = c.addSeries("baseline " + b.getKey(), p[0], p[1]);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.DIAMOND);
      s.setMarkerColor(colors[i++ % colors.length]);
    }
    String caption =
        (ranked
                ? "Run front, ranked: each kernel's checked error (exhaustive where verified, else"
                    + " on the ranking's larger sample)."
                : "Run front: each kernel's error as the search measured it (its training"
                    + " sample).")
            + (scored.isEmpty()
                ? (target != null ? " The target has no baselines." : "")
                : " Diamonds: the target's baselines, scored on the validation sample ("
                    + String.format(Locale.ROOT, "%,d", ScoreOptions.DEFAULT_VALIDATION_POINTS)
                    + " points, seed "
                    + ScoreOptions.DEFAULT_SEED
                    + ").")
            + lv.caption();
    emit(c, "front", caption);
  }

  private void frontTable() {
    if (front.isEmpty()) {
      note("the run's front is empty");
      return;
    }
    body.append("<table class=\"front\"><tr><th>position</th><th>cost")
        .append(esc(unitSuffix()))
        .append("</th><th>error</th><th>generation</th><th>island</th><th>kernel</th></tr>\n");
    for (FrontEntry e : front) {
      body.append("<tr><td>")
          .append(e.position())
          .append("</td><td>")
          .append(fmt(e.cost()))
          .append("</td><td>")
          .append(fmt(e.error()))
          .append("</td><td>")
          .append(e.generation())
          .append("</td><td>")
          .append(e.island())
          .append("</td><td><pre>")
          .append(esc(e.kernel().strip()))
          .append("</pre></td></tr>\n");
    }
    body.append("</table>\n");
  }

  private void domainErrors(List<FrontEntry> chosen) throws IOException {
    if (target == null) {
      note("no errors over the domain: the target could not be rebuilt");
      return;
    }
    if (chosen.isEmpty()) {
      note("no errors over the domain: the front is empty");
      return;
    }
    Map<String, Program> kernels = new LinkedHashMap<>();
    for (FrontEntry e : chosen) {
      String label = label(e);
      try {
        kernels.put(label, Parser.parse(e.kernel(), "front[" + e.position() + "]"));
      } catch (ProgramException ex) {
        note("kernel " + label + " does not parse: " + oneLine(ex));
      }
    }
    if (kernels.isEmpty()) {
      return;
    }
    Map<String, Score> scores = new LinkedHashMap<>();
    for (Map.Entry<String, Program> k : kernels.entrySet()) {
      try {
        scores.put(k.getKey(), target.score(k.getValue(), ScoreOptions.of()));
      } catch (RuntimeException ex) {
        note("kernel " + k.getKey() + " cannot be scored: " + oneLine(ex));
      }
    }
    if (target instanceof FloatTarget ft) {
      floatCurves(ft, kernels);
    } else if (target instanceof LmulTarget) {
      lmulCategories(scores);
    } else if (target instanceof SeqTarget) {
      seqTerms(scores);
    } else {
      note("errors over the domain are not drawn for targets like " + target.name());
    }
    metricsTable(scores, kernels);
  }

  private void floatCurves(FloatTarget t, Map<String, Program> kernels) throws IOException {
    KernelErrors.Points pts = KernelErrors.points(t, DOMAIN_POINTS);
    if (pts.x().length == 0) {
      note("no points of the domain to draw errors on");
      return;
    }
    ReferenceColumns ref = KernelErrors.reference(t, pts.x());
    boolean rel = t.spec().metric() == FloatTargetSpec.ErrorMetric.REL;
    // One plot per kernel: their errors differ by orders of magnitude.
    int index = 0;
    for (Map.Entry<String, Program> k : kernels.entrySet()) {
      index++;
      KernelErrors.Curve curve;
      try {
        curve = KernelErrors.curve(t, k.getValue(), pts.x(), ref);
      } catch (RuntimeException ex) {
        note("kernel " + k.getKey() + " cannot be evaluated over the domain: " + oneLine(ex));
        continue;
      }
      XYChart c =
          xy(
              "Signed error over the domain: " + k.getKey(),
              "x",
              rel ? "signed relative error" : "signed error (ULP of the exact value)");
      c.getStyler().setLegendVisible(false);
      if (pts.logX()) {
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setXAxisDecimalPattern("0.##E0");
      } else {
        c.getStyler().setXAxisDecimalPattern("#,##0.###");
      }
      List<double[]> xy = new ArrayList<>();
      for (int i = 0; i < pts.x().length; i++) {
        if (!Double.isNaN(curve.error()[i])) {
          xy.add(new double[] {pts.x()[i], curve.error()[i]});
        }
      }
      if (!xy.isEmpty()) {
        XYSeries s =
            c.addSeries(
                k.getKey(),
                xy.stream().mapToDouble(p -> p[0]).toArray(),
                xy.stream().mapToDouble(p -> p[1]).toArray());
        // Dots, not a line: near the last bits the error is rounding noise.
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
      }
      c.getStyler().setMarkerSize(3);
      emit(
          c,
          "domain-error-" + index,
          "(y - exact) / "
              + (rel ? "|exact|" : "ulp(exact)")
              + " of kernel "
              + k.getKey()
              + " at "
              + pts.range()
              + "."
              + (curve.wrongSpecials() > 0
                  ? String.format(
                      Locale.ROOT,
                      " %,d points with a wrong special value (infinite error) are not drawn.",
                      curve.wrongSpecials())
                  : ""));
    }
  }

  private void lmulCategories(Map<String, Score> scores) throws IOException {
    CategoryChart c =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Mismatching pairs per product category (all pairs of the validation split)")
            .xAxisTitle("category of the correctly rounded product")
            .yAxisTitle("pairs whose result differs")
            .build();
    style(c.getStyler());
    for (Map.Entry<String, Score> k : scores.entrySet()) {
      List<String> cats = new ArrayList<>();
      List<Double> counts = new ArrayList<>();
      for (Metric m : k.getValue().metrics()) {
        if (m.key().endsWith("_mismatches") && !m.key().equals("special_mismatches")) {
          cats.add(m.key().substring(0, m.key().length() - "_mismatches".length()));
          counts.add(m.value());
        }
      }
      if (cats.isEmpty()) {
        note("kernel " + k.getKey() + ": its score has no per-category counts");
        continue;
      }
      c.addSeries(k.getKey(), cats, counts);
    }
    emit(
        c,
        "domain-error",
        "Pairs whose result code differs from the correctly rounded product's, by the category of"
            + " that product. The relative errors on finite products are in the table below.");
  }

  private void seqTerms(Map<String, Score> scores) throws IOException {
    CategoryChart c =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Terms reproduced")
            .xAxisTitle("terms")
            .yAxisTitle("terms")
            .build();
    style(c.getStyler());
    List<String> cats = List.of("training", "held out");
    double[] totals = null;
    for (Map.Entry<String, Score> k : scores.entrySet()) {
      Score sc = k.getValue();
      totals =
          new double[] {
            sc.value("train_terms").orElse(Double.NaN), sc.value("heldout_terms").orElse(Double.NaN)
          };
      c.addSeries(
          k.getKey() + " matched",
          cats,
          List.of(
              sc.value(Metric.TRAIN_MATCHED).orElse(0),
              sc.value(Metric.HELDOUT_MATCHED).orElse(0)));
    }
    if (totals != null) {
      c.addSeries("all terms", cats, List.of(totals[0], totals[1]));
    }
    emit(c, "domain-error", "Training and held-out terms each kernel reproduces, of all terms.");
  }

  private void metricsTable(Map<String, Score> scores, Map<String, Program> programs) {
    if (scores.isEmpty()) {
      return;
    }
    Set<String> keys = new LinkedHashSet<>();
    for (Score s : scores.values()) {
      s.metrics().forEach(m -> keys.add(m.key()));
    }
    Score first = scores.values().iterator().next();
    body.append("<p>Scores on the validation sample (")
        .append(esc(first.method().key()))
        .append(String.format(Locale.ROOT, ", %,d points", first.points()))
        .append("):</p>\n<table class=\"metrics\"><tr><th>metric</th>");
    for (String k : scores.keySet()) {
      body.append("<th>").append(esc(k)).append("</th>");
    }
    body.append("</tr>\n");
    for (String key : keys) {
      body.append("<tr><td>").append(esc(key)).append("</td>");
      for (Score s : scores.values()) {
        Optional<Metric> m = s.metric(key);
        body.append("<td>").append(m.map(RunReport::show).orElse("")).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("<tr><td>cost").append(esc(unitSuffix())).append("</td>");
    for (Map.Entry<String, Score> e : scores.entrySet()) {
      Program k = programs.get(e.getKey());
      body.append("<td>")
          .append(fmt(k != null && costs != null ? costs.cost(k) : e.getValue().cost()))
          .append("</td>");
    }
    body.append("</tr></table>\n");
  }

  private void convergence() throws IOException {
    if (generations.isEmpty()) {
      note("no generations recorded");
      return;
    }
    int n = generations.size();
    double[] g = new double[n];
    double[] t = new double[n];
    double[] e = new double[n];
    LogValues lv = new LogValues();
    for (int i = 0; i < n; i++) {
      Generation r = generations.get(i);
      g[i] = r.generation();
      t[i] = r.elapsedMs() / 1000.0;
      e[i] = r.bestError();
      lv.collect(e[i]);
    }
    XYChart byGen = xy("Best error by generation", "generation", errorTitle());
    byGen.getStyler().setYAxisLogarithmic(true);
    double[][] pg = lv.points(g, e);
    if (pg[0].length > 0) {
      byGen.addSeries("best error", pg[0], pg[1]).setMarker(SeriesMarkers.NONE);
    }
    emit(
        byGen,
        "convergence-generations",
        "The smallest error on the run's front after each" + " generation." + lv.caption());

    XYChart byTime = xy("Best error over time", "elapsed seconds", errorTitle());
    byTime.getStyler().setYAxisLogarithmic(true);
    double[][] pt = lv.points(t, e);
    if (pt[0].length > 0) {
      byTime.addSeries("best error (any cost)", pt[0], pt[1]).setMarker(SeriesMarkers.NONE);
    }
    // The best error at a few costs, from the discoveries: cheapest, median and largest front cost.
    List<Double> costs = new ArrayList<>();
    if (!front.isEmpty()) {
      for (int i : new int[] {0, front.size() / 2, front.size() - 1}) {
        double c = front.get(i).cost();
        if (!costs.contains(c)) {
          costs.add(c);
        }
      }
    }
    double end = t[n - 1];
    for (double cost : costs) {
      List<double[]> steps = new ArrayList<>();
      double cur = Double.POSITIVE_INFINITY;
      for (Discovery d : discoveries) {
        if (d.cost() <= cost && d.error() < cur && Double.isFinite(d.error())) {
          double when = d.elapsedMs() / 1000.0;
          if (!steps.isEmpty()) {
            steps.add(new double[] {when, cur});
          }
          cur = d.error();
          steps.add(new double[] {when, cur});
        }
      }
      if (steps.isEmpty()) {
        continue;
      }
      steps.add(new double[] {Math.max(end, steps.get(steps.size() - 1)[0]), cur});
      double[] sx = steps.stream().mapToDouble(p -> p[0]).toArray();
      double[] sy = steps.stream().mapToDouble(p -> p[1]).toArray();
      double[][] p = lv.points(sx, sy);
      if (p[0].length > 0) {
        XYSeries s = byTime.addSeries("cost \u2264 " + fmt(cost) + unitSuffix(), p[0], p[1]);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(
            new BasicStroke(
                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      }
    }
    emit(
        byTime,
        "convergence-time",
        "Solid: the smallest error on the run's front at the end of each generation. Dashed: the"
            + " smallest error of the kernels found so far costing at most the cheapest, median"
            + " and largest cost of the final front (from the run's discoveries)."
            + lv.caption());
  }

  private void efficiency() throws IOException {
    if (generations.isEmpty()) {
      return;
    }
    int n = generations.size();
    int w = Math.max(1, n / 40);
    // Cache hit rate per generation, and its moving average over 2w+1 generations.
    List<double[]> raw = new ArrayList<>();
    long[] hits = new long[n];
    long[] proposed = new long[n];
    for (int i = 0; i < n; i++) {
      Generation r = generations.get(i);
      hits[i] = r.count(Stat.CACHE_HITS) + r.count(Stat.DUPLICATE_HITS);
      proposed[i] = r.count(Stat.PROPOSED);
      if (proposed[i] > 0) {
        raw.add(new double[] {r.generation(), 100.0 * hits[i] / proposed[i]});
      }
    }
    XYChart hit = xy("Cache hit rate", "generation", "hits / proposed (%)");
    hit.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
    if (!raw.isEmpty()) {
      XYSeries s =
          hit.addSeries(
              "per generation",
              raw.stream().mapToDouble(p -> p[0]).toArray(),
              raw.stream().mapToDouble(p -> p[1]).toArray());
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(new Color(0xaec7e8));
      s.setLineWidth(1f);
      List<double[]> smooth = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long h = 0;
        long p = 0;
        for (int j = Math.max(0, i - w); j <= Math.min(n - 1, i + w); j++) {
          h += hits[j];
          p += proposed[j];
        }
        if (p > 0) {
          smooth.add(new double[] {generations.get(i).generation(), 100.0 * h / p});
        }
      }
      XYSeries sm =
          hit.addSeries(
              "moving average (" + (2 * w + 1) + " generations)",
              smooth.stream().mapToDouble(p -> p[0]).toArray(),
              smooth.stream().mapToDouble(p -> p[1]).toArray());
      sm.setMarker(SeriesMarkers.NONE);
      sm.setLineColor(new Color(0x1f77b4));
      sm.setLineWidth(2f);
    }
    emit(
        hit,
        "cache-hit-rate",
        "(cache_hits + duplicate_hits) / proposed: candidates the functional-equivalence cache"
            + " answered without scoring.");

    // Throughput: full scorings (scored + tuning_scorings) per second, over a window of 2w+1.
    long[] scorings = new long[n];
    long[] dt = new long[n];
    long prev = 0;
    for (int i = 0; i < n; i++) {
      Generation r = generations.get(i);
      scorings[i] = r.count(Stat.SCORED) + r.count(Stat.TUNING_SCORINGS);
      dt[i] = r.elapsedMs() - prev;
      prev = r.elapsedMs();
    }
    List<double[]> rate = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long s = 0;
      long ms = 0;
      for (int j = Math.max(0, i - w); j <= Math.min(n - 1, i + w); j++) {
        s += scorings[j];
        ms += dt[j];
      }
      if (ms > 0) {
        rate.add(new double[] {generations.get(i).elapsedMs() / 1000.0, s * 1000.0 / ms});
      }
    }
    XYChart tp = xy("Throughput", "elapsed seconds", "scorings per second");
    tp.getStyler().setYAxisMin(0.0);
    if (!rate.isEmpty()) {
      tp.addSeries(
              "scored + tuning_scorings, over " + (2 * w + 1) + " generations",
              rate.stream().mapToDouble(p -> p[0]).toArray(),
              rate.stream().mapToDouble(p -> p[1]).toArray())
          .setMarker(SeriesMarkers.NONE);
    }
    long total = 0;
    for (long s : scorings) {
      total += s;
    }
    long ms = generations.get(n - 1).elapsedMs();
    emit(
        tp,
        "throughput",
        String.format(
            Locale.ROOT,
            "Full scorings per second of wall time. Whole run: %,d scorings in %s%s.",
            total,
            duration(ms),
            ms > 0 ? String.format(Locale.ROOT, ", %,.0f per second", total * 1000.0 / ms) : ""));
  }

  private void configuration() {
    body.append("<table class=\"config\">\n");
    row("target", manifest.target());
    manifest.params().forEach((k, v) -> row("target parameter " + k, v));
    if (costs != null) {
      row(
          "cost model",
          costs.kind()
              + (manifest.spec().containsKey("cost") ? "" : " (the target's; not recorded)")
              + ": "
              + costs.describe()
              + ", "
              + costs.source()
              + ("measured".equals(manifest.spec().get("cost"))
                  ? "; the final front's measured ns per element are in "
                      + numevo.runs.bench.MeasuredCost.FILE
                  : ""));
    }
    manifest
        .spec()
        .forEach(
            (k, v) -> {
              if (!k.equals("target") && !k.equals("params")) {
                row("search " + k, v);
              }
            });
    row("numevo", manifest.numevo());
    row("git", manifest.git().orElse("unknown"));
    row("jdk", manifest.jdk());
    row("created (UTC)", manifest.createdUtc());
    row("manifest format", Integer.toString(manifest.format()));
    meta.forEach((k, v) -> row("store " + k, v));
    row("run directory", run.dir().toAbsolutePath().normalize().toString());
    body.append("</table>\n");
  }

  private void row(String k, String v) {
    body.append("<tr><th>")
        .append(esc(k))
        .append("</th><td>")
        .append(esc(v))
        .append("</td></tr>\n");
  }

  private String page() {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(esc("numevo run report: " + manifest.target()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style></head>\n<body>\n<h1>")
        .append(esc("numevo run report: " + manifest.target()))
        .append("</h1>\n")
        .append(body)
        .append("<p class=\"foot\">Written by numevo report.</p>\n</body></html>\n");
    return sb.toString();
  }

  private static final String CSS =
      """
      body { font-family: sans-serif; max-width: 1040px; margin: 1em auto; color: #222; }
      h1 { font-size: 1.5em; }
      h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; margin-top: 1.6em; }
      figure { margin: 0.8em 0; }
      figure img { max-width: 100%; border: 1px solid #eee; }
      figcaption { font-size: 0.85em; color: #555; }
      table { border-collapse: collapse; font-size: 0.85em; margin: 0.6em 0; }
      th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
      table.front td:nth-child(-n+5), table.metrics td { text-align: right; }
      table.metrics td:first-child { text-align: left; }
      table.front { width: 100%; table-layout: fixed; }
      table.front th:nth-child(-n+5) { width: 5.5em; }
      pre { margin: 0; font-size: 0.9em; max-height: 14em; overflow: auto; }
      .note { background: #fff4d6; border: 1px solid #e6c35c; padding: 4px 8px; font-size: 0.9em; }
      .summary { line-height: 1.5; }
      .foot { font-size: 0.8em; color: #888; }
      """;

  // ---------------------------------------------------------------- charts

  private XYChart xy(String title, String xTitle, String yTitle) {
    XYChart c =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    style(c.getStyler());
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    return c;
  }

  private static void style(AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotGridLinesColor(new Color(0xdddddd));
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setLegendBorderColor(Color.WHITE);
    s.setMarkerSize(7);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
  }

  /** Writes a chart as a PNG beside the page and shows it, or a note if it has no data. */
  private void emit(Chart<?, ?> chart, String name, String caption) throws IOException {
    if (chart.getSeriesMap().isEmpty()) {
      note(chart.getTitle() + ": nothing to plot");
      return;
    }
    Path png = filesDir.resolve(name + ".png");
    byte[] bytes;
    try {
      bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (RuntimeException e) {
      note(chart.getTitle() + ": the plot failed: " + oneLine(e));
      return;
    }
    Files.write(png, bytes);
    images.add(png);
    String src = html.getParent().relativize(png).toString().replace('\\', '/');
    body.append("<figure><img src=\"")
        .append(esc(src))
        .append("\" alt=\"")
        .append(esc(chart.getTitle()))
        .append("\"><figcaption>")
        .append(esc(caption))
        .append("</figcaption></figure>\n");
  }

  private void note(String text) {
    notes.add(text);
    body.append("<p class=\"note\">").append(esc(text)).append("</p>\n");
  }

  private void h2(String s) {
    body.append("<h2>").append(esc(s)).append("</h2>\n");
  }

  /**
   * Values for a logarithmic axis: zeros drawn at a floor below the smallest positive value,
   * infinities and NaN left out, both said in the caption.
   */
  private static final class LogValues {
    private double minPositive = Double.POSITIVE_INFINITY;
    private boolean zeros;
    private boolean dropped;

    void collect(double v) {
      if (v > 0 && v < Double.POSITIVE_INFINITY) {
        minPositive = Math.min(minPositive, v);
      }
    }

    double floor() {
      return minPositive < Double.POSITIVE_INFINITY ? minPositive / 10 : 1e-3;
    }

    double[][] points(double[] x, double[] y) {
      List<double[]> out = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        double v = y[i];
        if (v == 0) {
          zeros = true;
          out.add(new double[] {x[i], floor()});
        } else if (v > 0 && v < Double.POSITIVE_INFINITY) {
          out.add(new double[] {x[i], v});
        } else {
          dropped = true;
        }
      }
      return new double[][] {
        out.stream().mapToDouble(p -> p[0]).toArray(), out.stream().mapToDouble(p -> p[1]).toArray()
      };
    }

    String caption() {
      String s = "";
      if (zeros) {
        s += " An error of 0 is drawn at " + fmt(floor()) + " (the axis is logarithmic).";
      }
      if (dropped) {
        s += " Infinite or undefined errors are not drawn.";
      }
      return s;
    }
  }

  // ---------------------------------------------------------------- formatting

  private String errorTitle() {
    return target == null ? "error" : "error (" + target.objective() + ")";
  }

  private String unitSuffix() {
    return unit.isEmpty() ? "" : " (" + unit + ")";
  }

  private static String label(FrontEntry e) {
    return "#" + e.position() + " cost " + fmt(e.cost());
  }

  private static String show(Metric m) {
    double v = m.value();
    if (Double.isNaN(v)) {
      return "none";
    }
    return switch (m.kind()) {
      case COUNT -> Double.isInfinite(v) ? fmt(v) : String.format(Locale.ROOT, "%,d", (long) v);
      case FRACTION -> String.format(Locale.ROOT, "%.6f", v);
      default -> fmt(v);
    };
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static String duration(long ms) {
    Duration d = Duration.ofMillis(ms);
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\R", " ");
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
