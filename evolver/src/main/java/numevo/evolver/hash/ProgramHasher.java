package numevo.evolver.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.evolver.genome.GenomeConfig;
import numevo.evolver.genome.Kernels;
import numevo.hashing.Codomain;
import numevo.hashing.Domain;
import numevo.hashing.FloatFormat;
import numevo.hashing.Hash128;
import numevo.hashing.Hasher;
import numevo.hashing.IntDomain;
import numevo.hashing.ModP;
import numevo.hashing.Signature;

/**
 * The functional hash of kernels of one genome: the hashing module's {@link Hasher}, fed through an
 * adapter that runs a program with the {@link ColumnarEvaluator} on the probe points. The hashing
 * signature is built from the genome's input and output types, the configured input ranges and the
 * format. Immutable and thread-safe (each thread has its own scratch columns and evaluator).
 *
 * <p>A genome whose inputs and outputs are all exact {@code int}s (the sequence target's
 * recurrences) is hashed modulo the prime {@link ModP#P} instead ({@link ResidueEvaluator},
 * polynomial code only): a program made of {@code add}, {@code sub}, {@code mul} and {@code neg}
 * computes an integer polynomial, and two different polynomials agree at random residues with
 * negligible probability, so equal hashes mean equal functions on every input, the data's included.
 * A program with any other live op ({@code div}, whose exactness depends on the data; comparisons
 * and {@code select}, which have no meaning modulo a prime) gets no hash and is scored uncached.
 *
 * <p>A program gets no hash (empty) when hashing is disabled, when the genome mixes exact {@code
 * int} with other types, when (in an all-{@code int} genome) it uses an op outside the polynomial
 * ones, or when its evaluation on the probes is invalid.
 */
public final class ProgramHasher {
  private final Hasher hasher;
  private final int inputs;
  private final ThreadLocal<Scratch> scratch;
  private final boolean modP;

  /** A thread's probe columns and its evaluator, reset to each program hashed. */
  private static final class Scratch {
    final Batch in;
    final Batch out;
    ColumnarEvaluator eval;

    Scratch(Batch in, Batch out) {
      this.in = in;
      this.out = out;
    }
  }

  private ProgramHasher(GenomeConfig genome, HashConfig config) {
    this.inputs = genome.inputs().size();
    boolean exactInt =
        genome.inputTypes().contains(Type.INT) || genome.outputTypes().contains(Type.INT);
    this.modP =
        exactInt
            && genome.inputTypes().stream().allMatch(t -> t == Type.INT)
            && genome.outputTypes().stream().allMatch(t -> t == Type.INT);
    if (!config.enabled() || (exactInt && !modP)) {
      this.hasher = null;
      this.scratch = null;
      return;
    }
    if (modP) {
      List<Domain> domains = new ArrayList<>();
      for (int i = 0; i < inputs; i++) {
        domains.add(IntDomain.RESIDUES);
      }
      List<Codomain> codomains = new ArrayList<>();
      for (int j = 0; j < genome.outputTypes().size(); j++) {
        codomains.add(Codomain.INT);
      }
      this.hasher = Hasher.of(Signature.of(domains, codomains), config.probes());
      this.scratch = null;
      return;
    }
    if (!config.inputs().isEmpty() && config.inputs().size() != inputs) {
      throw new IllegalArgumentException(
          "hash ranges for " + config.inputs().size() + " inputs, the genome has " + inputs);
    }
    this.hasher =
        Hasher.of(
            HashSignatures.of(
                genome.format(), genome.inputTypes(), config.inputs(), genome.outputTypes()),
            config.probes());
    int count = config.probes().count();
    List<Type> in = genome.inputTypes();
    List<Type> out = genome.outputTypes();
    this.scratch =
        ThreadLocal.withInitial(() -> new Scratch(Batch.of(in, count), Batch.of(out, count)));
  }

  /**
   * @param genome the kernels' shape, never null
   * @param config the hashing settings, never null
   * @throws IllegalArgumentException if the ranges do not match the inputs or admit no probe
   */
  public static ProgramHasher of(GenomeConfig genome, HashConfig config) {
    return new ProgramHasher(
        Objects.requireNonNull(genome, "genome"), Objects.requireNonNull(config, "config"));
  }

  /** The hashing module's description of a DSL number format. */
  public static FloatFormat floatFormat(NumberFormat f) {
    return FloatFormat.of(
        f.formatName(), f::round, f::bitsOf, f.minSubnormal(), f.minNormal(), f.maxFinite());
  }

  /** Whether programs are hashed modulo a prime (an all-{@code int} genome). */
  public boolean modular() {
    return hasher != null && modP;
  }

  /** Whether programs are hashed at all. */
  public boolean enabled() {
    return hasher != null;
  }

  /**
   * The functional hash of a program of the genome.
   *
   * @param program a program of the genome's shape
   * @return its hash; empty if hashing is off or bypassed, or the program is invalid on the probes
   */
  public Optional<Hash128> hash(Program program) {
    if (hasher == null) {
      return Optional.empty();
    }
    if (modP) {
      Program live = Kernels.stripDead(program);
      if (!ResidueEvaluator.isPolynomial(live)) {
        return Optional.empty();
      }
      return hasher.hash(ProgramEvaluators.residues(live));
    }
    Scratch s = scratch.get();
    Batch in = s.in;
    Batch out = s.out;
    // Dead code changes nothing computed; skipping it makes bloated kernels cheap to hash.
    Program live = Kernels.stripDead(program);
    ColumnarEvaluator eval =
        s.eval == null ? ColumnarEvaluator.of(live, in.capacity()) : s.eval.reset(live);
    s.eval = eval;
    return hasher.hash(
        batch -> {
          int n = batch.size();
          for (int p = 0; p < inputs; p++) {
            switch (in.type(p)) {
              case F -> System.arraycopy(batch.floatInput(p), 0, in.f(p), 0, n);
              case I32 -> System.arraycopy(batch.i32Input(p), 0, in.i32(p), 0, n);
              case INT -> throw new AssertionError("int inputs bypass hashing");
            }
          }
          try {
            eval.evaluate(in, out, n);
          } catch (EvaluationException e) {
            return false;
          }
          for (int j = 0; j < out.ports(); j++) {
            switch (out.type(j)) {
              case F -> System.arraycopy(out.f(j), 0, batch.floatOutput(j), 0, n);
              case I32 -> {
                long[] w = batch.output(j);
                int[] v = out.i32(j);
                for (int i = 0; i < n; i++) {
                  w[i] = v[i];
                }
              }
              case INT -> throw new AssertionError("int outputs bypass hashing");
            }
          }
          return true;
        });
  }
}
