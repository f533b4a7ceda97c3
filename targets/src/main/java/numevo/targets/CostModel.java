package numevo.targets;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;

/**
 * What a kernel costs: its op count, and a weighted sum of per-op costs. Only live instructions
 * (those some output depends on) count: dead code costs nothing once compiled.
 *
 * @param name a short name of the model, e.g. {@code zen3-latency}, never null
 * @param unit the unit of {@link #cost(Program)}, e.g. {@code cycles}, never null
 * @param source where the per-op numbers come from, one line, never null
 * @param costs cost per op (copied); every op a target's primitive set allows should be listed
 * @param otherCost the cost of an op missing from {@code costs}, at least 0
 */
public record CostModel(
    String name, String unit, String source, Map<Op, Double> costs, double otherCost) {

  public CostModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(source, "source");
    costs = Map.copyOf(new EnumMap<>(costs));
    for (Map.Entry<Op, Double> e : costs.entrySet()) {
      if (!(e.getValue() >= 0)) {
        throw new IllegalArgumentException("negative or NaN cost for " + e.getKey());
      }
    }
    if (!(otherCost >= 0)) {
      throw new IllegalArgumentException("negative or NaN otherCost");
    }
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

  /** The summed cost of the live instructions of {@code p}. */
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
