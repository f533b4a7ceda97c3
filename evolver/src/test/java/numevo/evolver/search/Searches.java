package numevo.evolver.search;

import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.evolver.fitness.CandidateScorer;
import numevo.evolver.fitness.ErrorMetric;
import numevo.evolver.fitness.SampledScorer;
import numevo.evolver.genome.Genomes;
import numevo.evolver.hash.Bounds;
import numevo.evolver.hash.HashConfig;
import numevo.evolver.tune.TuningConfig;

/** Small searches for tests: fit x*x+1 on [-2, 2) and 2^x on [0, 1) in float32. */
final class Searches {
  private Searches() {}

  /** x*x+1 exactly as float32 computes it, max absolute error on 256 points. */
  static final CandidateScorer SQUARE_PLUS_ONE =
      SampledScorer.uniform(
          NumberFormat.FLOAT32, -2, 2, 256, x -> (float) x * (float) x + 1f, ErrorMetric.MAX_ABS);

  /** 2^x, max ULP error on 1,024 points of [0, 1). */
  static final CandidateScorer EXP2 =
      SampledScorer.uniform(
          NumberFormat.FLOAT32, 0, 1, 1024, x -> Math.pow(2, x), ErrorMetric.MAX_ULP);

  /** A small float32 arithmetic search: islands, threads, generations as given. */
  static SearchConfig config(long seed, int islands, int threads, long generations) {
    return SearchConfig.of(seed, Genomes.float32Arithmetic(), StopConfig.generations(generations))
        .withEngine(EngineConfig.DEFAULT.withPopulationSize(40))
        .withIslands(IslandConfig.of(islands, 3, 2, threads))
        .withHash(HashConfig.DEFAULT.withInputs(List.of(Bounds.of(-2, 2))))
        // Light tuning, to keep tests quick while still exercising it.
        .withTuning(TuningConfig.of(2, 1, 60, 8, 0.3, 30));
  }
}
