package numevo.evolver.search;

import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import numevo.evolver.fitness.Ranking;
import numevo.evolver.genome.ProgramCodec;
import numevo.evolver.genome.ProgramGene;
import numevo.hashing.cache.CacheStats;

/**
 * Islands run by an {@link IslandRunner} as {@link IslandTask}s. The islands stay with the workers
 * that ran them; this process keeps, per island, what planning migrations and rebuilding an island
 * elsewhere need, and no more:
 *
 * <ul>
 *   <li>a base: the island's whole state at the last barrier where one was taken ({@link #states},
 *       asked for when the search's listener takes a state, e.g. a checkpoint), or none (generation
 *       0, the seed);
 *   <li>the migrants the island received at each barrier since its base, and those it is to receive
 *       next: with the base, how any worker rebuilds the island at its current generation ({@link
 *       IslandTask.Rebuild}) when the worker that held it is gone;
 *   <li>where a migration is due, each individual's birth and fitness ({@link
 *       IslandResult.Standing}), which is all the migration's selection reads: it is planned here
 *       on stand-ins with those fitnesses ({@link Search#plan}, the same generator and draws), and
 *       the selected individuals are fetched from their workers.
 * </ul>
 *
 * So a barrier costs the migrants and the records of the generations, and a taken state the
 * islands' states; a worker's death costs the generations since the last base, run again.
 */
final class TaskIslands<C extends Comparable<? super C>> implements IslandGroup {
  private final Search search;
  private final Ranking<C> ranking;
  private final ProgramCodec codec;
  private final IslandRunner runner;
  private final int n;
  private final long[] baseGeneration;
  private final List<SearchState.IslandState> base = new ArrayList<>();
  private final List<List<IslandTask.Rebuild.Arrival>> history = new ArrayList<>();
  private final List<List<IslandTask.Migrant>> arriving = new ArrayList<>();
  private final List<List<IslandResult.Standing>> standings = new ArrayList<>();
  private final List<CacheStats> caches = new ArrayList<>();
  private long generation;

