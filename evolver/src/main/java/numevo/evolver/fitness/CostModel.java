package numevo.evolver.fitness;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;

/**
 * The cost of a kernel: the sum of its live instructions' op costs. Dead instructions cost nothing
 * (a compiler drops them); literals are free.
 *
 * @param costs the cost of each op (copied); ops missing cost {@code defaultCost}
 * @param defaultCost the cost of an op not in {@code costs}, finite and {@code >= 0}
 */
public record CostModel(Map<Op, Double> costs, double defaultCost) {

  /** Every op costs 1: the cost is the live op count. */
  public static final CostModel UNIT = new CostModel(Map.of(), 1.0);

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a cost is negative or not finite
   */
  public CostModel {
    Objects.requireNonNull(costs, "costs");
    Map<Op, Double> c = new EnumMap<>(Op.class);
    for (Map.Entry<Op, Double> e : costs.entrySet()) {
      check(e.getValue());
      c.put(e.getKey(), e.getValue());
    }
    // Enum order, so that the manifest prints the same every run (Map.copyOf's order varies).
    costs = Collections.unmodifiableMap(c);
    check(defaultCost);
  }

  private static void check(double c) {
    if (!(c >= 0) || Double.isInfinite(c)) {
      throw new IllegalArgumentException("op costs must be finite and >= 0: " + c);
    }
  }

  /** See the record's components. */
  public static CostModel of(Map<Op, Double> costs, double defaultCost) {
    return new CostModel(costs, defaultCost);
  }

  /** The cost of one op. */
  public double cost(Op op) {
    Double c = costs.get(op);
    return c != null ? c : defaultCost;
  }

  /** The cost of a kernel: the sum over its live instructions, in program order. */
  public double cost(Program p) {
    boolean[] live = p.liveValues();
    int k = p.inputs().size();
    double sum = 0;
    for (int i = 0; i < p.body().size(); i++) {
      if (live[k + i]) {
        sum += cost(p.body().get(i).op());
      }
    }
    return sum;
  }
}
