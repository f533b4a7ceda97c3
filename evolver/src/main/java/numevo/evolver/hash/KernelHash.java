package numevo.evolver.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.evolver.genome.Kernels;
import numevo.hashing.Evaluator;
import numevo.hashing.Hash128;
import numevo.hashing.Hasher;
import numevo.hashing.ProbeConfig;
import numevo.hashing.Signature;

/**
 * The functional hash of one kernel of any signature, for tools ({@code numevo hash}): equal
 * functions on the given input ranges get equal hashes, whatever their code. Unlike {@link
 * ProgramHasher}, which serves a search of one genome and may decline to hash, every kernel gets a
 * hash:
 *
 * <ul>
 *   <li>Dead code is removed first: it changes nothing computed.
 *   <li>Kernels without exact {@code int} values are evaluated by the {@link
 *       numevo.dsl.eval.ColumnarEvaluator}; with the same ranges and probes their hash is the one
 *       the search's {@link ProgramHasher} gives.
 *   <li>Exact-integer kernels are evaluated at random residues modulo the hashing prime: modulo the
 *       prime when their live code is ring arithmetic ({@link ProgramEvaluators#residues}), else
 *       exactly at the lifted residues (comparisons, {@code select} and conversions need the
 *       integers), the outputs reduced modulo the prime. Both give the same hash where the exact
 *       evaluation is valid.
 *   <li>A kernel invalid at some probes (an inexact or zero {@code int} division, an {@code int}
 *       too large) is hashed as a partial function: its outputs where it is valid (zero elsewhere)
 *       and, as one more i32 output, where it is valid. Two kernels invalid at the same probes and
 *       equal elsewhere hash equal, kernels invalid everywhere included; none shares a hash with a
 *       kernel valid on every probe, except by 128-bit chance.
 * </ul>
 *
 * <p>Thread-safe (stateless; each call builds its evaluators).
 */
public final class KernelHash {
  private KernelHash() {}

  /**
   * The ranges used when none are given, one per input: an {@code f} input ranges over every value
   * of the format, infinities and NaN included; an {@code i32} input over the format's codes {@code
   * 0 .. 2^bits - 1} in formats narrower than 32 bits (kernels on FP8 or 16-bit codes) and over
   * every int otherwise; an {@code int} input over the residues modulo the hashing prime (its range
   * is {@link Bounds#ALL} and ignored).
   *
   * @param format the kernel's number format
   * @param inputs the input types
   */
  public static List<Bounds> defaultRanges(NumberFormat format, List<Type> inputs) {
    List<Bounds> out = new ArrayList<>(inputs.size());
    for (Type t : inputs) {
      out.add(
          t == Type.I32 && format.bits() < 32
              ? Bounds.of(0, (1L << format.bits()) - 1)
              : Bounds.ALL);
    }
    return out;
  }

  /**
   * The hash of {@code program} on its {@linkplain #defaultRanges default ranges}.
   *
   * @param program the kernel, never null
   * @param probes the probe count and seed, never null
   */
  public static Hash128 of(Program program, ProbeConfig probes) {
    return of(program, defaultRanges(program.format(), program.inputTypes()), probes);
  }

  /**
   * The hash of {@code program} on the given input ranges.
   *
   * @param program the kernel, never null
   * @param ranges one range per input (that of an {@code int} input is ignored), never null
   * @param probes the probe count and seed, never null
   * @return the hash, never null
   * @throws IllegalArgumentException if there is not one range per input, or a range holds no value
   *     of its input's type
   */
  public static Hash128 of(Program program, List<Bounds> ranges, ProbeConfig probes) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(probes, "probes");
    if (ranges.size() != program.inputs().size()) {
      throw new IllegalArgumentException(
          "need one range per input: " + ranges.size() + " for " + program.inputs().size());
    }
    Program live = Kernels.stripDead(program);
    Signature sig = HashSignatures.of(live.format(), live.inputTypes(), ranges, live.outputTypes());
    boolean modP = ResidueEvaluator.supports(live);
    Evaluator whole = modP ? ProgramEvaluators.residues(live) : ProgramEvaluators.columnar(live);
    Optional<Hash128> h = Hasher.of(sig, probes).hash(whole);
    if (h.isPresent()) {
      return h.get();
    }
    Evaluator partial = modP ? partialModP(live) : partialExact(live);
    return Hasher.of(HashSignatures.withValidity(sig), probes).hash(partial).orElseThrow();
  }

  /** Outputs where valid and the validity column, modulo the prime. */
  private static Evaluator partialModP(Program live) {
    ResidueEvaluator eval = ResidueEvaluator.of(live);
    int m = live.outputs().size();
    return b -> {
      boolean[] invalid = eval.evaluate(b);
      long[] valid = b.output(m);
      for (int i = 0; i < invalid.length; i++) {
        if (invalid[i]) {
          for (int j = 0; j < m; j++) {
            b.output(j)[i] = 0;
          }
        } else {
          valid[i] = 1;
        }
      }
      return true;
    };
  }

  /** Outputs where valid and the validity column, by the interpreter point by point. */
  private static Evaluator partialExact(Program live) {
    Interpreter interpreter = Interpreter.of(live);
    List<Type> in = live.inputTypes();
    List<Type> outTypes = live.outputTypes();
    return b -> {
      Columns.Outputs o = new Columns.Outputs(b, outTypes);
      long[] valid = b.output(outTypes.size());
      for (int i = 0; i < b.size(); i++) {
        Object[] r;
        try {
          r = interpreter.eval(Columns.inputTuple(b, in, i));
        } catch (EvaluationException e) {
          continue;
        }
        for (int j = 0; j < r.length; j++) {
          o.set(j, i, r[j]);
        }
        valid[i] = 1;
      }
      return true;
    };
  }
}
