package numevo.runs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import numevo.dsl.compile.CompiledKernel;
import numevo.dsl.compile.Float32Binary;
import numevo.dsl.compile.Float32Unary;
import numevo.dsl.compile.I32Binary;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.program.Program;
import numevo.dsl.simd.SimdCompiler;
import numevo.dsl.simd.SimdDeclinedException;
import numevo.runs.bench.BenchRunner;
import numevo.runs.bench.BenchRunner.Timing;
import numevo.runs.bench.BenchShape;
import numevo.runs.bench.Builtins;
import numevo.runs.bench.KernelBench;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code numevo bench FILE... [--vs FILE|builtin:NAME]...}: JMH timing of compiled kernels. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Times compiled kernels and baselines with JMH in one run. Forked JVMs, warm-up, inputs",
      "drawn once from the domain and held in JMH state, results consumed; prints ns per",
      "element with the 99.9%% confidence half-width, and each kernel's ratio to the first",
      "baseline in the same shape (ratio < 1: faster than the baseline; speedup = 1 / ratio).",
      "Shapes: batch:N (the array method over N inputs) and call:N (the per-point method called",
      "N times in a loop); every kernel is timed in every shape.",
      "Built-in baselines: builtin:exp ((float) Math.exp), builtin:exp-strict (StrictMath.exp),",
      "builtin:exp-cw (kernels/exp's Cody-Waite algorithm hand-written in Java),",
      "builtin:exp2 ((float) Math.pow(2, x)), builtin:mul (float multiply, batch only).",
      "--backend simd times kernel files compiled to Vector API loops (float32 kernels;",
      "others are declined with the reason and timed scalar); both times each file both ways."
    })
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "kernel files")
  List<String> files;

  @Option(
      names = "--vs",
      paramLabel = "FILE|builtin:NAME",
      description = "a baseline; may be repeated; the first is the reference for ratios")
  List<String> baselines = new ArrayList<>();

  @Option(names = "--quick", description = "a smoke run of seconds (figures not for quoting)")
  boolean quick;

  @Option(names = "--json", description = "print a JSON array instead of a table")
  boolean json;

  @Option(
      names = "--domain",
      paramLabel = "LO,HI",
      description = "interval [LO, HI) the f inputs are drawn from (default: ${DEFAULT-VALUE})")
  String domain = "0,1";

  @Option(
      names = "--shapes",
      paramLabel = "SHAPE[,SHAPE...]",
      split = ",",
      description = "batch:N and/or call:N (default: ${DEFAULT-VALUE})")
  List<String> shapes = new ArrayList<>(List.of("batch:" + KernelBench.POINTS));

  /** Which compiler times the kernel files. */
  enum Backend {
    scalar,
    simd,
    both
  }

  @Option(
      names = "--backend",
      paramLabel = "scalar|simd|both",
      description =
          "compiler of the kernel files: the scalar ASM compiler, the SIMD backend"
              + " (Vector API), or both, one row each (default: ${DEFAULT-VALUE})")
  Backend backend = Backend.scalar;

  @Override
  public Integer call() throws Exception {
    double[] d = parseDomain(domain);
    PrintWriter err = spec.commandLine().getErr();
    if (backend != Backend.scalar && !SimdCompiler.available()) {
      throw new UserError(
          "--backend "
              + backend
              + ": this JVM has no Vector API; run through ./numevo or add"
              + " --add-modules jdk.incubator.vector to the java command",
          2);
    }
    List<BenchShape> parsedShapes = new ArrayList<>();
    for (String sh : shapes) {
      try {
        BenchShape bs = BenchShape.parse(sh);
        if (!parsedShapes.contains(bs)) {
          parsedShapes.add(bs);
        }
      } catch (IllegalArgumentException e) {
        throw new UserError("--shapes: " + e.getMessage(), 2);
      }
    }
    boolean perCall = parsedShapes.stream().anyMatch(BenchShape::perCall);
    LinkedHashSet<String> specs = new LinkedHashSet<>();
    Map<String, String> shown = new HashMap<>();
    for (String b : baselines) {
      String v = validate(b, "--vs", perCall);
      specs.add(v);
      shown.putIfAbsent(v, b);
    }
    for (String f : files) {
      String v = validate(f, "FILE", perCall);
      String declined = backend == Backend.scalar ? null : simdDeclines(v);
      if (declined != null) {
        err.println("numevo: " + f + ": the SIMD backend declines it (" + declined + ")");
      }
      if (backend != Backend.simd || declined != null) {
        specs.add(v);
        shown.putIfAbsent(v, backend == Backend.scalar ? f : f + " [scalar]");
      }
      if (backend != Backend.scalar && declined == null) {
        String s = KernelBench.SIMD + v;
        specs.add(s);
        shown.putIfAbsent(s, f + " [simd]");
      }
    }
    err.println(
        "numevo: timing "
            + specs.size()
            + " kernel"
            + (specs.size() == 1 ? "" : "s")
            + (parsedShapes.size() == 1 ? "" : " in " + parsedShapes.size() + " shapes")
            + " with JMH ("
            + (quick ? "quick smoke run: 1 fork, 3 x 200 ms" : "2 forks, 5 x 1 s warm-up, 5 x 1 s")
            + ")...");
    err.flush();
    List<Timing> timings;
    try {
      timings =
          BenchRunner.run(
              List.copyOf(specs), new BenchRunner.Config(quick, d[0], d[1], parsedShapes));
    } catch (RunnerException e) {
      // JMH's own message is one clear line (another benchmark holds its lock, a fork failed).
      String m = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
      throw new UserError("bench: JMH failed: " + m.replaceFirst("^ERROR: ", ""), 1);
    }
    // The reference of each shape: the first baseline's timing in that shape.
    Map<BenchShape, Double> ref = new HashMap<>();
    if (!baselines.isEmpty()) {
      String first = specs.iterator().next();
      for (Timing t : timings) {
        if (t.spec().equals(first)) {
          ref.put(t.shape(), t.nsPerElement());
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ArrayNode arr = mapper.createArrayNode();
      for (Timing t : timings) {
        ObjectNode o = arr.addObject();
        o.put("kernel", shown.get(t.spec()));
        o.put("shape", t.shape().toString());
        o.put("ns_per_element", t.nsPerElement());
        if (Double.isNaN(t.error())) {
          o.putNull("error");
        } else {
          o.put("error", t.error());
        }
        Double r = ref.get(t.shape());
        if (r == null) {
          o.putNull("ratio");
        } else {
          o.put("ratio", t.nsPerElement() / r);
        }
      }
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
    } else {
      int w =
          Math.max(6, timings.stream().mapToInt(t -> shown.get(t.spec()).length()).max().orElse(6));
      out.println(
          String.format(
              Locale.ROOT,
              "%-" + w + "s  %-10s  %10s  %10s  %8s  %s",
              "kernel",
              "shape",
              "ns/elem",
              "± (99.9%)",
              "ratio",
              "speedup"));
      for (Timing t : timings) {
        Double r = ref.get(t.shape());
        out.println(
            String.format(
                Locale.ROOT,
                "%-" + w + "s  %-10s  %10.3f  %10s  %8s  %s",
                shown.get(t.spec()),
                t.shape(),
                t.nsPerElement(),
                Double.isNaN(t.error()) ? "n/a" : String.format(Locale.ROOT, "%.3f", t.error()),
                r == null ? "-" : String.format(Locale.ROOT, "%.3f", t.nsPerElement() / r),
                r == null ? "-" : String.format(Locale.ROOT, "%.2fx", r / t.nsPerElement())));
      }
      out.println(
          "f inputs uniform in ["
              + d[0]
              + ", "
              + d[1]
              + "), drawn once per shape; ratio = ns/elem over the first baseline's in the same"
              + " shape, speedup = its inverse"
              + (quick ? "; --quick: smoke figures, not for quoting" : ""));
    }
    out.flush();
    return 0;
  }

  private static double[] parseDomain(String s) {
    String[] parts = s.split(",");
    try {
      if (parts.length == 2) {
        double lo = Double.parseDouble(parts[0].strip());
        double hi = Double.parseDouble(parts[1].strip());
        if (lo < hi && Double.isFinite(lo) && Double.isFinite(hi)) {
          return new double[] {lo, hi};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError("--domain: expected LO,HI with LO < HI, got '" + s + "'", 2);
  }

  /** Why the SIMD backend declines the kernel file {@code path}, or null if it compiles it. */
  private static String simdDeclines(String path) {
    Program p = KernelFiles.read(Path.of(path)).program();
    try {
      SimdCompiler.compile(p);
      return null;
    } catch (SimdDeclinedException e) {
      return e.getMessage();
    }
  }

  /** Checks a spec before JMH forks, so problems are one-line errors here, not in a fork. */
  private static String validate(String s, String flag, boolean perCall) {
    if (s.startsWith("builtin:")) {
      Builtins.Kernel k;
      try {
        k = Builtins.of(s.substring("builtin:".length()));
      } catch (IllegalArgumentException e) {
        throw new UserError(flag + ": " + e.getMessage(), 2);
      }
      if (perCall && k.scalar() == null) {
        throw new UserError(flag + ": " + s + " has no per-call form for a call:N shape", 2);
      }
      return s;
    }
    CompiledKernel k = KernelCompiler.compile(KernelFiles.read(Path.of(s)).program());
    if (perCall
        && !(k instanceof Float32Unary || k instanceof Float32Binary || k instanceof I32Binary)) {
      throw new UserError(
          flag + ": " + s + " has no per-point method for a call:N shape (its signature)", 2);
    }
    // JMH forks read the file again: give them a path that does not depend on their directory.
    return Path.of(s).toAbsolutePath().normalize().toString();
  }
}
