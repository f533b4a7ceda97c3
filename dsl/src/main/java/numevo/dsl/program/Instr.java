package numevo.dsl.program;

import java.util.List;
import java.util.Objects;

/**
 * One SSA instruction: {@code name = op args...}. Its value has type {@code op.result()}.
 *
 * @param name the name of the value it defines, a valid identifier
 * @param op the operation, never null
 * @param args the operands (copied; the program checks count and types)
 */
public record Instr(String name, Op op, List<Operand> args) {
  public Instr {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(op, "op");
    args = List.copyOf(args);
  }

  public static Instr of(String name, Op op, Operand... args) {
    return new Instr(name, op, List.of(args));
  }
}
