package numevo.runs.bench;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import numevo.dsl.program.Program;
import numevo.evolver.genome.Kernels;
import numevo.evolver.hash.ProgramHasher;
import numevo.evolver.problem.TargetScorer;
import numevo.evolver.problem.TargetSearches;
import numevo.evolver.search.SearchConfig;
import numevo.evolver.search.StopConfig;
import numevo.hashing.Hash128;
import numevo.targets.Baseline;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the equivalence cache saves: the time to hash a candidate against the time of the full score
 * a cache hit avoids, on the search's own paths, one thread, in microseconds per candidate.
 *
 * <ul>
 *   <li>{@code exp2*}: the float32 {@code exp2} target, candidate its shipped degree-6 Horner
 *       baseline {@code horner6} (12 instructions, mul and add). Score: the search's training score
 *       ({@link TargetScorer#error} on {@value ScoreOptions#DEFAULT_TRAINING_POINTS} points drawn
 *       with seed 1, max ULP error against the exact reference); hash: {@link ProgramHasher} with
 *       the ranges and probes a default {@code numevo search exp2} uses (128 probes).
 *   <li>{@code lmul*}: the FP8 {@code lmul-e4m3} target, candidate its shipped {@code lmul}
 *       baseline (19 instructions on e4m3fn codes). Score: the exhaustive score over all 65,536
 *       code pairs ({@code lmulScore}), and the score on the stratified 8,192-pair subset a default
 *       search trains on ({@code lmulTrainingScore}); hash: as above, probes over codes 0..255.
 * </ul>
 *
 * Both scores run as {@code CachedEvaluator} runs them: dead code stripped, then {@link
 * TargetScorer#error}. Scorers and references are built once, in setup, as a search builds them
 * once per thread.
 *
 * <p>Run: {@code ./numevo jmh HashBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
@Threads(1)
public class HashBenchmark {

  /** One target's candidate, with the search's hasher and training scorer for it. */
  record Case(Program kernel, ProgramHasher hasher, TargetScorer scorer) {

    static Case of(String targetName, String baseline, int points) {
      Target t = Targets.resolve(targetName, TargetParams.of(Map.of()));
      TargetScorer scorer = TargetScorer.of(t, ScoreOptions.training(points, 1));
      SearchConfig config = TargetSearches.config(t, scorer, 1, 20, StopConfig.generations(1));
      ProgramHasher hasher = ProgramHasher.of(config.genome(), config.hash());
      Program kernel =
          t.baselines().stream()
              .filter(b -> b.name().equals(baseline))
              .map(Baseline::program)
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no baseline " + baseline));
      Case c = new Case(kernel, hasher, scorer);
      if (c.hash().isEmpty() || !(c.score() < Double.POSITIVE_INFINITY)) {
        throw new IllegalStateException(targetName + " " + baseline + ": no hash or no score");
      }
      return c;
    }

    Optional<Hash128> hash() {
      return hasher.hash(kernel);
    }

    double score() {
      return scorer.error(Kernels.stripDead(kernel));
    }
  }

  Case exp2;
  Case lmul;
  Case lmulTraining;

  @Setup
  public void setup() {
    exp2 = Case.of("exp2", "horner6", ScoreOptions.DEFAULT_TRAINING_POINTS);
    lmul = Case.of("lmul-e4m3", "lmul", 1 << 16);
    lmulTraining = Case.of("lmul-e4m3", "lmul", 8192);
  }

  /** The score a default lmul search trains on: a stratified subset of 8,192 of the pairs. */
  @Benchmark
  public double lmulTrainingScore() {
    return lmulTraining.score();
  }

  @Benchmark
  public Optional<Hash128> exp2Hash() {
    return exp2.hash();
  }

  @Benchmark
  public double exp2Score() {
    return exp2.score();
  }

  @Benchmark
  public Optional<Hash128> lmulHash() {
    return lmul.hash();
  }

  @Benchmark
  public double lmulScore() {
    return lmul.score();
  }
}
