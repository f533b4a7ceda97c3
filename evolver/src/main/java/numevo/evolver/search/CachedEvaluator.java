package numevo.evolver.search;

import io.jenetics.Phenotype;
import io.jenetics.engine.Evaluator;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.program.Program;
import numevo.evolver.concurrent.Workers;
import numevo.evolver.fitness.CandidateScorer;
import numevo.evolver.fitness.Fitness;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.fitness.KernelFront;
import numevo.evolver.fitness.Ranking;
import numevo.evolver.genome.Kernels;
import numevo.evolver.genome.ProgramGene;
import numevo.evolver.hash.ProgramHasher;
import numevo.hashing.Hash128;
import numevo.hashing.cache.CacheHit;
import numevo.hashing.cache.EquivalenceCache;
import numevo.targets.CostModel;

/**
 * The Jenetics evaluator of one island: functional hashing and the equivalence cache in front of
 * the scorer, in four phases per call so that results never depend on threads:
 *
 * <ol>
 *   <li>hash the new candidates, in parallel (each into its gene);
 *   <li>resolve, sequentially in population order: a candidate without hash is scored uncached; one
 *       whose hash an earlier candidate of this call has waits for that one's score; otherwise it
 *       is looked up in the cache (a hit reuses the stored error, unless the audit picks it);
 *   <li>score the misses, uncached and audited candidates, in parallel;
 *   <li>finish, sequentially in population order: store misses in the cache, report audits, offer
 *       every candidate to the island's front (a hit may be a cheaper way to compute a known
 *       function).
 * </ol>
 *
 * The cache stores the error only: the cost belongs to each candidate's own code. Not thread-safe:
 * one island's thread calls it.
 *
 * @param <C> the Jenetics fitness type
 */
final class CachedEvaluator<C extends Comparable<? super C>> implements Evaluator<ProgramGene, C> {
  private static final byte HIT = 1;
  private static final byte DUPLICATE = 2;
  private static final byte MISS = 3;
  private static final byte UNCACHED = 4;
  private static final byte AUDIT = 5;

  private final ProgramHasher hasher;
  private final EquivalenceCache<Double, Long> cache;
  private final CandidateScorer scorer;
  private final CostModel costs;
  private final Ranking<C> ranking;
  private final Workers workers;
  private final KernelFront front;
  private final int island;
  private final Tally tally;
  private final SharedScores shared;
  private final List<FrontEntry> entered = new ArrayList<>();
  private long generation;

  CachedEvaluator(
      ProgramHasher hasher,
      EquivalenceCache<Double, Long> cache,
      CandidateScorer scorer,
      CostModel costs,
      Ranking<C> ranking,
      Workers workers,
      int island,
      Tally tally,
      SharedScores shared) {
    this.hasher = Objects.requireNonNull(hasher);
    this.cache = Objects.requireNonNull(cache);
    this.scorer = Objects.requireNonNull(scorer);
    this.costs = Objects.requireNonNull(costs);
    this.ranking = Objects.requireNonNull(ranking);
    this.workers = Objects.requireNonNull(workers);
    this.front = KernelFront.of();
    this.island = island;
    this.tally = Objects.requireNonNull(tally);
    this.shared = shared;
  }

  /** Sets the generation recorded with front entries. */
  void generation(long g) {
    generation = g;
  }

  /** The kernels that entered the island's front since the last call, in order; clears the list. */
  List<FrontEntry> drainEntered() {
    List<FrontEntry> out = List.copyOf(entered);
    entered.clear();
    return out;
  }

  /**
   * Records a kernel scored outside this evaluator (a tuned kernel): its error enters the cache
   * under its hash, and it is offered to the island's front.
   */
  void accept(ProgramGene gene, Fitness f) {
    Program p = gene.allele();
    genesKey(gene).ifPresent(key -> cache.put(key, Search.NO_REPRESENTATIVE, f.error()));
    if (front.wouldEnter(f)) {
      FrontEntry e = FrontEntry.of(Kernels.stripDead(p), f, generation, island);
      front.offer(e);
      entered.add(e);
    }
  }

