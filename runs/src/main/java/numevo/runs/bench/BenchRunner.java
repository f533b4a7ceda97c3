package numevo.runs.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import numevo.dsl.simd.SimdCompiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link KernelBench} over kernels, baselines and shapes in one JMH run (forked JVMs), and
 * turns JMH's ns per invocation into ns per element.
 */
public final class BenchRunner {
  private BenchRunner() {}

  /**
   * How to run.
   *
   * @param quick a smoke run of seconds instead of figures stable enough to quote
   * @param lo lower end of the f input domain
   * @param hi upper end (exclusive) of the f input domain
   * @param shapes how each kernel is run (one timing per kernel and shape)
   */
  public record Config(boolean quick, double lo, double hi, List<BenchShape> shapes) {
    /** Copies the shapes; at least one. */
    public Config {
      shapes = List.copyOf(shapes);
      if (shapes.isEmpty()) {
        throw new IllegalArgumentException("no shape");
      }
    }

    /** One shape: the array method over {@value KernelBench#POINTS} inputs. */
    public static Config of(boolean quick, double lo, double hi) {
      return new Config(quick, lo, hi, List.of(BenchShape.of(false, KernelBench.POINTS)));
    }
  }

  /**
   * One kernel's timing.
   *
   * @param spec the kernel file or {@code builtin:NAME}
   * @param shape how it was run
   * @param nsPerElement mean time per element
   * @param error half-width of JMH's 99.9% confidence interval, per element (NaN if too few
   *     samples)
   */
  public record Timing(String spec, BenchShape shape, double nsPerElement, double error) {}

  /**
   * Times every spec in one JMH run.
   *
   * @param specs kernel files, {@code simd:FILE}s and {@code builtin:NAME}s, in the order to report
   * @return one timing per shape and spec, shape after shape in the config's order, the specs in
   *     the given order within each
   * @throws RunnerException if JMH fails
   */
  public static List<Timing> run(List<String> specs, Config config) throws RunnerException {
    ChainedOptionsBuilder ob =
        new OptionsBuilder()
            .include(KernelBench.class.getName() + ".run$")
            .param("spec", specs.toArray(String[]::new))
            .param("lo", Double.toString(config.lo()))
            .param("hi", Double.toString(config.hi()))
            .param(
                "shape", config.shapes().stream().map(BenchShape::toString).toArray(String[]::new))
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT);
    if (specs.stream().anyMatch(s -> s.startsWith(KernelBench.SIMD))) {
      // The SIMD backend's kernels need the Vector API in the forks (each fork then prints the
      // JVM's incubator warning, which QuietForkOutput drops); scalar-only runs leave it out.
      ob.jvmArgsAppend(
          "--add-modules",
          "jdk.incubator.vector",
          SimdCompiler.QUIET_COMPILE_COMMANDS,
          SimdCompiler.FAST_JIT_OPTION);
    }
    if (config.quick()) {
      ob.forks(1)
          .warmupIterations(2)
          .warmupTime(TimeValue.milliseconds(200))
          .measurementIterations(3)
          .measurementTime(TimeValue.milliseconds(200));
    } else {
      ob.forks(2)
          .warmupIterations(5)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(5)
          .measurementTime(TimeValue.seconds(1));
    }
    Collection<RunResult> results =
        new Runner(
                ob.build(),
                QuietForkOutput.of(
                    OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT)))
            .run();
    Map<String, Timing> byKey = new LinkedHashMap<>();
    for (RunResult r : results) {
      String spec = r.getParams().getParam("spec");
      BenchShape shape = BenchShape.parse(r.getParams().getParam("shape"));
      double per = shape.points();
      byKey.put(
          shape + " " + spec,
          new Timing(
              spec,
              shape,
              r.getPrimaryResult().getScore() / per,
              r.getPrimaryResult().getScoreError() / per));
    }
    List<Timing> ordered = new ArrayList<>();
    for (BenchShape shape : config.shapes()) {
      for (String s : specs) {
        Timing t = byKey.get(shape + " " + s);
        if (t != null) {
          ordered.add(t);
        }
      }
    }
    return ordered;
  }
}