  TaskIslands(
      Search search,
      Ranking<C> ranking,
      ProgramCodec codec,
      IslandRunner runner,
      SearchState resumed) {
    this.search = search;
    this.ranking = ranking;
    this.codec = codec;
    this.runner = runner;
    this.n = search.config().islands().islands();
    this.baseGeneration = new long[n];
    generation = resumed == null ? 0 : resumed.generation();
    for (int i = 0; i < n; i++) {
      SearchState.IslandState s = resumed == null ? null : resumed.islands().get(i);
      base.add(s);
      baseGeneration[i] = generation;
      history.add(new ArrayList<>());
      arriving.add(List.of());
      standings.add(null);
      caches.add(
          s == null ? new CacheStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) : s.cache().counters());
    }
  }

  private IslandTask.Rebuild rebuild(int i) {
    return IslandTask.Rebuild.of(baseGeneration[i], base.get(i), history.get(i));
  }

  @Override
  public List<List<Island.Step>> runBatch(int batch, long deadline, boolean hasDeadline) {
    List<IslandTask> tasks = new ArrayList<>(n);
    long remaining = hasDeadline ? Math.max(0, deadline - search.clock().getAsLong()) : -1;
    long seed = search.config().seed();
    for (int i = 0; i < n; i++) {
      tasks.add(IslandTask.of(seed, i, generation, rebuild(i), arriving.get(i), batch, remaining));
      if (!arriving.get(i).isEmpty()) {
        history.get(i).add(new IslandTask.Rebuild.Arrival(generation, arriving.get(i)));
      }
      arriving.set(i, List.of());
    }
    List<IslandResult> results = run(tasks);
    List<List<Island.Step>> steps = new ArrayList<>(n);
    int most = 0;
    for (IslandResult r : results) {
      steps.add(r.steps());
      most = Math.max(most, r.steps().size());
    }
    List<IslandTask> catchUp = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int missing = most - steps.get(i).size();
      if (missing > 0) {
        catchUp.add(
            IslandTask.of(
                seed, i, generation + steps.get(i).size(), rebuild(i), List.of(), missing, -1));
      }
    }
    if (!catchUp.isEmpty()) {
      List<IslandResult> more = run(catchUp);
      for (int j = 0; j < catchUp.size(); j++) {
        int i = catchUp.get(j).island();
        List<Island.Step> st = new ArrayList<>(steps.get(i));
        st.addAll(more.get(j).steps());
        steps.set(i, st);
      }
    }
    for (int i = 0; i < n; i++) {
      List<Island.Step> st = steps.get(i);
      caches.set(i, st.get(st.size() - 1).cache());
    }
    generation += most;
    return steps;
  }

  /** Runs the tasks; keeps each island's standings; returns each task's result. */
  private List<IslandResult> run(List<IslandTask> tasks) {
    List<byte[]> bytes = runner.runAll(tasks);
    if (bytes.size() != tasks.size()) {
      throw new IllegalStateException(
          "the island runner returned " + bytes.size() + " results for " + tasks.size());
    }
    List<IslandResult> results = new ArrayList<>(tasks.size());
    for (int j = 0; j < tasks.size(); j++) {
      IslandTask task = tasks.get(j);
      IslandResult r = IslandResult.read(bytes.get(j));
      if (r.island() != task.island()
          || r.steps().size() > task.max()
          || (task.max() > 0 && r.steps().isEmpty())
          || r.emigrants().size() != task.emigrants().size()
          || (task.wantState() && r.state() == null)) {
        throw new IllegalStateException(
            "the island runner returned a result for another task (island "
                + r.island()
                + ", "
                + r.steps().size()
                + " generations) than island "
                + task.island()
                + "'s");
      }
      if (task.max() > 0) {
        standings.set(task.island(), r.standings());
      }
      results.add(r);
    }
    return results;
  }

  @Override
  public void migrate(long gen) {
    // Stand-ins: an individual's birth and fitness, one shared genotype (selection reads only the
    // fitness, and returns the population's own elements, which identify the individuals).
    Genotype<ProgramGene> standIn =
        RandomRegistry.with(new SplittableRandom(0), r -> codec.encoding().newInstance());
    List<ISeq<Phenotype<ProgramGene, C>>> pops = new ArrayList<>(n);
    List<Boolean> whole = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (base.get(i) != null && baseGeneration[i] == generation) {
        pops.add(Search.population(base.get(i), ranking, codec));
        whole.add(true);
      } else {
        List<IslandResult.Standing> st = standings.get(i);
        if (st == null) {
          throw new IllegalStateException(
              "island " + i + " sent no standings for generation " + gen);
        }
        List<Phenotype<ProgramGene, C>> pop = new ArrayList<>(st.size());
        for (IslandResult.Standing s : st) {
          pop.add(Phenotype.of(standIn, s.birth(), ranking.rank(s.fitness())));
        }
        pops.add(ISeq.of(pop));
        whole.add(false);
      }
    }
    List<Search.Arrival<C>> plan = search.plan(pops, ranking, gen);
    // Island i's emigrants go to island i + 1: fetch those known only as stand-ins.
    List<IslandTask> fetch = new ArrayList<>();
    List<List<SearchState.Individual>> sent = new ArrayList<>(n);
    long seed = search.config().seed();
    for (int from = 0; from < n; from++) {
      Search.Arrival<C> a = plan.get((from + 1) % n);
      if (whole.get(from)) {
        List<SearchState.Individual> ind = new ArrayList<>();
        for (Phenotype<ProgramGene, C> p : a.migrants()) {
          ind.add(Search.individual(p, ranking));
        }
        sent.add(ind);
      } else {
        Map<Phenotype<ProgramGene, C>, Integer> index = new IdentityHashMap<>();
        ISeq<Phenotype<ProgramGene, C>> pop = pops.get(from);
        for (int k = 0; k < pop.size(); k++) {
          index.put(pop.get(k), k);
        }
        List<Integer> which = new ArrayList<>();
        for (Phenotype<ProgramGene, C> p : a.migrants()) {
          Integer k = index.get(p);
          if (k == null) {
            throw new IllegalStateException("migration selected an individual of no population");
          }
          which.add(k);
        }
        fetch.add(
            new IslandTask(seed, from, generation, rebuild(from), List.of(), 0, -1, false, which));
        sent.add(null);
      }
    }
    if (!fetch.isEmpty()) {
      List<IslandResult> got = run(fetch);
      for (int j = 0; j < fetch.size(); j++) {
        sent.set(fetch.get(j).island(), got.get(j).emigrants());
      }
    }
    for (int to = 0; to < n; to++) {
      Search.Arrival<C> a = plan.get(to);
      List<SearchState.Individual> ind = sent.get((to - 1 + n) % n);
      List<IslandTask.Migrant> ms = new ArrayList<>(a.slots().length);
      for (int j = 0; j < a.slots().length; j++) {
        ms.add(new IslandTask.Migrant(a.slots()[j], ind.get(j)));
      }
      arriving.set(to, ms);
    }
  }

  @Override
  public boolean migratesAtOnce() {
    return false;
  }

  /**
   * The islands' states, fetched from their workers (those not already known at this generation),
   * which become the islands' bases: a worker that dies after this costs no generation before it.
   */
  @Override
  public List<SearchState.IslandState> states() {
    List<IslandTask> fetch = new ArrayList<>();
    long seed = search.config().seed();
    for (int i = 0; i < n; i++) {
      if (baseGeneration[i] != generation || base.get(i) == null) {
        fetch.add(
            new IslandTask(seed, i, generation, rebuild(i), List.of(), 0, -1, true, List.of()));
      }
    }
    if (!fetch.isEmpty()) {
      List<IslandResult> got = run(fetch);
      for (int j = 0; j < fetch.size(); j++) {
        int i = fetch.get(j).island();
        base.set(i, got.get(j).state());
        baseGeneration[i] = generation;
        history.get(i).clear();
      }
    }
    return new ArrayList<>(base);
  }

  @Override
  public List<CacheStats> cacheStats() {
    return List.copyOf(caches);
  }
}
