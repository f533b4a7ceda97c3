package numevo.evolver.alter;

import io.jenetics.AltererResult;
import io.jenetics.Genotype;
import io.jenetics.Mutator;
import io.jenetics.Phenotype;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import numevo.dsl.program.Program;
import numevo.evolver.concurrent.Workers;
import numevo.evolver.genome.Kernels;
import numevo.evolver.genome.Mutations;
import numevo.evolver.genome.ProgramChromosome;
import numevo.evolver.genome.ProgramGene;
import numevo.evolver.hash.ProgramHasher;
import numevo.hashing.Hash128;

/**
 * The Jenetics mutator of kernels: each individual is mutated with the alterer's probability by one
 * {@link Mutations} edit. An offspring that computes a known function, its parent's (same
 * functional hash; or, when hashing is off, the same live code) or any other the island already
 * knows, at no lower cost than its parent, is mutated again, up to {@code retries} times, so that
 * offspring are new functions or cheaper code rather than repeats.
 *
 * <p>Deterministic whatever the threads: all randomness is drawn from {@link
 * RandomRegistry#random()} on the calling thread in population order; only the hashing of parents
 * and offspring runs in parallel, each into its own slot. The offspring's hash is remembered in its
 * gene, so the evaluator does not hash it again.
 *
 * @param <C> the fitness type
 */
public final class ProgramMutator<C extends Comparable<? super C>> extends Mutator<ProgramGene, C> {
  private final Mutations mutations;
  private final ProgramHasher hasher;
  private final int retries;
  private final Workers workers;
  private final MutationCounters counters;
  private final ToDoubleFunction<Program> cost;
  private final Predicate<Hash128> known;

  private ProgramMutator(
      double probability,
      Mutations mutations,
      ProgramHasher hasher,
      int retries,
      Workers workers,
      MutationCounters counters,
      ToDoubleFunction<Program> cost,
      Predicate<Hash128> known) {
    super(probability);
    this.mutations = Objects.requireNonNull(mutations, "mutations");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0: " + retries);
    }
    this.retries = retries;
    this.workers = Objects.requireNonNull(workers, "workers");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.cost = Objects.requireNonNull(cost, "cost");
    this.known = Objects.requireNonNull(known, "known");
  }

  /**
   * @param probability the chance that an individual is mutated, in {@code [0, 1]}
   * @param mutations the edits
   * @param hasher the run's functional hash
   * @param retries the most extra mutations of an offspring that computes its parent's function
   * @param workers runs the hashing
   * @param counters counts what the mutator does
   * @param cost the cost of a kernel: an offspring computing a known function at a lower cost than
   *     its parent is kept, since it may improve the front
   * @param known whether a function is already known (e.g. in the island's equivalence cache); must
   *     not change during a call, and must answer the same on every run
   */
  public static <C extends Comparable<? super C>> ProgramMutator<C> of(
      double probability,
      Mutations mutations,
      ProgramHasher hasher,
      int retries,
      Workers workers,
      MutationCounters counters,
      ToDoubleFunction<Program> cost,
      Predicate<Hash128> known) {
    return new ProgramMutator<>(
        probability, mutations, hasher, retries, workers, counters, cost, known);
  }

  @Override
  public AltererResult<ProgramGene, C> alter(
      Seq<Phenotype<ProgramGene, C>> population, long generation) {
    RandomGenerator rng = RandomRegistry.random();
    int n = population.size();
    ProgramGene[] parent = new ProgramGene[n];
    Program[] child = new Program[n];
    boolean[] pending = new boolean[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (rng.nextDouble() < _probability) {
        ProgramGene g = population.get(i).genotype().gene();
        Program q = mutations.mutate(g.allele(), rng);
        if (q == g.allele()) {
          counters.unchanged();
          continue;
        }
        parent[i] = g;
        child[i] = q;
        pending[i] = true;
        count++;
      }
    }
    // The offspring's hashes; null where it has none (or hashing is off).
    Hash128[] keys = new Hash128[n];
    for (int round = 0; ; round++) {
      boolean last = round == retries;
      if (hasher.enabled()) {
        long t0 = System.nanoTime();
        workers.forEach(
            n,
            i -> {
              if (pending[i]) {
                parent[i].functionKey(hasher::hash);
                keys[i] = hasher.hash(child[i]).orElse(null);
              }
            });
        counters.addHashNanos(System.nanoTime() - t0);
      }
      boolean again = false;
      for (int i = 0; i < n; i++) {
        if (!pending[i]) {
          continue;
        }
        if (!knownFunction(parent[i], child[i], keys[i])
            || cost.applyAsDouble(child[i]) < cost.applyAsDouble(parent[i].allele())) {
          pending[i] = false;
        } else if (last) {
          counters.sameFunctionKept();
          pending[i] = false;
        } else {
          counters.remutation();
          child[i] = mutations.mutate(child[i], rng);
          again = true;
        }
      }
      if (!again) {
        break;
      }
    }
    if (count == 0) {
      return new AltererResult<>(population.asISeq(), 0);
    }
    MSeq<Phenotype<ProgramGene, C>> out = MSeq.of(population);
    for (int i = 0; i < n; i++) {
      if (child[i] != null) {
        counters.mutated();
        ProgramGene g = parent[i].newInstance(child[i]);
        if (hasher.enabled()) {
          g.rememberFunctionKey(Optional.ofNullable(keys[i]));
        }
        out.set(i, Phenotype.of(Genotype.of(ProgramChromosome.of(g)), generation));
      }
    }
    return new AltererResult<>(out.toISeq(), count);
  }

  private boolean knownFunction(ProgramGene parent, Program child, Hash128 childKey) {
    if (hasher.enabled()) {
      return childKey != null
          && (childKey.equals(parent.functionKey(hasher::hash).orElse(null))
              || known.test(childKey));
    }
    return Kernels.sameLiveCode(parent.allele(), child);
  }

  @Override
  public String toString() {
    return "ProgramMutator[p=" + _probability + ", retries=" + retries + "]";
  }

  /** Not used: {@link #alter} mutates whole programs. */
  @Override
  protected ProgramGene mutate(ProgramGene gene, RandomGenerator random) {
    return gene.newInstance(mutations.mutate(gene.allele(), random));
  }
}
