package numevo.runs.exec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.rank.FrontRanker;
import numevo.evolver.rank.RankResult;
import numevo.evolver.rank.Ranked;
import numevo.evolver.search.GenerationStats;
import numevo.evolver.search.Search;
import numevo.evolver.search.SearchListener;
import numevo.evolver.search.SearchResult;
import numevo.evolver.search.SearchState;
import numevo.runs.store.GenerationRow;
import numevo.runs.store.RunDb;
import numevo.runs.store.RunSpec;

/**
 * Re-executes a stored run from its spec alone and compares every generation the store holds
 * (statistics and each island's population digest) and the stored front with what it computes.
 */
public final class Replayer {
  private Replayer() {}

  /**
   * Replays up to {@code toGeneration} (or the last stored generation) on {@code threads}. A run
   * ranked by its spec's policy and replayed to its last generation is ranked again and its ranked
   * front compared too.
   *
   * @return 0 if identical, 1 naming the first difference
   */
  public static int replay(
      RunSpec spec,
      List<GenerationRow> stored,
      List<RunDb.FrontRow> storedFront,
      List<RunDb.RankedRow> storedRanked,
      long frontGeneration,
      long toGeneration,
      int threads,
      PrintWriter w) {
    long last = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).generation();
    long to = toGeneration > 0 ? Math.min(toGeneration, last) : last;
    if (to == 0) {
      w.println("replay: the run has no stored generation yet; nothing to compare");
      w.flush();
      return 1;
    }
    // The recorded stops, except time: a replay runs exactly to the generation it checks.
    RunPlan plan = RunPlan.of(spec.withStop(to, spec.evaluations(), null), threads);
    String[] divergence = {null};
    List<List<FrontEntry>> frontAt = new java.util.ArrayList<>();
    long started = System.nanoTime();
    SearchResult r =
        Search.of(plan.config(), plan.scorer())
            .run(
                new SearchListener() {
                  @Override
                  public void generation(GenerationStats s) {
                    if (divergence[0] != null) {
                      return;
                    }
                    GenerationRow old = stored.get((int) s.generation() - 1);
                    String diff = old.difference(GenerationRow.of(s, 0));
                    if (diff != null) {
                      divergence[0] = "generation " + s.generation() + ": " + diff;
                    }
                  }

                  @Override
                  public void barrier(
                      long generation, String stopReason, Supplier<SearchState> state) {
                    if (generation == frontGeneration && state != null) {
                      frontAt.add(state.get().front());
                    }
                  }

                  @Override
                  public boolean stopRequested() {
                    return divergence[0] != null;
                  }
                });
    double seconds = (System.nanoTime() - started) / 1e9;
    if (divergence[0] != null) {
      w.println("replay diverged at " + divergence[0]);
      w.flush();
      return 1;
    }
    if (r.generation() < to) {
      w.println(
          "replay diverged: it stopped at generation "
              + r.generation()
              + " ("
              + r.stopReason()
              + "), the run went on to "
              + to);
      w.flush();
      return 1;
    }
    String frontNote;
    List<FrontEntry> front =
        frontGeneration == r.generation() ? r.front() : frontAt.isEmpty() ? null : frontAt.get(0);
    if (front == null || frontGeneration > to) {
      frontNote = "front not compared (stored for generation " + frontGeneration + ")";
    } else {
      String diff = frontDifference(front, storedFront);
      if (diff != null) {
        w.println("replay diverged: the front after generation " + frontGeneration + " " + diff);
        w.flush();
        return 1;
      }
      frontNote =
          "front after generation "
              + frontGeneration
              + " identical ("
              + storedFront.size()
              + (storedFront.size() == 1 ? " kernel)" : " kernels)");
    }
    if (spec.rank() != null
        && !storedRanked.isEmpty()
        && front == r.front()
        && frontGeneration == r.generation()) {
      RankResult ranked =
          FrontRanker.rank(
              plan.target(),
              plan.scorer().options(),
              r.front(),
              spec.rank(),
              spec.seed(),
              threads,
              line -> {});
      String diff = rankedDifference(ranked, storedRanked);
      if (diff != null) {
        w.println("replay diverged: the ranked front " + diff);
        w.flush();
        return 1;
      }
      frontNote += "; ranked front identical (" + storedRanked.size() + " kernels)";
    }
    w.println(
        String.format(
            Locale.ROOT,
            "replay identical: generations 1-%d (statistics and population digests), %s; %.1f s"
                + " on %d %s",
            to,
            frontNote,
            seconds,
            threads,
            threads == 1 ? "thread" : "threads"));
    w.flush();
    return 0;
  }

  private static String rankedDifference(RankResult ranked, List<RunDb.RankedRow> stored) {
    if (ranked == null) {
      return "was not ranked again (the target is not ranked)";
    }
    if (ranked.front().size() != stored.size()) {
      return "has " + ranked.front().size() + " kernels, the stored one " + stored.size();
    }
    for (int i = 0; i < stored.size(); i++) {
      Ranked k = ranked.front().get(i);
      RunDb.RankedRow s = stored.get(i);
      if (k.error() != s.error()
          || k.entry().fitness().cost() != s.cost()
          || !numevo.dsl.text.Printer.print(k.entry().program()).equals(s.kernel())) {
        return "differs at kernel " + i + ": error " + k.error() + " vs " + s.error();
      }
    }
    return null;
  }

  private static String frontDifference(List<FrontEntry> front, List<RunDb.FrontRow> stored) {
    if (front.size() != stored.size()) {
      return "has " + front.size() + " kernels, the stored one " + stored.size();
    }
    for (int i = 0; i < front.size(); i++) {
      FrontEntry e = front.get(i);
      RunDb.FrontRow s = stored.get(i);
      if (e.fitness().cost() != s.cost()
          || e.fitness().error() != s.error()
          || !RunDb.text(e.program()).equals(s.kernel())) {
        return "differs at kernel "
            + i
            + ": cost "
            + e.fitness().cost()
            + ", error "
            + e.fitness().error()
            + " vs cost "
            + s.cost()
            + ", error "
            + s.error();
      }
    }
    return null;
  }
}
