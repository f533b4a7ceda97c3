package numevo.runs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.ProgramException;
import numevo.dsl.text.ParsedProgram;
import numevo.dsl.text.Parser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code numevo check FILE...}: validates kernels and summarises each. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validates kernel files and summarises each: format, inputs, outputs, op count.",
      "Warnings (dead code...) go to standard error. Exit code 1 if any file is malformed."
    })
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "kernel files")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    for (Path f : files) {
      ParsedProgram parsed;
      try {
        parsed = Parser.parseFile(f);
      } catch (ProgramException e) {
        err.println("numevo: " + e.getMessage());
        failed++;
        continue;
      }
      for (String w : parsed.warnings()) {
        err.println(w);
      }
      out.println(f + ": " + summary(parsed.program()));
    }
    out.flush();
    err.flush();
    return failed == 0 ? 0 : 1;
  }

  /** One line: name, format, inputs, outputs, op count with a breakdown by mnemonic. */
  static String summary(Program p) {
    StringJoiner in = new StringJoiner(", ");
    for (Input i : p.inputs()) {
      in.add(i.name() + ": " + i.type());
    }
    StringJoiner outs = new StringJoiner(", ");
    for (Ref r : p.outputs()) {
      outs.add(p.nameOf(r.index()) + ": " + p.typeOf(r.index()));
    }
    Map<Op, Integer> counts = new EnumMap<>(Op.class);
    for (Instr ins : p.body()) {
      counts.merge(ins.op(), 1, Integer::sum);
    }
    StringJoiner ops = new StringJoiner(" ");
    counts.forEach((op, n) -> ops.add(op.mnemonic() + "(" + op.result() + ")x" + n));
    return "ok, kernel "
        + p.name()
        + ", format "
        + p.format()
        + ", inputs ("
        + in
        + "), outputs ("
        + outs
        + "), "
        + Plural.of(p.body().size(), "op")
        + (counts.isEmpty() ? "" : ": " + ops);
  }
}
