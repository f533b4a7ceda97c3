package numevo.runs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import numevo.dsl.program.Op;
import numevo.dsl.program.Type;
import numevo.targets.CostModel;
import numevo.targets.CostModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code numevo ops}: every op of the DSL with its operand and result types, meaning and latency
 * cost, all read from {@link Op} and {@link CostModels}.
 */
@Command(
    name = "ops",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every op of the kernel language with its types, meaning and cost. One line per",
      "overload: the mnemonic, the operands a, b, c with their types, the result type, the cost",
      "in cycles in the default latency cost model of float32 and of float64 kernels, and what",
      "it computes. Float results are rounded once to the kernel's format. See docs/LANGUAGE.md."
    })
final class OpsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private static final String[] OPERANDS = {"a", "b", "c"};

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CostModel c32 = CostModels.zen3Latency32();
    CostModel c64 = CostModels.zen3Latency64();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"op", "operands", "result", "f32", "f64", "meaning"});
    for (Op op : Op.values()) {
      rows.add(
          new String[] {
            op.mnemonic(),
            operands(op),
            op.result().syntax(),
            cost(c32, op),
            cost(c64, op),
            meaning(op)
          });
    }
    int[] width = new int[5];
    for (String[] r : rows) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      out.println(
          String.format(
                  Locale.ROOT,
                  "%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %" + width[3]
                      + "s  %" + width[4] + "s  %s",
                  (Object[]) r)
              .stripTrailing());
    }
    out.println();
    out.println(
        "cost: "
            + c32.name()
            + " ("
            + c32.unit()
            + "), "
            + c32.source()
            + "; '-': not in the model (counts "
            + fmt(c32.otherCost())
            + "; the seq target counts ops instead)");
    out.flush();
    return 0;
  }

  private static String operands(Op op) {
    List<String> parts = new ArrayList<>();
    List<Type> params = op.params();
    for (int i = 0; i < params.size(); i++) {
      parts.add(OPERANDS[i] + ":" + params.get(i).syntax());
    }
    return String.join(" ", parts);
  }

  /** The meaning, with the format restrictions the op's properties state. */
  static String meaning(Op op) {
    String m = op.meaning();
    if (op.float64Only()) {
      m += "; float64 kernels only";
    }
    if (op.needsI32Codes()) {
      m += "; formats of at most 32 bits";
    }
    return m;
  }

  private static String cost(CostModel model, Op op) {
    return model.costs().containsKey(op) ? fmt(model.costOf(op)) : "-";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
