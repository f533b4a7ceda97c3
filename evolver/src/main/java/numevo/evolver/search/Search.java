package numevo.evolver.search;

import io.jenetics.Phenotype;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import numevo.dsl.program.Program;
import numevo.evolver.alter.MutationCounters;
import numevo.evolver.alter.ProgramCrossover;
import numevo.evolver.alter.ProgramMutator;
import numevo.evolver.concurrent.Workers;
import numevo.evolver.fitness.CandidateScorer;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.fitness.KernelFront;
import numevo.evolver.fitness.Ranking;
import numevo.evolver.genome.Crossovers;
import numevo.evolver.genome.Fragments;
import numevo.evolver.genome.Mutations;
import numevo.evolver.genome.ProgramCodec;
import numevo.evolver.genome.ProgramGene;
import numevo.evolver.hash.ProgramHasher;
import numevo.evolver.tune.ConstantTuner;
import numevo.evolver.tune.TuningConfig;
import numevo.hashing.cache.CacheStats;
import numevo.hashing.cache.EquivalenceCache;

/**
 * Runs a search: islands of Jenetics engines, with the results of islands stepped in lockstep, one
 * generation at a time.
 *
 * <p>Determinism: the same {@link SearchConfig} and scorer give the same front and the same {@link
 * GenerationStats} for any number of threads. Each island has its own evaluator and equivalence
 * cache, and a generator per generation derived from the seed, the island and the generation
 * ({@link RandomStreams}), and runs its engine on one thread; within an island only pure work
 * (hashing, scoring) is parallel, into per-candidate slots, while every cache access and every
 * random draw happens sequentially in population order. Islands share nothing between migrations,
 * so they run several generations on their own (up to the next migration, at most {@value
 * #MAX_BATCH}) and meet at a barrier only then: a barrier after every generation would leave a
 * thread idle whenever one island's generation takes longer than another's. At the barrier the
 * generations are replayed in order: each one's front entries are merged into the run's front in
 * island order, its statistics recorded and the stop conditions checked, exactly as in lockstep;
 * generations some island ran past the stop are dropped. Migrants move (ring topology, chosen with
 * the migration's generator of that generation) only at barriers. When a time limit passes, the
 * islands that stopped early run on to the generation the furthest one reached, so that every
 * barrier, the last included, is one where all islands are at the same generation.
 *
 * <p>Saved state: at every barrier the {@link SearchListener} may take the {@link SearchState};
 * {@link #resume} continues from it exactly as the uninterrupted search would.
 *
 * <p>Caches are per island: a cache shared by concurrently running islands would see lookups and
 * insertions in an order that depends on timing (which program's error is stored first, which entry
 * is evicted), and so would the results. What islands may share is {@link SharedScores}, consulted
 * only where an island scores, by exact code, so that a hit returns what scoring would ({@link
 * #withSharedScores}).
 */
public final class Search {
  /** The most generations islands run between two barriers. */
  private static final int MAX_BATCH = 16;

  private final SearchConfig config;
  private final CandidateScorer scorer;
  private final IslandRunner runner;
  private final SharedScores shared;
  private final LongSupplier clock;

