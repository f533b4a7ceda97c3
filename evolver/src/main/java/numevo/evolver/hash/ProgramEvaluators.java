package numevo.evolver.hash;

import java.util.List;
import java.util.Objects;
import numevo.dsl.compile.CompiledKernel;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.hashing.Evaluator;

/**
 * The DSL's engines as the hashing module's {@link Evaluator}s: the interpreter, the columnar
 * evaluator, a compiled kernel, and evaluation modulo a prime. All follow the same conventions
 * (those of {@link Columns}: {@code int} probes are residues, lifted to the integer of least
 * magnitude; {@code int} outputs are hashed as residues), so one function hashes the same whichever
 * engine computes it, and the same as a hand-written {@link Evaluator} lambda.
 *
 * <p>The evaluators run the program as given: dead code included (the interpreter runs it, so a
 * dead instruction that is invalid makes the evaluation invalid; {@link KernelHash} strips dead
 * code first). An evaluation that is invalid at some probe ({@link EvaluationException}) returns
 * false, so the candidate gets no hash. The evaluators keep scratch columns: use each on one thread
 * at a time.
 */
public final class ProgramEvaluators {
  private ProgramEvaluators() {}

  /**
   * The reference {@link Interpreter}, one probe at a time (slow; for tests and cross-checks).
   *
   * @param program the program, never null
   */
  public static Evaluator interpreted(Program program) {
    Interpreter interpreter = Interpreter.of(Objects.requireNonNull(program, "program"));
    List<Type> in = program.inputTypes();
    List<Type> out = program.outputTypes();
    return b -> {
      Columns.Outputs o = new Columns.Outputs(b, out);
      try {
        for (int i = 0; i < b.size(); i++) {
          Object[] r = interpreter.eval(Columns.inputTuple(b, in, i));
          for (int j = 0; j < r.length; j++) {
            o.set(j, i, r[j]);
          }
        }
      } catch (EvaluationException e) {
        return false;
      }
      return true;
    };
  }

  /**
   * The {@link ColumnarEvaluator}, all probes at once (what the search hashes with).
   *
   * @param program the program, never null
   */
  public static Evaluator columnar(Program program) {
    Objects.requireNonNull(program, "program");
    ColumnarEvaluator[] eval = new ColumnarEvaluator[1];
    return overColumns(
        program,
        (in, out, n) -> {
          if (eval[0] == null || eval[0].capacity() < n) {
            eval[0] = ColumnarEvaluator.of(program, n);
          }
          eval[0].evaluate(in, out, n);
        });
  }

  /**
   * A kernel compiled by {@link numevo.dsl.compile.KernelCompiler}, all probes at once.
   *
   * @param kernel the kernel, never null
   */
  public static Evaluator compiled(CompiledKernel kernel) {
    Objects.requireNonNull(kernel, "kernel");
    return overColumns(kernel.program(), kernel::evaluate);
  }

  /**
   * Evaluation modulo the hashing prime, for exact-integer kernels: see {@link ResidueEvaluator}.
   * Only the live code is evaluated. Where the exact evaluation is valid the hash is the same as
   * the other engines'; a division that would be inexact is a multiplication by an inverse here,
   * not an invalid evaluation.
   *
   * @param program a program whose live code is {@code int} {@code add}, {@code sub}, {@code mul},
   *     {@code neg} and {@code div}, with {@code int} outputs
   * @throws IllegalArgumentException if the program's live code is anything else
   * @see #supportsResidues(Program)
   */
  public static Evaluator residues(Program program) {
    ResidueEvaluator eval = ResidueEvaluator.of(Objects.requireNonNull(program, "program"));
    return b -> {
      for (boolean bad : eval.evaluate(b)) {
        if (bad) {
          return false;
        }
      }
      return true;
    };
  }

  /** Whether {@link #residues(Program)} accepts the program. */
  public static boolean supportsResidues(Program program) {
    return ResidueEvaluator.supports(Objects.requireNonNull(program, "program"));
  }

  /** An engine that evaluates columns, as {@link ColumnarEvaluator} and compiled kernels do. */
  private interface ColumnEngine {
    void evaluate(Batch in, Batch out, int n);
  }

  private static Evaluator overColumns(Program program, ColumnEngine engine) {
    List<Type> inTypes = program.inputTypes();
    List<Type> outTypes = program.outputTypes();
    Batch[] scratch = new Batch[2];
    return b -> {
      int n = b.size();
      if (scratch[0] == null || scratch[0].capacity() < n) {
        scratch[0] = Batch.of(inTypes, n);
        scratch[1] = Batch.of(outTypes, n);
      }
      Columns.copyInputs(b, inTypes, scratch[0]);
      Columns.Outputs o = new Columns.Outputs(b, outTypes);
      try {
        engine.evaluate(scratch[0], scratch[1], n);
      } catch (EvaluationException e) {
        return false;
      }
      o.copyFrom(scratch[1], n);
      return true;
    };
  }
}
