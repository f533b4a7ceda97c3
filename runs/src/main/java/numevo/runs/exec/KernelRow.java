package numevo.runs.exec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import numevo.dsl.program.Program;
import numevo.evolver.genome.Kernels;
import numevo.targets.Method;
import numevo.targets.Metric;
import numevo.targets.Score;
import numevo.targets.Target;
import numevo.targets.lmul.LmulTarget;
import numevo.targets.seq.SeqTarget;

/**
 * One kernel as a search's results show it: a front entry or a baseline. The front's text table,
 * the baselines' table, {@code front.tsv}, {@code baselines.tsv} and {@code --json} are all written
 * from these records, so each field has one definition.
 *
 * @param name the baseline's name; null for a front entry
 * @param program the kernel shown: constants folded ({@link Kernels#foldConstants})
 * @param cost the cost by the search's cost model: as recorded on the front for a front entry (the
 *     cost of the kernel as the search found it, before folding)
 * @param trainError the error on the search's training sample, by the search's objective: as
 *     recorded for a front entry; NaN where a baseline cannot be scored on it
 * @param check the kernel re-scored (the check): exhaustively, or on the validation sample
 * @param extras the family's headline metrics beside the objective, in column order: L-Mul's {@code
 *     mean_rel}, {@code excluded}, {@code exact}; seq's {@code heldout_matched}, {@code
 *     heldout_terms}; none for float targets
 * @param generation the generation that found a front entry; 0 for a baseline
 * @param island the island that found a front entry; -1 for a baseline
 */
record KernelRow(
    String name,
    Program program,
    double cost,
    double trainError,
    Score check,
    Map<String, Double> extras,
    long generation,
    int island) {

  KernelRow {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(check, "check");
    extras = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  /** The op count of the kernel shown, as the target's cost model counts ops. */
  int ops() {
    return check.ops();
  }

  /** The check's error, by the target's objective. */
  double checkError() {
    return check.error();
  }

  /** {@code exhaustive} or {@code sampled}. */
  String checkMethod() {
    return check.method().key();
  }

  /** The points the check evaluated. */
  long checkPoints() {
    return check.points();
  }

  /** The kernel's instructions and outputs on one line. */
  String kernelText() {
    return FrontOutput.oneLine(program);
  }

  /** The keys of the family's extras, in column order (see the record's {@code extras}). */
  static java.util.List<String> extraKeys(Target t) {
    if (t.objective().equals(LmulTarget.LOSS)) {
      return java.util.List.of("mean_rel", "excluded", "exact");
    }
    if (t instanceof SeqTarget) {
      return java.util.List.of("heldout_matched", "heldout_terms");
    }
    return java.util.List.of();
  }

  /** The family's extras of a check score (see the record's {@code extras}). */
  static Map<String, Double> extras(Target t, Score s) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (t.objective().equals(LmulTarget.LOSS)) {
      m.put("mean_rel", s.value(Metric.MEAN_REL_ERR).orElse(Double.NaN));
      m.put("excluded", s.value("excluded").orElse(0));
      m.put("exact", s.value(Metric.EXACT_FRACTION).orElse(Double.NaN));
    } else if (t instanceof SeqTarget) {
      m.put("heldout_matched", s.value(Metric.HELDOUT_MATCHED).orElse(0));
      m.put("heldout_terms", s.value("heldout_terms").orElse(0));
    }
    return m;
  }

  /** Whether the check was exhaustive. */
  boolean exhaustive() {
    return check.method() == Method.EXHAUSTIVE;
  }
}
