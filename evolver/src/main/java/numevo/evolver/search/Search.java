package numevo.evolver.search;

import io.jenetics.Phenotype;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
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
 * GenerationStats} for any number of threads. Each island has its own generator (split from the
 * seed), evaluator and equivalence cache, and runs its engine on one thread; within an island only
 * pure work (hashing, scoring) is parallel, into per-candidate slots, while every cache access and
 * every random draw happens sequentially in population order. Islands share nothing between
 * migrations, so they run several generations on their own (up to the next migration, at most
 * {@value #MAX_BATCH}) and meet at a barrier only then: a barrier after every generation would
 * leave a thread idle whenever one island's generation takes longer than another's. At the barrier
 * the generations are replayed in order: each one's front entries are merged into the run's front
 * in island order, its statistics recorded and the stop conditions checked, exactly as in lockstep;
 * generations some island ran past the stop are dropped. Migrants move (ring topology, chosen with
 * the run's own generator) only at barriers.
 *
 * <p>Caches are per island: a cache shared by concurrently running islands would see lookups and
 * insertions in an order that depends on timing (which program's error is stored first, which entry
 * is evicted), and so would the results.
 */
public final class Search {
  /** The most generations islands run between two barriers. */
  private static final int MAX_BATCH = 16;

  private final SearchConfig config;
  private final CandidateScorer scorer;

  private Search(SearchConfig config, CandidateScorer scorer) {
    this.config = Objects.requireNonNull(config, "config");
    this.scorer = Objects.requireNonNull(scorer, "scorer");
  }

  /**
   * @param config the search's manifest
   * @param scorer the target's error measure; thread-safe and deterministic
   */
  public static Search of(SearchConfig config, CandidateScorer scorer) {
    return new Search(config, scorer);
  }

  /** Runs the search to its stop. */
  public SearchResult run() {
    return run(s -> {});
  }

  /**
   * Runs the search to its stop, reporting each generation.
   *
   * @param progress called after each generation on the calling thread
   */
  public SearchResult run(Consumer<GenerationStats> progress) {
    return run(config.objective().ranking(), progress, e -> {});
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
    return run(config.objective().ranking(), progress, Objects.requireNonNull(entered, "entered"));
  }

  private <C extends Comparable<? super C>> SearchResult run(
      Ranking<C> ranking, Consumer<GenerationStats> progress, Consumer<FrontEntry> entered) {
    long started = System.nanoTime();
    IslandConfig ic = config.islands();
    try (Workers workers = Workers.of(ic.threads())) {
      ProgramHasher hasher = ProgramHasher.of(config.genome(), config.hash());
      ProgramCodec codec = ProgramCodec.of(config.genome());
      Mutations mutations = Mutations.of(config.genome(), config.mutation());
      Crossovers crossovers = Crossovers.of(config.genome());
      SplittableRandom root = new SplittableRandom(config.seed());
      SplittableRandom migration = root.split();
      List<Island<C>> islands = new ArrayList<>();
      for (int i = 0; i < ic.islands(); i++) {
        islands.add(
            island(i, root.split(), ranking, workers, hasher, codec, mutations, crossovers));
      }
      KernelFront front = KernelFront.of();
      List<GenerationStats> history = new ArrayList<>();
      long evaluations = 0;
      long[] nanos = new long[6];
      StopConfig stop = config.stop();
      boolean hasDeadline = !stop.time().isZero();
      long deadline = started + (hasDeadline ? stop.time().toNanos() : 0);
      List<CacheStats> caches = new ArrayList<>();
      String reason = null;
      long gen = 0; // generations replayed
      while (reason == null) {
        // Islands run on their own up to the next barrier: a migration, or a bounded batch (so
        // that the other stops are checked often and little work past them is discarded).
        long interval = ic.migrationInterval();
        int batch = (int) Math.min(MAX_BATCH, interval - gen % interval);
        if (stop.generations() > 0) {
          batch = (int) Math.min(batch, stop.generations() - gen);
        }
        int max = batch;
        List<List<Island.Step>> steps = new ArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < islands.size(); i++) {
          steps.add(null);
          int index = i;
          tasks.add(() -> steps.set(index, islands.get(index).run(max, deadline, hasDeadline)));
        }
        workers.runAll(tasks);
        int done = batch;
        for (List<Island.Step> st : steps) {
          done = Math.min(done, st.size());
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
        for (int k = 0; k < done && reason == null; k++) {
          gen++;
          for (List<Island.Step> st : steps) {
            for (FrontEntry e : st.get(k).entered()) {
              if (front.offer(e)) {
                entered.accept(e);
              }
            }
          }
          GenerationStats stats = stats(gen, steps, k, front);
          evaluations += stats.scored() + stats.tuningEvaluations();
          history.add(stats);
          progress.accept(stats);
          reason = stopReason(gen, evaluations, front, started, k == done - 1);
          if (reason != null || k == done - 1) {
            caches.clear();
            for (List<Island.Step> st : steps) {
              caches.add(st.get(k).cache());
            }
          }
        }
        if (reason == null
            && islands.size() > 1
            && ic.migrants() > 0
            && gen % ic.migrationInterval() == 0) {
          migrate(islands, ranking, migration, hasher);
        }
      }
      Timings timings =
          new Timings(
              Duration.ofNanos(System.nanoTime() - started),
              Duration.ofNanos(nanos[0]),
              Duration.ofNanos(nanos[1]),
              Duration.ofNanos(nanos[2]),
              Duration.ofNanos(nanos[3]),
              Duration.ofNanos(nanos[4]),
              Duration.ofNanos(nanos[5]));
      return new SearchResult(front.entries(), history, caches, evaluations, reason, timings);
    }
  }

  private <C extends Comparable<? super C>> Island<C> island(
      int index,
      SplittableRandom rng,
      Ranking<C> ranking,
      Workers workers,
      ProgramHasher hasher,
      ProgramCodec codec,
      Mutations mutations,
      Crossovers crossovers) {
    EngineConfig ec = config.engine();
    Tally tally = new Tally();
    MutationCounters counters = new MutationCounters();
    EquivalenceCache<Double, Program> cache =
        EquivalenceCache.of(config.hash().cache(), (error, p) -> entryBytes(p));
    CachedEvaluator<C> evaluator =
        new CachedEvaluator<>(
            hasher, cache, scorer, config.costs(), ranking, workers, index, tally);
    ConstantTuner tuner = tuner(scorer, config.tuning());
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
                    .compose(
                        new ConstantTuning<>(
                            config.tuning(),
                            tuner,
                            config.costs(),
                            ranking,
                            evaluator,
                            workers,
                            tally)))
            .build();
    // The first population: the seed kernels, then random ones drawn from the island's generator.
    // (Jenetics fills an empty start population itself, but leaves a partial one partial.)
    ISeq<Phenotype<ProgramGene, C>> first =
        RandomRegistry.with(
            rng,
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
    return new Island<>(
        index, engine, rng, evaluator, counters, tally, EvolutionStart.of(first, 1));
  }

  /**
   * The bytes a cache entry's boxed error and representative program hold once nothing else refers
   * to them, so that the cache's byte bound sees them: measured 2,065 bytes for a 12-instruction
   * program built as the search builds them (docs/BENCHMARKS.md, memory per cache entry), about 24
   * for the boxed error, 100 for the program record and its lists, 160 per instruction.
   */
  static long entryBytes(Program p) {
    return 124 + 160L * p.body().size();
  }

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
    long[] s = new long[16];
    for (List<Island.Step> st : steps) {
      Island.Step step = st.get(k);
      Tally t = step.tally();
      s[0] += t.proposed;
      s[1] += t.cacheHits;
      s[2] += t.duplicateHits;
      s[3] += t.misses;
      s[4] += t.uncached;
      s[5] += t.audits;
      s[6] += t.falseHits;
      s[7] += t.scored;
      s[8] += t.invalid;
      s[9] += step.remutations();
      s[10] += step.sameFunctionKept();
      s[11] += t.deduplicated;
      s[12] += t.tunings;
      s[13] += t.tuningImprovements;
      s[14] += t.tuningEvaluations;
      s[15] += t.intTuningEvaluations;
    }
    return new GenerationStats(
        gen,
        s[0],
        s[1],
        s[2],
        s[3],
        s[4],
        s[5],
        s[6],
        s[7],
        s[8],
        s[9],
        s[10],
        s[11],
        s[12],
        s[13],
        s[14],
        s[15],
        front.size(),
        front.bestError());
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
    if (lastRun && !stop.time().isZero() && System.nanoTime() - started >= stop.time().toNanos()) {
      return "time";
    }
    return null;
  }

  /**
   * Ring migration at a barrier: each island sends migrants chosen by its offspring selector (drawn
   * with the run's migration generator) to the next island, where they replace random individuals.
   * All choices are made from the populations before any replacement.
   */
  private <C extends Comparable<? super C>> void migrate(
      List<Island<C>> islands, Ranking<C> ranking, SplittableRandom rng, ProgramHasher hasher) {
    int n = islands.size();
    int k = Math.min(config.islands().migrants(), config.engine().populationSize());
    List<ISeq<Phenotype<ProgramGene, C>>> sent = new ArrayList<>();
    for (Island<C> is : islands) {
      sent.add(
          RandomRegistry.with(
              rng,
              r ->
                  ranking
                      .offspringSelector(config.engine().tournamentSize())
                      .select(is.population(), k, ranking.optimize())));
    }
    for (int i = 0; i < n; i++) {
      Island<C> to = islands.get((i + 1) % n);
      MSeq<Phenotype<ProgramGene, C>> pop = MSeq.of(to.population());
      int[] slots = rng.ints(0, pop.size()).distinct().limit(k).toArray();
      ISeq<Phenotype<ProgramGene, C>> migrants = sent.get(i);
      for (int j = 0; j < slots.length; j++) {
        Phenotype<ProgramGene, C> m = migrants.get(j);
        pop.set(slots[j], m);
        ProgramGene g = m.genotype().gene();
        g.functionKey(hasher::hash)
            .ifPresent(
                key ->
                    to.evaluator()
                        .cache()
                        .put(key, g.allele(), ranking.fitness(m.fitness()).error()));
      }
      to.restart(pop.toISeq());
    }
  }
}
