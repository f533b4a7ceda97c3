package numevo.runs.bench;

import java.util.concurrent.TimeUnit;
import numevo.evolver.problem.TargetScorer;
import numevo.evolver.problem.TargetSearches;
import numevo.evolver.search.IslandConfig;
import numevo.evolver.search.Search;
import numevo.evolver.search.SearchConfig;
import numevo.evolver.search.SearchResult;
import numevo.evolver.search.Stat;
import numevo.evolver.search.StopConfig;
import numevo.evolver.tune.TuningConfig;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Search throughput on exp2 (1,024 training points, from scratch) as a fixed amount of work: one
 * operation is a whole search of {@link #GENERATIONS} generations, 2 islands of 100 on one thread,
 * seed 1, so every operation does the same scorings (the search is deterministic) and time and
 * allocation per operation compare across versions of the code. The auxiliary counters turn the
 * rate of operations into the rates issue 6 asks for: {@code scorings} (full scorings, by the
 * search and by constant tuning) and {@code proposed} (candidates the evaluator received) per
 * second. With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per search, a
 * count that does not depend on machine load.
 *
 * <p>Run: {@code ./numevo jmh SearchBenchmark -prof gc}. One thread on purpose: on a shared machine
 * a single-threaded figure is the steadier one; the 2-thread figure is {@code numevo search}'s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1)
@Threads(1)
public class SearchBenchmark {
  /** Generations per search (one operation). */
  public static final int GENERATIONS = 40;

  /** Constant tuning on (the default) or off. */
  @Param({"on", "off"})
  public String tuning;

  SearchConfig config;
  TargetScorer scorer;

  /** Per-operation counts of the last search, added up by JMH as rates. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counts {
    /** Full scorings (search and constant tuning). */
    public long scorings;

    /** Candidates the evaluator received. */
    public long proposed;

    @Setup(Level.Iteration)
    public void clear() {
      scorings = 0;
      proposed = 0;
    }
  }

  @Setup
  public void setup() {
    Target t = Targets.resolve("exp2", TargetParams.none());
    scorer = TargetScorer.of(t, ScoreOptions.training(1024, 1));
    config =
        TargetSearches.config(t, scorer, 1, 20, StopConfig.generations(GENERATIONS))
            .withIslands(IslandConfig.of(2, 10, 2, 1))
            .withTuning(tuning.equals("on") ? TuningConfig.DEFAULT : TuningConfig.OFF);
  }

  @Benchmark
  public SearchResult search(Counts counts) {
    SearchResult r = Search.of(config, scorer).run();
    counts.scorings += r.evaluations();
    counts.proposed += r.total(g -> g.get(Stat.PROPOSED));
    return r;
  }
}