  private Optional<Hash128> genesKey(ProgramGene gene) {
    return hasher.enabled() ? gene.functionKey(hasher::hash) : Optional.empty();
  }

  /** The island's front, by increasing cost. */
  List<FrontEntry> frontEntries() {
    return front.entries();
  }

  /** Puts a kernel of a saved state back on the island's front, without reporting it. */
  void restoreFrontEntry(FrontEntry e) {
    front.offer(e);
  }

  /** The island's cache. */
  EquivalenceCache<Double, Long> cache() {
    return cache;
  }

  @Override
  public ISeq<Phenotype<ProgramGene, C>> eval(Seq<Phenotype<ProgramGene, C>> population) {
    int n = population.size();
    int m = 0;
    int[] todo = new int[n];
    for (int i = 0; i < n; i++) {
      if (population.get(i).nonEvaluated()) {
        todo[m++] = i;
      }
    }
    if (m == 0) {
      return population.asISeq();
    }
    ProgramGene[] genes = new ProgramGene[m];
    for (int j = 0; j < m; j++) {
      genes[j] = population.get(todo[j]).genotype().gene();
    }
    tally.add(Stat.PROPOSED, m);

    long t0 = System.nanoTime();
    if (hasher.enabled()) {
      workers.forEach(m, j -> genes[j].functionKey(hasher::hash));
    }
    long t1 = System.nanoTime();
    tally.hashNanos += t1 - t0;

    byte[] action = new byte[m];
    double[] error = new double[m];
    int[] first = new int[m];
    Hash128[] keys = new Hash128[m];
    List<CacheHit<Double, Long>> hits = new ArrayList<>(Collections.nCopies(m, null));
    Map<Hash128, Integer> seen = new HashMap<>();
    for (int j = 0; j < m; j++) {
      Optional<Hash128> key =
          hasher.enabled() ? genes[j].functionKey(hasher::hash) : Optional.empty();
      if (key.isEmpty()) {
        action[j] = UNCACHED;
        tally.inc(Stat.UNCACHED);
        continue;
      }
      keys[j] = key.get();
      Integer earlier = seen.get(keys[j]);
      if (earlier != null) {
        action[j] = DUPLICATE;
        first[j] = earlier;
        tally.inc(Stat.DUPLICATE_HITS);
        continue;
      }
      Optional<CacheHit<Double, Long>> hit = cache.lookup(keys[j]);
      if (hit.isPresent()) {
        tally.inc(Stat.CACHE_HITS);
        hits.set(j, hit.get());
        if (hits.get(j).audit()) {
          action[j] = AUDIT;
          tally.inc(Stat.AUDITS);
        } else {
          action[j] = HIT;
          error[j] = hits.get(j).fitness();
        }
      } else {
        action[j] = MISS;
        tally.inc(Stat.MISSES);
        seen.put(keys[j], j);
      }
    }

    long t2 = System.nanoTime();
    if (shared == null) {
      workers.forEach(
          m,
          j -> {
            if (action[j] >= MISS) {
              error[j] = score(genes[j].allele());
            }
          });
    } else {
      scoreShared(genes, action, error, m);
    }
    long t3 = System.nanoTime();
    tally.scoreNanos += t3 - t2;

    MSeq<Phenotype<ProgramGene, C>> out = MSeq.of(population);
    for (int j = 0; j < m; j++) {
      Program p = genes[j].allele();
      switch (action[j]) {
        case MISS -> cache.put(keys[j], Search.NO_REPRESENTATIVE, error[j]);
        case AUDIT -> {
          if (!cache.recordAudit(hits.get(j), Search.NO_REPRESENTATIVE, error[j])) {
            tally.inc(Stat.FALSE_HITS);
          }
        }
        case DUPLICATE -> error[j] = error[first[j]];
        default -> {}
      }
      if (action[j] >= MISS) {
        tally.inc(Stat.SCORED);
      }
      Fitness f = Fitness.of(error[j], costs.cost(p));
      if (!f.isValid()) {
        tally.inc(Stat.INVALID);
      }
      if (front.wouldEnter(f)) {
        FrontEntry e = FrontEntry.of(Kernels.stripDead(p), f, generation, island);
        front.offer(e);
        entered.add(e);
      }
      out.set(todo[j], population.get(todo[j]).withFitness(ranking.rank(f)));
    }
    return out.toISeq();
  }

