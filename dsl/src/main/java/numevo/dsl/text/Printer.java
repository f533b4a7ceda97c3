package numevo.dsl.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.text.Overloads.Unique;

/**
 * Writes programs in the canonical text syntax: the kernel line, inputs, instructions and outputs
 * in order, one per line, single spaces, no comments. {@link Parser#parse} reads the text back to
 * an equal program.
 *
 * <p>f literals are written in the shortest form that reads back exactly in the kernel's format,
 * i32 and int literals in decimal. An instruction's literals get a type suffix ({@code 1:i32}) only
 * when without suffixes its mnemonic would be ambiguous or mean another op.
 */
public final class Printer {
  private Printer() {}

  /**
   * @param program any program, never null
   * @return its canonical text, each line ending in {@code \n}
   */
  public static String print(Program program) {
    StringBuilder sb = new StringBuilder();
    sb.append("kernel ")
        .append(program.name())
        .append(' ')
        .append(program.format().formatName())
        .append('\n');
    for (Input in : program.inputs()) {
      sb.append("input ").append(in.name()).append(" : ").append(in.type().syntax()).append('\n');
    }
    for (Instr ins : program.body()) {
      sb.append(instruction(program, ins)).append('\n');
    }
    for (Ref out : program.outputs()) {
      sb.append("output ").append(program.nameOf(out.index())).append('\n');
    }
    return sb.toString();
  }

  /**
   * One instruction as a line, without the line break.
   *
   * @param program the program it belongs to (for operand names and the format), never null
   * @param instr one of its instructions, never null
   */
  public static String instruction(Program program, Instr instr) {
    NumberFormat format = program.format();
    List<String> texts = new ArrayList<>();
    List<Set<Type>> candidates = new ArrayList<>();
    for (Operand arg : instr.args()) {
      if (arg instanceof Ref r) {
        texts.add(program.nameOf(r.index()));
        candidates.add(EnumSet.of(program.typeOf(r.index())));
      } else {
        String text = LiteralSyntax.text(arg, format);
        texts.add(text);
        candidates.add(LiteralSyntax.candidates(LiteralSyntax.classify(text)));
      }
    }
    Op op = instr.op();
    boolean suffix =
        !(Overloads.resolve(Op.overloads(op.mnemonic()), candidates) instanceof Unique u
            && u.op() == op);
    StringBuilder sb = new StringBuilder(instr.name()).append(" = ").append(op.mnemonic());
    for (int a = 0; a < texts.size(); a++) {
      sb.append(' ').append(texts.get(a));
      if (suffix && !(instr.args().get(a) instanceof Ref)) {
        sb.append(':').append(op.params().get(a).syntax());
      }
    }
    return sb.toString();
  }
}