  private Search(
      SearchConfig config,
      CandidateScorer scorer,
      IslandRunner runner,
      SharedScores shared,
      LongSupplier clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.runner = runner;
    this.shared = shared;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * This search with another clock for its time limit (a {@link System#nanoTime()}-like reading):
   * the start, the deadline, the sizing of batches and the islands' deadline checks read it, so a
   * test can drive the time limit deterministically. The timings of phases still read the real
   * clock.
   */
  Search withClock(LongSupplier clock) {
    return new Search(config, scorer, runner, shared, clock);
  }

  /** The clock the time limit reads. */
  LongSupplier clock() {
    return clock;
  }

  /** The search's configuration. */
  SearchConfig config() {
    return config;
  }

  /**
   * A search whose islands live in this process (the default).
   *
   * @param config the search's manifest
   * @param scorer the target's error measure; thread-safe and deterministic
   */
  public static Search of(SearchConfig config, CandidateScorer scorer) {
    return new Search(config, scorer, null, null, System::nanoTime);
  }

  /**
   * This search with its islands run by {@code runner} between barriers, as {@link IslandTask}s
   * from their states at the last barrier (for example on the members of a cluster). The results
   * are those of {@link #of}: the same front and the same statistics, generation for generation
   * (only the barrier states differ in form: a state taken where a migration is due holds the
   * populations before it, with the migration pending, see {@link SearchState#migrationPending}).
   *
   * @param runner runs the tasks; never null
   */
  public Search withRunner(IslandRunner runner) {
    return new Search(config, scorer, Objects.requireNonNull(runner, "runner"), shared, clock);
  }

  /**
   * This search with its islands (those in this process, or those an {@link IslandWorker} of it
   * runs) scoring through {@code shared} where they score: errors one island computed spare the
   * others the scoring. The results are those of the search without it ({@link SharedScores} says
   * why); only the time changes.
   *
   * @param shared the shared scores; never null
   */
  public Search withSharedScores(SharedScores shared) {
    return new Search(config, scorer, runner, Objects.requireNonNull(shared, "shared"), clock);
  }

  /** The stop reason of a search stopped by its time limit. */
  public static final String TIME = "time";

  /** The stop reason of a search stopped by {@link SearchListener#stopRequested()}. */
  public static final String INTERRUPTED = "interrupted";

  /** Runs the search to its stop. */
  public SearchResult run() {
    return run(new SearchListener() {});
  }

  /**
   * Runs the search to its stop, reporting each generation.
   *
   * @param progress called after each generation on the calling thread
   */
  public SearchResult run(Consumer<GenerationStats> progress) {
    return run(progress, e -> {});
  }

  /**
   * Runs the search to its stop, reporting each generation and each kernel as it enters the run's
   * Pareto front (also those a later kernel pushes out again), in a deterministic order.
   *
   * @param progress called after each generation on the calling thread
   * @param entered called on the calling thread for each kernel the run's front accepts, before
   *     {@code progress} for its generation
   */
  public SearchResult run(Consumer<GenerationStats> progress, Consumer<FrontEntry> entered) {
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(entered, "entered");
    return run(
        new SearchListener() {
          @Override
          public void entered(FrontEntry e) {
            entered.accept(e);
          }

          @Override
          public void generation(GenerationStats stats) {
            progress.accept(stats);
          }
        });
  }

  /**
   * Runs the search from its first generation to its stop, telling {@code listener} what happens.
   *
   * @param listener told of front entries, generations and barriers; never null
   */
  public SearchResult run(SearchListener listener) {
    return run(config.objective().ranking(), Objects.requireNonNull(listener, "listener"), null);
  }

  /**
   * Continues a search from a state it reached at a barrier, to this search's stop: the front, the
   * statistics and every later state are those of the uninterrupted search of the same
   * configuration (the stop may differ: a resumed search may run longer). The time limit counts
   * from this call; generation and evaluation limits count from the search's start.
   *
   * @param state a state this search's configuration reached ({@link SearchListener#barrier})
   * @param listener told of front entries, generations and barriers after the state; never null
   * @throws IllegalArgumentException if the state does not fit the configuration (another island
   *     count, or caches larger than its bounds)
   */
  public SearchResult resume(SearchState state, SearchListener listener) {
    Objects.requireNonNull(state, "state");
    if (state.islands().size() != config.islands().islands()) {
      throw new IllegalArgumentException(
          "the state has "
              + state.islands().size()
              + " islands, the configuration "
              + config.islands().islands());
    }
    return run(config.objective().ranking(), Objects.requireNonNull(listener, "listener"), state);
  }

  private <C extends Comparable<? super C>> SearchResult run(
      Ranking<C> ranking, SearchListener listener, SearchState resumed) {
    long started = clock.getAsLong();
    IslandConfig ic = config.islands();
    // With a runner, islands run elsewhere: this process only replays their generations.
    try (Workers workers = Workers.of(runner == null ? ic.threads() : 1)) {
      ProgramHasher hasher = ProgramHasher.of(config.genome(), config.hash());
      ProgramCodec codec = ProgramCodec.of(config.genome());
      IslandGroup islands =
          runner == null
              ? new LocalIslands<>(
                  this, ranking, new Parts(workers, hasher, codec, shared), resumed)
              : new TaskIslands<>(this, ranking, codec, runner, resumed);
      KernelFront front = KernelFront.of();
      long evaluations = 0;
      long gen = 0; // generations replayed
      Timings before = Timings.ZERO;
      if (resumed != null) {
        resumed.front().forEach(front::offer);
        evaluations = resumed.evaluations();
        gen = resumed.generation();
        before = resumed.timings();
      }
      List<GenerationStats> history = new ArrayList<>();
      // The time per generation (all islands): the larger of the last batch's and the run's.
      long perGeneration = 0;
      long runGenerations = 0;
      long[] nanos = new long[6];
      StopConfig stop = config.stop();
      boolean hasDeadline = !stop.time().isZero();
      long deadline = started + (hasDeadline ? stop.time().toNanos() : 0);
      List<CacheStats> caches = new ArrayList<>(islands.cacheStats());
      String reason = stopReason(gen, evaluations, front, started, false);
      if (reason == null && resumed != null && resumed.migrationPending()) {
        islands.migrate(gen);
      }
      while (reason == null) {
        // Islands run on their own up to the next barrier: a migration, or a bounded batch (so
        // that the other stops are checked often and little work past them is discarded).
        long interval = ic.migrationInterval();
        int batch = (int) Math.min(MAX_BATCH, interval - gen % interval);
        if (stop.generations() > 0) {
          batch = (int) Math.min(batch, stop.generations() - gen);
        }
        if (hasDeadline && perGeneration > 0) {
          // Only as many generations as fit before the deadline at the pace so far, less one as a
          // margin for a slower generation (at least one: the end of the last batch found that two
          // fit).
          long fit = (deadline - clock.getAsLong()) / perGeneration - 1;
          batch = (int) Math.max(1, Math.min(batch, fit));
        }
        long batchStarted = clock.getAsLong();
        List<List<Island.Step>> steps = islands.runBatch(batch, deadline, hasDeadline);
        int done = steps.get(0).size();
        for (List<Island.Step> st : steps) {
          for (Island.Step step : st) {
            Tally t = step.tally();
            // All the work done counts as time, also past a stop.
            nanos[0] += t.stepNanos;
            nanos[1] += t.selectNanos;
            // The mutator hashes inside Jenetics' alteration phase: that time is hashing.
            nanos[2] += Math.max(0, t.alterNanos - step.mutatorHashNanos());
            nanos[3] += t.hashNanos + step.mutatorHashNanos();
            nanos[4] += t.scoreNanos;
            nanos[5] += t.tuneNanos;
          }
        }
        // Replay the generations in order, as if the islands had met after each: the front, the
        // statistics and the stop are those of a lockstep run. Generations past the stop (some
        // islands ran further) are dropped.
        int replayed = 0;
        for (int k = 0; k < done && reason == null; k++) {
          gen++;
          replayed++;
          for (List<Island.Step> st : steps) {
            for (FrontEntry e : st.get(k).entered()) {
              if (front.offer(e)) {
                listener.entered(e);
              }
            }
          }
          GenerationStats stats = stats(gen, steps, k, front);
          evaluations += stats.scorings();
          history.add(stats);
          listener.generation(stats);
          reason = stopReason(gen, evaluations, front, started, k == done - 1);
          if (reason != null || k == done - 1) {
            caches.clear();
            for (List<Island.Step> st : steps) {
              caches.add(st.get(k).cache());
            }
          }
        }
        if (reason == null && listener.stopRequested()) {
          reason = INTERRUPTED;
        }
        if (hasDeadline && replayed > 0) {
          long now = clock.getAsLong();
          runGenerations += replayed;
          perGeneration =
              Math.max(
                  1, Math.max((now - batchStarted) / replayed, (now - started) / runGenerations));
          if (reason == null && deadline - now < 2 * perGeneration) {
            // Another generation (with a margin of one) would end past the deadline: stop within
            // the time limit.
            reason = TIME;
          }
        }
        if (reason == null && migrationDue(gen)) {
          islands.migrate(gen);
        }
        if (replayed == done) {
          // Every island is at generation gen: the state can be taken.
          long g = gen;
          long ev = evaluations;
          boolean pending = migrationDue(gen) && (reason != null || !islands.migratesAtOnce());
          Timings t = before.plus(timings(started, nanos, clock));
          listener.barrier(
              gen,
              reason,
              () -> new SearchState(g, pending, ev, islands.states(), front.entries(), t));
        } else {
          // A stop inside the batch: some islands ran past it, so there is no state to take.
          listener.barrier(gen, reason, null);
        }
      }
      return new SearchResult(
          front.entries(),
          history,
          caches,
          evaluations,
          reason,
          before.plus(timings(started, nanos, clock)),
          gen);
    }
  }

  /** What builds islands, shared by all islands of a process (all thread-safe). */
  record Parts(
      Workers workers,
      ProgramHasher hasher,
      ProgramCodec codec,
      SharedScores shared,
      Mutations mutations,
      Crossovers crossovers) {
    Parts(Workers workers, ProgramHasher hasher, ProgramCodec codec, SharedScores shared) {
      this(workers, hasher, codec, shared, null, null);
    }
  }

  /** A population as saved, as phenotypes (as a resumed island has them). */
  static <C extends Comparable<? super C>> ISeq<Phenotype<ProgramGene, C>> population(
      SearchState.IslandState s, Ranking<C> ranking, ProgramCodec codec) {
    List<Phenotype<ProgramGene, C>> pop = new ArrayList<>();
    for (SearchState.Individual ind : s.population()) {
      pop.add(phenotype(ind, ranking, codec));
    }
    return ISeq.of(pop);
  }

  static <C extends Comparable<? super C>> Phenotype<ProgramGene, C> phenotype(
      SearchState.Individual ind, Ranking<C> ranking, ProgramCodec codec) {
    return Phenotype.of(codec.encode(ind.program()), ind.birth(), ranking.rank(ind.fitness()));
  }

  /** The parts with this search's mutations and crossovers. */
  Parts complete(Parts p) {
    return new Parts(
        p.workers(),
        p.hasher(),
        p.codec(),
        p.shared(),
        Mutations.of(
            config.genome(), config.mutation(), Fragments.of(config.genome(), config.seeds())),
        Crossovers.of(config.genome()));
  }

  /** Builds the parts an {@link IslandWorker} of this search shares between its tasks. */
  Parts parts(Workers workers) {
    return complete(
        new Parts(
            workers,
            ProgramHasher.of(config.genome(), config.hash()),
            ProgramCodec.of(config.genome()),
            shared));
  }

  /**
   * Runs one island task on a worker: the island taken from {@code held} if it is there at the
   * task's generation, else rebuilt (when the task carries how, else the answer is {@link
   * IslandResult#notHeld}); the emigrants asked for copied out; the migrants received; then up to
   * {@code task.max()} generations. The island is put back in {@code held} after.
   */
  byte[] runTask(IslandTask.Read read, Parts parts, Map<Integer, Island<?>> held) {
    return runTask(config.objective().ranking(), read, parts, held);
  }

  @SuppressWarnings("unchecked")
  private <C extends Comparable<? super C>> byte[] runTask(
      Ranking<C> ranking, IslandTask.Read read, Parts parts, Map<Integer, Island<?>> held) {
    IslandTask task = read.task();
    if (task.seed() != config.seed() || task.island() >= config.islands().islands()) {
      throw new IllegalArgumentException(
          "island task of seed "
              + task.seed()
              + " island "
              + task.island()
              + " does not fit this search (seed "
              + config.seed()
              + ", "
              + config.islands().islands()
              + " islands)");
    }
    // Taken out while it runs: a task that fails leaves no half-run island behind.
    Island<C> is = (Island<C>) held.remove(task.island());
    if (is == null || is.nextGeneration() != task.generation() + 1) {
      if (!read.rebuild() && task.generation() > 0) {
        // (At generation 0 any worker creates the island from the seed.)
        return IslandResult.notHeld(task.island());
      }
      is = rebuild(task, ranking, parts);
    }
    List<SearchState.Individual> emigrants = new ArrayList<>(task.emigrants().size());
    for (int e : task.emigrants()) {
      emigrants.add(individual(is.population().get(e), ranking));
    }
    if (!task.migrants().isEmpty()) {
      receive(is, arrival(task.migrants(), ranking, parts.codec()), ranking, parts.hasher());
    }
    List<Island.Step> steps = List.of();
    if (task.max() > 0) {
      long remaining = task.remainingNanos();
      steps = is.run(task.max(), System.nanoTime() + Math.max(0, remaining), remaining >= 0);
    }
    List<IslandResult.Standing> standings = null;
    if (migrationDue(is.nextGeneration() - 1)) {
      standings = new ArrayList<>();
      for (Phenotype<ProgramGene, C> p : is.population()) {
        standings.add(new IslandResult.Standing(p.generation(), ranking.fitness(p.fitness())));
      }
    }
    byte[] out =
        new IslandResult(
                task.island(),
                steps,
                standings,
                emigrants,
                task.wantState() ? islandState(is, ranking) : null)
            .write();
    held.put(task.island(), is);
    return out;
  }

  /**
   * An island brought to a task's generation from the task's rebuild: its saved state (or the
   * seed), then the generations since, each barrier's migrants received as they were the first
   * time.
   */
  private <C extends Comparable<? super C>> Island<C> rebuild(
      IslandTask task, Ranking<C> ranking, Parts parts) {
    IslandTask.Rebuild rb = task.rebuild();
    Island<C> is = island(task.island(), ranking, parts, rb.state(), rb.generation());
    long at = rb.generation();
    for (IslandTask.Rebuild.Arrival a : rb.arrivals()) {
      runTo(is, at, a.generation());
      at = a.generation();
      receive(is, arrival(a.migrants(), ranking, parts.codec()), ranking, parts.hasher());
    }
    runTo(is, at, task.generation());
    return is;
  }

  /** Runs an island at generation {@code from} to generation {@code to}, with no deadline. */
  private static void runTo(Island<?> is, long from, long to) {
    for (long g = from; g < to; ) {
      int n = (int) Math.min(MAX_BATCH, to - g);
      is.run(n, 0, false);
      g += n;
    }
  }

  /** Migrants as an island receives them. */
  private static <C extends Comparable<? super C>> Arrival<C> arrival(
      List<IslandTask.Migrant> migrants, Ranking<C> ranking, ProgramCodec codec) {
    int[] slots = new int[migrants.size()];
    List<Phenotype<ProgramGene, C>> ms = new ArrayList<>();
    for (int j = 0; j < slots.length; j++) {
      IslandTask.Migrant m = migrants.get(j);
      slots[j] = m.slot();
      ms.add(phenotype(m.individual(), ranking, codec));
    }
    return new Arrival<>(slots, ISeq.of(ms));
  }

  /** An individual of a population, as saved. */
  static <C extends Comparable<? super C>> SearchState.Individual individual(
      Phenotype<ProgramGene, C> p, Ranking<C> ranking) {
    return new SearchState.Individual(
        p.genotype().gene().allele(), p.generation(), ranking.fitness(p.fitness()));
  }

  boolean migrationDue(long gen) {
    IslandConfig ic = config.islands();
    return gen > 0 && ic.islands() > 1 && ic.migrants() > 0 && gen % ic.migrationInterval() == 0;
  }

  private static Timings timings(long started, long[] nanos, LongSupplier clock) {
    return new Timings(
        Duration.ofNanos(clock.getAsLong() - started),
        Duration.ofNanos(nanos[0]),
        Duration.ofNanos(nanos[1]),
        Duration.ofNanos(nanos[2]),
        Duration.ofNanos(nanos[3]),
        Duration.ofNanos(nanos[4]),
        Duration.ofNanos(nanos[5]));
  }

  /** An island's state at a barrier (idle). */
  static <C extends Comparable<? super C>> SearchState.IslandState islandState(
      Island<C> is, Ranking<C> ranking) {
    List<SearchState.Individual> pop = new ArrayList<>();
    for (Phenotype<ProgramGene, C> p : is.population()) {
      pop.add(
          new SearchState.Individual(
              p.genotype().gene().allele(), p.generation(), ranking.fitness(p.fitness())));
    }
    return new SearchState.IslandState(
        pop,
        is.evaluator().frontEntries(),
        is.evaluator().cache().snapshot(),
        is.tuning().remembered());
  }

  <C extends Comparable<? super C>> Island<C> island(
      int index,
      Ranking<C> ranking,
      Parts parts,
      SearchState.IslandState saved,
      long savedGeneration) {
    Workers workers = parts.workers();
    ProgramHasher hasher = parts.hasher();
    ProgramCodec codec = parts.codec();
    Mutations mutations = parts.mutations();
    Crossovers crossovers = parts.crossovers();
    EngineConfig ec = config.engine();
    Tally tally = new Tally();
    MutationCounters counters = new MutationCounters();
    EquivalenceCache<Double, Long> cache =
        EquivalenceCache.of(config.hash().cache(), (error, none) -> ENTRY_BYTES);
    CachedEvaluator<C> evaluator =
        new CachedEvaluator<>(
            hasher, cache, scorer, config.costs(), ranking, workers, index, tally, parts.shared());
    ConstantTuner tuner = tuner(scorer, config.tuning());
    ConstantTuning<C> tuning =
        new ConstantTuning<>(
            config.tuning(), tuner, config.costs(), ranking, evaluator, workers, tally);
    Engine<ProgramGene, C> engine =
        new Engine.Builder<>(evaluator, codec.encoding())
            .populationSize(ec.populationSize())
            .offspringFraction(ec.offspringFraction())
            .offspringSelector(ranking.offspringSelector(ec.tournamentSize()))
            .survivorsSelector(ranking.survivorsSelector(ec.tournamentSize()))
            .alterers(
                ProgramCrossover.of(ec.crossoverProbability(), crossovers),
                ProgramMutator.of(
                    ec.mutationProbability(),
                    mutations,
                    hasher,
                    config.hash().sameFunctionRetries(),
                    workers,
                    counters,
                    config.costs()::cost,
                    key -> cache.peek(key).isPresent()))
            .optimize(ranking.optimize())
            .maximalPhenotypeAge(ec.maxPhenotypeAge())
            // Same thread: the engine's random draws must see the island's generator.
            .executor(Runnable::run)
            .interceptor(
                new FunctionDedup<C>(hasher, mutations, config.costs(), ranking, tally)
                    .compose(tuning))
            .build();
    EvolutionStart<ProgramGene, C> start;
    if (saved != null) {
      cache.restore(saved.cache());
      saved.front().forEach(evaluator::restoreFrontEntry);
      tuning.remember(saved.tuned());
      List<Phenotype<ProgramGene, C>> pop = new ArrayList<>();
      for (SearchState.Individual ind : saved.population()) {
        pop.add(
            Phenotype.of(codec.encode(ind.program()), ind.birth(), ranking.rank(ind.fitness())));
      }
      start = EvolutionStart.of(ISeq.of(pop), savedGeneration + 1);
    } else {
      // The first population: the seed kernels, then random ones drawn from the island's
      // generator of generation 0. (Jenetics fills an empty start population itself, but leaves
      // a partial one partial.)
      ISeq<Phenotype<ProgramGene, C>> first =
          RandomRegistry.with(
              RandomStreams.of(config.seed(), index, 0),
              r -> {
                List<Phenotype<ProgramGene, C>> pop = new ArrayList<>();
                for (Program p : config.seeds()) {
                  if (pop.size() < ec.populationSize()) {
                    pop.add(Phenotype.of(codec.encode(p), 1));
                  }
                }
                while (pop.size() < ec.populationSize()) {
                  pop.add(Phenotype.of(codec.encoding().newInstance(), 1));
                }
                return ISeq.of(pop);
              });
      start = EvolutionStart.of(first, 1);
    }
    return new Island<>(
        index, config.seed(), engine, ranking, evaluator, tuning, counters, tally, start);
  }

  /**
   * The representative every entry of the search's caches holds. **Decision: the search's caches
   * keep no program per entry**: nothing reads it back (the audit compares errors), it cost ~2 KB
   * an entry as a program and 8 bytes of every cache entry of a saved state as a fingerprint.
   */
  static final Long NO_REPRESENTATIVE = 0L;

  /**
   * The bytes of a cache entry's boxed error, beyond the cache's own overhead per entry (the
   * representative is one shared object).
   */
  static final long ENTRY_BYTES = 24;

  /**
   * The constant tuner a search uses on this scorer: CMA-ES on the scorer's coarse error, minimax
   * steps where the scorer gives per-point residuals, then the ULP (and integer) climbs on its
   * error. It expects kernels without dead code ({@link numevo.evolver.genome.Kernels#stripDead}).
   *
   * @param scorer the objective, never null
   * @param config the effort per kernel, never null
   */
  public static ConstantTuner tuner(CandidateScorer scorer, TuningConfig config) {
    numevo.evolver.tune.Residuals residuals = CachedEvaluator.residualsOf(scorer);
    return residuals == null
        ? ConstantTuner.of(
            config, CachedEvaluator.liveErrorOf(scorer), CachedEvaluator.liveCoarseErrorOf(scorer))
        : ConstantTuner.of(
            config,
            CachedEvaluator.liveErrorOf(scorer),
            CachedEvaluator.liveCoarseErrorOf(scorer),
            residuals);
  }

  private static GenerationStats stats(
      long gen, List<List<Island.Step>> steps, int k, KernelFront front) {
    long[] sums = new long[Stat.COUNT];
    List<Long> digests = new ArrayList<>(steps.size());
    long[] cache = new long[11];
    for (List<Island.Step> st : steps) {
      Island.Step step = st.get(k);
      step.tally().addTo(sums);
      digests.add(step.digest());
      CacheStats c = step.cache();
      long[] v = {
        c.lookups(),
        c.hits(),
        c.misses(),
        c.coalesced(),
        c.evictions(),
        c.forgotten(),
        c.rejected(),
        c.audits(),
        c.falseHits(),
        c.entries(),
        c.bytes()
      };
      for (int i = 0; i < v.length; i++) {
        cache[i] += v[i];
      }
    }
    List<Long> counts = new ArrayList<>(Stat.COUNT);
    for (long v : sums) {
      counts.add(v);
    }
    return new GenerationStats(
        gen,
        counts,
        front.size(),
        front.bestError(),
        new CacheStats(
            cache[0],
            cache[1],
            cache[2],
            cache[3],
            cache[4],
            cache[5],
            cache[6],
            cache[7],
            cache[8],
            (int) cache[9],
            cache[10]),
        digests);
  }

  /**
   * Why the search stops after generation {@code gen}, or null. The time limit is looked at only
   * for the last generation all islands ran (they start no new one once it has passed).
   */
  private String stopReason(
      long gen, long evaluations, KernelFront front, long started, boolean lastRun) {
    StopConfig stop = config.stop();
    if (stop.generations() > 0 && gen >= stop.generations()) {
      return "generations";
    }
    if (stop.evaluations() > 0 && evaluations >= stop.evaluations()) {
      return "evaluations";
    }
    if (front.bestError() <= stop.targetError()) {
      return "target error";
    }
    if (lastRun && !stop.time().isZero() && clock.getAsLong() - started >= stop.time().toNanos()) {
      return TIME;
    }
    return null;
  }

  /**
   * The migrants one island receives: the slots of its population they replace, in order.
   *
   * @param slots distinct population indices
   * @param migrants one per slot
   */
  record Arrival<C extends Comparable<? super C>>(
      int[] slots, ISeq<Phenotype<ProgramGene, C>> migrants) {}

  /**
   * Ring migration at a barrier: each island sends migrants chosen by its offspring selector (drawn
   * with the run's migration generator) to the next island, where they replace random individuals.
   * All choices are made from the populations before any replacement; the result is, per island,
   * what it receives ({@link #receive}).
   */
  <C extends Comparable<? super C>> List<Arrival<C>> plan(
      List<ISeq<Phenotype<ProgramGene, C>>> pops, Ranking<C> ranking, long gen) {
    SplittableRandom rng = RandomStreams.of(config.seed(), RandomStreams.MIGRATION, gen);
    int n = pops.size();
    int k = Math.min(config.islands().migrants(), config.engine().populationSize());
    List<ISeq<Phenotype<ProgramGene, C>>> sent = new ArrayList<>();
    for (ISeq<Phenotype<ProgramGene, C>> pop : pops) {
      sent.add(
          RandomRegistry.with(
              rng,
              r ->
                  ranking
                      .offspringSelector(config.engine().tournamentSize())
                      .select(pop, k, ranking.optimize())));
    }
    List<Arrival<C>> arrivals = new ArrayList<>(Collections.nCopies(n, null));
    for (int i = 0; i < n; i++) {
      int to = (i + 1) % n;
      int[] slots = rng.ints(0, pops.get(to).size()).distinct().limit(k).toArray();
      arrivals.set(to, new Arrival<>(slots, sent.get(i)));
    }
    return arrivals;
  }

  /**
   * An island receives migrants: each replaces the individual in its slot, and its error enters the
   * island's cache under its function's hash.
   */
  static <C extends Comparable<? super C>> void receive(
      Island<C> to, Arrival<C> arrival, Ranking<C> ranking, ProgramHasher hasher) {
    MSeq<Phenotype<ProgramGene, C>> pop = MSeq.of(to.population());
    int[] slots = arrival.slots();
    for (int j = 0; j < slots.length; j++) {
      Phenotype<ProgramGene, C> m = arrival.migrants().get(j);
      pop.set(slots[j], m);
      ProgramGene g = m.genotype().gene();
      g.functionKey(hasher::hash)
          .ifPresent(
              key ->
                  to.evaluator()
                      .cache()
                      .put(key, NO_REPRESENTATIVE, ranking.fitness(m.fitness()).error()));
    }
    to.restart(pop.toISeq());
  }
}
