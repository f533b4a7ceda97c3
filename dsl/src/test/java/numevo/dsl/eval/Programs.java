package numevo.dsl.eval;

import java.util.ArrayList;
import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;

/** Small programs for evaluator tests: one instruction over the inputs. */
final class Programs {
  private Programs() {}

  /** {@code r = op(inputs...)}, with one input per operand of the op's parameter types. */
  static Program single(NumberFormat format, Op op) {
    List<Input> inputs = new ArrayList<>();
    List<Operand> args = new ArrayList<>();
    for (int i = 0; i < op.arity(); i++) {
      inputs.add(Input.of("x" + i, op.params().get(i)));
      args.add(Ref.of(i));
    }
    return Program.of(
        "t", format, inputs, List.of(new Instr("r", op, args)), List.of(Ref.of(op.arity())));
  }
}
