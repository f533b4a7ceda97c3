package numevo.dsl.export;

import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;

/**
 * Which instructions an export keeps: those an output depends on, and those that can make the
 * evaluation invalid ({@code int} add, sub and mul can exceed the size limit, {@code div} can be
 * inexact) with what they depend on. Dropping the others changes no result and no failure.
 */
final class Liveness {
  private Liveness() {}

  /** Whether evaluating the op can make numevo's evaluation invalid. */
  static boolean mayFail(Op op) {
    return op.mayFail();
  }

  /**
   * @return for each value (inputs, then instructions), whether the export computes it
   */
  static boolean[] kept(Program p) {
    boolean[] keep = new boolean[p.valueCount()];
    for (Ref r : p.outputs()) {
      keep[r.index()] = true;
    }
    int k = p.inputs().size();
    for (int i = p.body().size() - 1; i >= 0; i--) {
      Instr ins = p.body().get(i);
      if (mayFail(ins.op())) {
        keep[k + i] = true;
      }
      if (!keep[k + i]) {
        continue;
      }
      for (Operand a : ins.args()) {
        if (a instanceof Ref r) {
          keep[r.index()] = true;
        }
      }
    }
    return keep;
  }
}
