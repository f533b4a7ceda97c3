package numevo.targets;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;

/**
 * What a kernel costs: its op count, and a weighted sum of per-op costs. Only live instructions
 * (those some output depends on) count: dead code costs nothing once compiled; literals are free.
 * This is the one cost model of numevo: targets score with it, and the search (evolver) ranks its
 * candidates with it.
 *
 * @param kind what the model measures, as {@code numevo search --cost} names it: {@code latency},
 *     {@code ops}, {@code throughput}, or a target's own kind such as {@code energy}; never null
 * @param name a short name of the model, e.g. {@code zen3-latency}, never null
 * @param unit the unit of {@link #cost(Program)}, e.g. {@code cycles}, never null
 * @param source where the per-op numbers come from, one line, never null
 * @param costs cost per op (copied); every op a target's primitive set allows should be listed
 * @param otherCost the cost of an op missing from {@code costs}, finite and at least 0
 */
public record CostModel(
    String kind, String name, String unit, String source, Map<Op, Double> costs, double otherCost) {

  /**
   * Every op costs 1: the cost is the live op count, AutoNumerics-Zero's count (each of +, -, x, /
   * one, constants free). Every other op counts 1 too (fma, neg, abs, sqrt, min, select, a
   * conversion, {@code bits}...): one per executed instruction of the kernel, so the cost equals
   * {@link #ops(Program)}.
   */
  public static final CostModel UNIT =
      new CostModel(
          "ops",
          "op-count",
          "ops",
          "one per live instruction (AutoNumerics-Zero's count; fma, neg, sqrt... 1 each too),"
              + " literals free",
          Map.of(),
          1.0);

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a cost is negative, NaN or infinite
   */
  public CostModel {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(costs, "costs");
    Map<Op, Double> c = new EnumMap<>(Op.class);
    for (Map.Entry<Op, Double> e : costs.entrySet()) {
      if (!(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
        throw new IllegalArgumentException(
            "op costs must be finite and >= 0: " + e.getKey() + " " + e.getValue());
      }
      c.put(e.getKey(), e.getValue());
    }
    // Enum order, so that whatever lists the costs lists them the same every run.
    costs = Collections.unmodifiableMap(c);
    if (!(otherCost >= 0) || Double.isInfinite(otherCost)) {
      throw new IllegalArgumentException("op costs must be finite and >= 0: " + otherCost);
    }
  }

  /**
   * The unit and the kind, as output headers show them: {@code cycles (latency)}, {@code ops},
   * {@code cycles per element (throughput)}, {@code pJ (energy)}.
   */
  public String describe() {
    return unit.equals(kind) ? unit : unit + " (" + kind + ")";
  }

  /** The cost of one op. */
  public double costOf(Op op) {
    Double c = costs.get(op);
    return c != null ? c : otherCost;
  }

  /** The number of live instructions of {@code p}. */
  public int ops(Program p) {
    boolean[] live = p.liveValues();
    int k = p.inputs().size();
    int n = 0;
    for (int i = 0; i < p.body().size(); i++) {
      if (live[k + i]) {
        n++;
      }
    }
    return n;
  }

  /** The summed cost of the live instructions of {@code p}, in program order. */
  public double cost(Program p) {
    boolean[] live = p.liveValues();
    int k = p.inputs().size();
    double c = 0;
    for (int i = 0; i < p.body().size(); i++) {
      if (live[k + i]) {
        Instr ins = p.body().get(i);
        c += costOf(ins.op());
      }
    }
    return c;
  }
}
