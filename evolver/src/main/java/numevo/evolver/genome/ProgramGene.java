package numevo.evolver.genome;

import io.jenetics.Gene;
import io.jenetics.util.RandomRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import numevo.dsl.program.Program;
import numevo.hashing.Hash128;

/**
 * A Jenetics gene whose allele is a whole kernel: an immutable, checked {@link Program}.
 *
 * <p>Why one gene per program rather than one per instruction: an instruction's validity depends on
 * the others (its operands must be earlier values of the right types, and outputs must exist), so
 * Jenetics' generic per-gene operators (swap, uniform crossover, gene mutation) would break
 * programs. Whole-program genes let every operator see the program and repair references, and let
 * Jenetics' value equality on genes be the program's structural equality.
 *
 * <p>The gene also remembers the program's functional hash once computed (a pure function of the
 * program, so remembering it changes no result); see {@link #functionKey(Function)}.
 */
public final class ProgramGene implements Gene<Program, ProgramGene> {
  private final Program program;
  private final RandomKernels factory;
  private final boolean valid;
  // Written at most once with the same value by any thread: a benign race on an immutable value.
  private Optional<Hash128> key;

  private ProgramGene(Program program, RandomKernels factory) {
    this.program = Objects.requireNonNull(program, "program");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.valid = factory.shape().fits(program);
  }

  /**
   * A gene holding {@code program}; it is {@linkplain #isValid() valid} if the program has the
   * factory's genome shape.
   *
   * @param program the allele, never null
   * @param factory makes random alleles for {@link #newInstance()}, never null
   */
  public static ProgramGene of(Program program, RandomKernels factory) {
    return new ProgramGene(program, factory);
  }

  /** A gene with a random kernel drawn with {@link RandomRegistry#random()}. */
  public static ProgramGene random(RandomKernels factory) {
    return new ProgramGene(factory.next(RandomRegistry.random()), factory);
  }

  @Override
  public Program allele() {
    return program;
  }

  /** The factory of random alleles. */
  public RandomKernels factory() {
    return factory;
  }

  @Override
  public ProgramGene newInstance() {
    return random(factory);
  }

  @Override
  public ProgramGene newInstance(Program allele) {
    return new ProgramGene(allele, factory);
  }

  /** Whether the program has the genome's shape: inputs, output types, size limits, ops. */
  @Override
  public boolean isValid() {
    return valid;
  }

  /**
   * The functional hash of the program, computed with {@code hasher} on first call and remembered.
   * Every caller must pass an equivalent hasher (the run's one).
   *
   * @param hasher the program's hash, or empty if it has none (invalid on the probes, or hashing
   *     bypassed)
   */
  public Optional<Hash128> functionKey(Function<Program, Optional<Hash128>> hasher) {
    Optional<Hash128> k = key;
    if (k == null) {
      k = Objects.requireNonNull(hasher.apply(program), "hasher returned null");
      key = k;
    }
    return k;
  }

  /**
   * Records the functional hash computed elsewhere (e.g. by a mutator that hashed the program
   * before making its gene), if none is known yet.
   *
   * @param hash the program's hash by the run's hasher, or empty if it has none; never null
   */
  public void rememberFunctionKey(Optional<Hash128> hash) {
    Objects.requireNonNull(hash, "hash");
    if (key == null) {
      key = hash;
    }
  }

  /** Whether the functional hash is already known. */
  public boolean hasFunctionKey() {
    return key != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProgramGene g && program.equals(g.program);
  }

  @Override
  public int hashCode() {
    return program.hashCode();
  }

  @Override
  public String toString() {
    return program.toString();
  }
}
