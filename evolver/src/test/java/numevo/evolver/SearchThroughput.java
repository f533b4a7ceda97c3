package numevo.evolver;

import java.util.Locale;
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

/**
 * Measures search throughput on the exp2 target (float32 2^x on [0, 1), 1,024 training points):
 * full scorings per second, and where the islands' time goes. Not a test. Arguments: threads
 * (default 2), seconds per run (default 30). Runs a warm-up, then a search with constant tuning off
 * and one with the default tuning. Run it from the repository root with the module classes and the
 * dependency jars on the class path.
 */
public final class SearchThroughput {
  private SearchThroughput() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Target t = Targets.resolve("exp2", TargetParams.none());
    TargetScorer scorer = TargetScorer.of(t, ScoreOptions.training(1024, 1));
    SearchConfig base =
        TargetSearches.config(t, scorer, 1, 20, StopConfig.generations(1))
            .withIslands(IslandConfig.of(threads, 10, 2, threads));
    run("warm-up", base.withStop(StopConfig.time(java.time.Duration.ofSeconds(10))), scorer);
    var stop = StopConfig.time(java.time.Duration.ofSeconds(seconds));
    run("no tuning", base.withTuning(TuningConfig.OFF).withStop(stop), scorer);
    run("tuning", base.withStop(stop), scorer);
  }

  private static void run(String label, SearchConfig c, TargetScorer scorer) {
    SearchResult r = Search.of(c, scorer).run();
    double s = r.timings().elapsed().toNanos() / 1e9;
    long tuning = r.history().stream().mapToLong(g -> g.get(Stat.TUNING_SCORINGS)).sum();
    long proposed = r.history().stream().mapToLong(g -> g.get(Stat.PROPOSED)).sum();
    System.out.printf(
        Locale.ROOT,
        "%-10s %d threads: %d generations, %,d scorings (%,d by tuning) in %.1f s = %,.0f/s;"
            + " %,.0f proposed/s; best error %.6g; %s%n",
        label,
        c.islands().threads(),
        r.generations(),
        r.evaluations(),
        tuning,
        s,
        r.evaluations() / s,
        proposed / s,
        r.bestError(),
        r.timings().shares());
  }
}
