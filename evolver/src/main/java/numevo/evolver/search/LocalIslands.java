package numevo.evolver.search;

import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import java.util.ArrayList;
import java.util.List;
import numevo.evolver.fitness.Ranking;
import numevo.evolver.genome.ProgramGene;
import numevo.hashing.cache.CacheStats;

/** Islands in this process, kept between barriers: what a search without runner does. */
final class LocalIslands<C extends Comparable<? super C>> implements IslandGroup {
  private final Search search;
  private final Ranking<C> ranking;
  private final Search.Parts parts;
  private final List<Island<C>> islands = new ArrayList<>();

  LocalIslands(Search search, Ranking<C> ranking, Search.Parts shared, SearchState resumed) {
    this.search = search;
    this.ranking = ranking;
    this.parts = search.complete(shared);
    for (int i = 0; i < search.config().islands().islands(); i++) {
      islands.add(
          search.island(
              i,
              ranking,
              parts,
              resumed == null ? null : resumed.islands().get(i),
              resumed == null ? 0 : resumed.generation()));
    }
  }

  @Override
  public List<List<Island.Step>> runBatch(int batch, long deadline, boolean hasDeadline) {
    List<List<Island.Step>> steps = new ArrayList<>();
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < islands.size(); i++) {
      steps.add(null);
      int index = i;
      tasks.add(
          () ->
              steps.set(
                  index, islands.get(index).run(batch, deadline, hasDeadline, search.clock())));
    }
    parts.workers().runAll(tasks);
    int most = 0;
    for (List<Island.Step> st : steps) {
      most = Math.max(most, st.size());
    }
    List<Runnable> catchUp = new ArrayList<>();
    for (int i = 0; i < islands.size(); i++) {
      List<Island.Step> st = new ArrayList<>(steps.get(i));
      steps.set(i, st);
      int missing = most - st.size();
      if (missing > 0) {
        Island<C> is = islands.get(i);
        catchUp.add(() -> st.addAll(is.run(missing, 0, false)));
      }
    }
    if (!catchUp.isEmpty()) {
      parts.workers().runAll(catchUp);
    }
    return steps;
  }

  @Override
  public void migrate(long gen) {
    List<ISeq<Phenotype<ProgramGene, C>>> pops = new ArrayList<>();
    for (Island<C> is : islands) {
      pops.add(is.population());
    }
    List<Search.Arrival<C>> arrivals = search.plan(pops, ranking, gen);
    for (int i = 0; i < islands.size(); i++) {
      Search.receive(islands.get(i), arrivals.get(i), ranking, parts.hasher());
    }
  }

  @Override
  public boolean migratesAtOnce() {
    return true;
  }

  @Override
  public List<SearchState.IslandState> states() {
    List<SearchState.IslandState> states = new ArrayList<>();
    for (Island<C> is : islands) {
      states.add(Search.islandState(is, ranking));
    }
    return states;
  }

  @Override
  public List<CacheStats> cacheStats() {
    List<CacheStats> caches = new ArrayList<>();
    for (Island<C> is : islands) {
      caches.add(is.evaluator().cache().stats());
    }
    return caches;
  }
}
