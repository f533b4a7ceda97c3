package numevo.runs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import numevo.dsl.format.FloatLiterals;
import numevo.dsl.program.Program;
import numevo.dsl.text.ParsedProgram;
import numevo.runs.bench.MeasuredCost;
import numevo.targets.CostModel;
import numevo.targets.CostModels;
import numevo.targets.Method;
import numevo.targets.Metric;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code numevo score FILE --target T [--exhaustive] [--points N] [--seed S] [--json]}: scores a
 * kernel against a target.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Scores a kernel against a target. On a seeded validation sample of the target's domain",
      "("
          + ScoreOptions.DEFAULT_VALIDATION_POINTS
          + " points by default), or on every point with"
          + " --exhaustive.",
      "Float targets report errors in ULPs of the exact value (see docs/targets.md) and relative",
      "error; the output says how the numbers were obtained."
    })
final class ScoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the kernel file")
  Path file;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "T",
      description = "a target name (see 'numevo targets') or a FILE.target")
  String target;

  @Option(names = "--exhaustive", description = "score every point of the domain, on all cores")
  boolean exhaustive;

  @Option(
      names = "--points",
      paramLabel = "N",
      description = "sample size when sampling; default: ${DEFAULT-VALUE}")
  int points = ScoreOptions.DEFAULT_VALIDATION_POINTS;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "sample seed; default: ${DEFAULT-VALUE}")
  long seed = ScoreOptions.DEFAULT_SEED;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "threads for --exhaustive; default: the number of cores")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--json", description = "print one JSON object instead of text")
  boolean json;

  @Option(
      names = "--cost",
      paramLabel = "MODEL",
      description =
          "the cost reported: latency (Zen 3 latency, cycles), ops (one per live op, literals"
              + " free), throughput (Zen 3 reciprocal throughput of the packed AVX2 instruction,"
              + " cycles per element), measured (the compiled kernel timed in batch on 4,096"
              + " inputs, ns per element; not deterministic); default: the target's (latency;"
              + " lmul-*: energy; seq: ops)")
  String cost;

  @Mixin TargetParamOptions targetParams;

  @Override
  public Integer call() {
    if (points < 1) {
      throw new UserError("--points must be at least 1, got " + points, 2);
    }
    if (threads < 1) {
      throw new UserError("--threads must be at least 1, got " + threads, 2);
    }
    targetParams.rejectOrder("score");
    Target t = targetParams.resolve(target);
    CostModel model;
    try {
      model = CostModels.of(cost, t);
    } catch (IllegalArgumentException e) {
      throw new UserError("--cost: " + e.getMessage(), 2);
    }
    ParsedProgram parsed = KernelFiles.read(file);
    Program p = parsed.program();
    ScoreOptions options =
        ScoreOptions.of()
            .withMethod(exhaustive ? Method.EXHAUSTIVE : Method.SAMPLED)
            .withPoints(points)
            .withSeed(seed)
            .withThreads(threads);
    long start = System.nanoTime();
    Score s;
    try {
      s = t.score(p, options);
    } catch (TargetException e) {
      // A kernel that does not fit the target: say where it is declared.
      throw new UserError(
          e.aboutKernel() ? parsed.sourceMap().kernel() + ": " + e.getMessage() : e.getMessage());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    MeasuredCost.Measured m = CostModels.MEASURED.equals(cost) ? MeasuredCost.measure(p) : null;
    Costed c =
        m != null
            ? new Costed(
                m.nsPerElement(),
                "ns per element",
                CostModels.MEASURED,
                "compiled kernel ("
                    + m.backend()
                    + " backend) timed in batch on "
                    + String.format(Locale.ROOT, "%,d", MeasuredCost.POINTS)
                    + " inputs, median of "
                    + MeasuredCost.SAMPLES
                    + " samples; not deterministic")
            : new Costed(model.cost(p), model.unit(), model.kind(), model.name());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(s, p, t, c, seconds));
    } else {
      text(s, p, t, c, seconds, out);
    }
    out.flush();
    return 0;
  }

  /** The cost reported: value, unit, the model's kind and name (or how it was measured). */
  private record Costed(double value, String unit, String kind, String how) {}

  private String json(Score s, Program p, Target t, Costed c, double seconds) {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode o = om.createObjectNode();
    o.put("target", s.target());
    o.put("kernel", p.name());
    o.put("file", file.toString());
    o.put("method", s.method().key());
    o.put("points", s.points());
    if (s.seed().isPresent()) {
      o.put("seed", s.seed().getAsLong());
    }
    for (Metric m : s.metrics()) {
      putNumber(o, m.key(), m.value(), m.kind() == Metric.Kind.COUNT);
    }
    if (s.failure().isPresent()) {
      o.put("failure", s.failure().get());
    }
    o.put("objective", s.objective());
    o.put("ops", s.ops());
    putNumber(o, "cost", c.value(), false);
    o.put("cost_unit", c.unit());
    o.put("cost_model", c.kind());
    if (s.method() == Method.EXHAUSTIVE) {
      o.put("threads", threads);
    }
    o.put("seconds", Math.round(seconds * 1000) / 1000.0);
    try {
      return om.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JSON has no infinities or NaN: infinities are the strings "inf" and "-inf", NaN is null. */
  private static void putNumber(ObjectNode o, String key, double v, boolean integral) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else if (Double.isInfinite(v)) {
      o.put(key, v > 0 ? "inf" : "-inf");
    } else if (integral) {
      o.put(key, (long) v);
    } else {
      o.put(key, v);
    }
  }

  private void text(Score s, Program p, Target t, Costed c, double seconds, PrintWriter out) {
    out.println("target " + t.name() + ": " + t.summary());
    out.println(
        "kernel "
            + p.name()
            + " ("
            + file
            + "): "
            + Plural.of(s.ops(), "op")
            + ", cost "
            + (Double.isFinite(c.value()) ? fmt(c.value()) : "-")
            + " "
            + c.unit()
            + " ("
            + c.kind()
            + ": "
            + c.how()
            + ")");
    String how =
        s.method() == Method.EXHAUSTIVE
            ? String.format(
                Locale.ROOT,
                "exhaustive over all %s of the domain, %s, %.1f s",
                Plural.of(s.points(), "point"),
                Plural.of(threads, "thread"),
                seconds)
            : String.format(
                Locale.ROOT,
                "sampled: %s of the validation sample with seed %d, %.1f s",
                Plural.of(s.points(), "point"),
                s.seed().orElse(seed),
                seconds);
    out.println(how);
    int width = s.metrics().stream().mapToInt(m -> m.key().length()).max().orElse(0);
    if (s.failure().isPresent()) {
      width = Math.max(width, "failure".length());
    }
    List<Metric> ms = s.metrics();
    for (Metric m : ms) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %-" + width + "s  %s%s",
              m.key(),
              show(m, t),
              m.key().equals(s.objective()) ? "   (objective)" : ""));
    }
    if (s.failure().isPresent()) {
      out.println(
          String.format(Locale.ROOT, "  %-" + width + "s  %s", "failure", s.failure().get()));
    }
  }

  private static String show(Metric m, Target t) {
    double v = m.value();
    if (Double.isNaN(v)) {
      return m.kind() == Metric.Kind.INPUT ? "none" : "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return switch (m.kind()) {
      case COUNT -> String.format(Locale.ROOT, "%,d", (long) v);
      case FRACTION -> String.format(Locale.ROOT, "%.6f", v);
      case REAL -> fmt(v);
      case INPUT ->
          FloatLiterals.format(v, t.signature().format()) + " (" + FloatLiterals.hex(v) + ")";
    };
  }

  private static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
