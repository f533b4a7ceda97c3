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
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link KernelBench} over kernels and baselines in one JMH run (forked JVMs). */
public final class BenchRunner {
  private BenchRunner() {}

  /**
   * How to run.
   *
   * @param quick a smoke run of seconds instead of figures stable enough to quote
   * @param lo lower end of the f input domain
   * @param hi upper end (exclusive) of the f input domain
   */
  public record Config(boolean quick, double lo, double hi) {}

  /**
   * One kernel's timing.
   *
   * @param spec the kernel file or {@code builtin:NAME}
   * @param nsPerElement mean time per element
   * @param error half-width of JMH's 99.9% confidence interval (NaN if too few samples)
   */
  public record Timing(String spec, double nsPerElement, double error) {}

  /**
   * Times every spec in one JMH run.
   *
   * @param specs kernel files, {@code simd:FILE}s and {@code builtin:NAME}s, in the order to report
   * @return one timing per spec, in the same order
   * @throws RunnerException if JMH fails
   */
  public static List<Timing> run(List<String> specs, Config config) throws RunnerException {
    ChainedOptionsBuilder ob =
        new OptionsBuilder()
            .include(KernelBench.class.getName() + ".run$")
            .param("spec", specs.toArray(String[]::new))
            .param("lo", Double.toString(config.lo()))
            .param("hi", Double.toString(config.hi()))
            // The SIMD backend's kernels (simd: specs) need the Vector API in the forks.
            .jvmArgsAppend(
                "--add-modules",
                "jdk.incubator.vector",
                SimdCompiler.QUIET_COMPILE_COMMANDS,
                SimdCompiler.FAST_JIT_OPTION)
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT);
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
    Collection<RunResult> results = new Runner(ob.build()).run();
    Map<String, Timing> bySpec = new LinkedHashMap<>();
    for (RunResult r : results) {
      String spec = r.getParams().getParam("spec");
      bySpec.put(
          spec,
          new Timing(spec, r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()));
    }
    List<Timing> ordered = new ArrayList<>();
    for (String s : specs) {
      Timing t = bySpec.get(s);
      if (t != null) {
        ordered.add(t);
      }
    }
    return ordered;
  }
}