  private double score(Program p) {
    return score(scorer, p);
  }

  /**
   * Scores the candidates to score through the shared scores: each one's exact live code is looked
   * up (one call for all), those found take the stored error (the scorer's error of that code, so
   * what scoring gives), the others are scored and offered. Nothing else changes: the caller counts
   * and caches every one as scored.
   */
  private void scoreShared(ProgramGene[] genes, byte[] action, double[] error, int m) {
    int[] idx = new int[m];
    int n = 0;
    for (int j = 0; j < m; j++) {
      if (action[j] >= MISS) {
        idx[n++] = j;
      }
    }
    if (n == 0) {
      return;
    }
    int count = n;
    Program[] live = new Program[n];
    Hash128[] keys = new Hash128[n];
    workers.forEach(
        count,
        k -> {
          live[k] = Kernels.stripDead(genes[idx[k]].allele());
          keys[k] = ScoreKeys.of(live[k]);
        });
    double[] found = new double[n];
    shared.lookup(keys, n, found);
    workers.forEach(
        count, k -> error[idx[k]] = Double.isNaN(found[k]) ? scoreLive(scorer, live[k]) : found[k]);
    Hash128[] fresh = new Hash128[n];
    double[] errors = new double[n];
    int f = 0;
    for (int k = 0; k < n; k++) {
      if (Double.isNaN(found[k])) {
        fresh[f] = keys[k];
        errors[f++] = error[idx[k]];
      }
    }
    if (f > 0) {
      shared.offer(fresh, errors, f);
    }
  }

  /** {@link #score(CandidateScorer, Program)} of a kernel already without dead code. */
  private static double scoreLive(CandidateScorer scorer, Program live) {
    try {
      double e = scorer.error(live);
      return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    } catch (EvaluationException e) {
      return Double.POSITIVE_INFINITY;
    }
  }

  /** A kernel's error: {@code +Inf} for NaN or an invalid evaluation; dead code is not run. */
  static double score(CandidateScorer scorer, Program p) {
    try {
      double e = scorer.error(Kernels.stripDead(p));
      return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    } catch (EvaluationException e) {
      return Double.POSITIVE_INFINITY;
    }
  }

  /**
   * The error of kernels without dead code, with the conventions of {@link #score(CandidateScorer,
   * Program)}: the constant tuner's objective. Its kernels are a stripped kernel with other
   * constants, so stripping each of them again (a liveness pass per scoring) would find nothing.
   */
  static java.util.function.ToDoubleFunction<Program> liveErrorOf(CandidateScorer scorer) {
    return p -> {
      try {
        double e = scorer.error(p);
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
      } catch (EvaluationException x) {
        return Double.POSITIVE_INFINITY;
      }
    };
  }

  /** The scorer's coarse error of kernels without dead code, as {@link #liveErrorOf}. */
  static java.util.function.ToDoubleFunction<Program> liveCoarseErrorOf(CandidateScorer scorer) {
    return p -> {
      try {
        double e = scorer.coarseError(p);
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
      } catch (EvaluationException x) {
        return Double.POSITIVE_INFINITY;
      }
    };
  }

  /**
   * The scorer's per-point residuals as the tuner reads them (dead code stripped, an invalid
   * evaluation as "no residuals"), or null if the scorer has none.
   */
  static numevo.evolver.tune.Residuals residualsOf(CandidateScorer scorer) {
    int n = scorer.residualPoints();
    if (n <= 0) {
      return null;
    }
    double resolution = scorer.residualResolution();
    return new numevo.evolver.tune.Residuals() {
      @Override
      public int points() {
        return n;
      }

      @Override
      public double resolution() {
        return resolution;
      }

      @Override
      public boolean compute(Program p, double[] out) {
        try {
          return scorer.residuals(Kernels.stripDead(p), out);
        } catch (EvaluationException x) {
          return false;
        }
      }
    };
  }
}
