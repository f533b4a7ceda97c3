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
import numevo.hashing.cache.CacheStats;
import numevo.hashing.cache.EquivalenceCache;

/**
 * Runs a search: islands of Jenetics engines stepped in lockstep, one generation at a time.
 *
 * <p>Determinism: the same {@link SearchConfig} and scorer give the same front and the same {@link
 * GenerationStats} for any number of threads. Each island has its own generator (split from the
 * seed), evaluator and equivalence cache, and runs its engine on one thread; within an island only
 * pure work (hashing, scoring) is parallel, into per-candidate slots, while every cache access and
 * every random draw happens sequentially in population order. Islands meet at a barrier after each
 * generation: their new front entries are merged into the run's front in island order, and migrants
 * move (ring topology, chosen with the run's own generator) only there.
 *
 * <p>Caches are per island: a cache shared by concurrently running islands would see lookups and
 * insertions in an order that depends on timing (which program's error is stored first, which entry
 * is evicted), and so would the results.
 */
public final class Search {
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
      String reason;
      for (long gen = 1; ; gen++) {
        workers.runAll(islands.stream().map(is -> (Runnable) is::step).toList());
        for (Island<C> is : islands) {
          for (FrontEntry e : is.drainEntered()) {
            if (front.offer(e)) {
              entered.accept(e);
            }
          }
        }
        GenerationStats stats = stats(gen, islands, front);
        evaluations += stats.scored() + stats.tuningEvaluations();
        for (Island<C> is : islands) {
          Tally t = is.tally();
          long mutatorHash = is.mutationCounters().hashNanos();
          nanos[0] += t.stepNanos;
          nanos[1] += t.selectNanos;
          // The mutator hashes inside Jenetics' alteration phase: that time is hashing.
          nanos[2] += Math.max(0, t.alterNanos - mutatorHash);
          nanos[3] += t.hashNanos + mutatorHash;
          nanos[4] += t.scoreNanos;
          nanos[5] += t.tuneNanos;
        }
        history.add(stats);
        progress.accept(stats);
        reason = stopReason(gen, evaluations, front, started);
        if (reason != null) {
          break;
        }
        if (islands.size() > 1 && ic.migrants() > 0 && gen % ic.migrationInterval() == 0) {
          migrate(islands, ranking, migration, hasher);
        }
      }
      List<CacheStats> caches = islands.stream().map(is -> is.evaluator().cache().stats()).toList();
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
    EquivalenceCache<Double, Program> cache = EquivalenceCache.of(config.hash().cache());
    CachedEvaluator<C> evaluator =
        new CachedEvaluator<>(
            hasher, cache, scorer, config.costs(), ranking, workers, index, tally);
    numevo.evolver.tune.Residuals residuals = CachedEvaluator.residualsOf(scorer);
    ConstantTuner tuner =
        residuals == null
            ? ConstantTuner.of(
                config.tuning(),
                CachedEvaluator.errorOf(scorer),
                CachedEvaluator.coarseErrorOf(scorer))
            : ConstantTuner.of(
                config.tuning(),
                CachedEvaluator.errorOf(scorer),
                CachedEvaluator.coarseErrorOf(scorer),
                residuals);
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

  private static <C extends Comparable<? super C>> GenerationStats stats(
      long gen, List<Island<C>> islands, KernelFront front) {
    long[] s = new long[16];
    for (Island<C> is : islands) {
      Tally t = is.tally();
      MutationCounters m = is.mutationCounters();
      s[0] += t.proposed;
      s[1] += t.cacheHits;
      s[2] += t.duplicateHits;
      s[3] += t.misses;
      s[4] += t.uncached;
      s[5] += t.audits;
      s[6] += t.falseHits;
      s[7] += t.scored;
      s[8] += t.invalid;
      s[9] += m.remutationCount();
      s[10] += m.sameFunctionKeptCount();
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

  private String stopReason(long gen, long evaluations, KernelFront front, long started) {
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
    if (!stop.time().isZero() && System.nanoTime() - started >= stop.time().toNanos()) {
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
