package numevo.runs.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import numevo.dsl.compile.CompiledKernel;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.FloatLiterals;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.text.TextFileException;
import numevo.dsl.text.TextFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code numevo exec FILE [--engine E] (--in V... | --inputs FILE)}: evaluates a kernel. */
@Command(
    name = "exec",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates a kernel on input tuples. Prints one line per tuple: each output as a value",
      "and its hex encoding (the format's code for f, two's complement for i32).",
      "An invalid evaluation (inexact int division, int too large) prints 'invalid: REASON'."
    })
final class ExecCommand implements Callable<Integer> {

  /** The evaluation engines; all agree bit for bit. */
  enum Engine {
    interp,
    columnar,
    compiled
  }

  /** A batch evaluation: {@code ColumnarEvaluator} or a compiled kernel. */
  @FunctionalInterface
  private interface BatchEval {
    void evaluate(Batch in, Batch out, int n);
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the kernel file")
  Path file;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "interp (reference interpreter), columnar (batch evaluator) or compiled (JVM"
              + " bytecode); all agree bit for bit; default: ${DEFAULT-VALUE}")
  Engine engine = Engine.columnar;

  static final class Source {
    @Option(
        names = "--in",
        arity = "1..*",
        paramLabel = "V",
        description =
            "input tuples: a value per kernel input, tuple after tuple (a one-input kernel:"
                + " --in 0.5 1 2 is three tuples; a two-input kernel: --in 1 2 3 4 or --in 1 2"
                + " --in 3 4 is two); --in may be repeated")
    List<String> values;

    @Option(
        names = "--inputs",
        paramLabel = "FILE",
        description =
            "a file with one input tuple per line, values separated by spaces; '#' starts a comment")
    Path inputsFile;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  private static final int CHUNK = 4096;

  @Override
  public Integer call() {
    Program p = KernelFiles.read(file).program();
    List<Object[]> tuples = source.values != null ? fromFlag(p) : fromFile(p);
    PrintWriter out = spec.commandLine().getOut();
    for (int start = 0; start < tuples.size(); start += CHUNK) {
      List<Object[]> chunk = tuples.subList(start, Math.min(tuples.size(), start + CHUNK));
      for (String line : evaluate(p, chunk)) {
        out.println(line);
      }
    }
    out.flush();
    return 0;
  }

  private List<Object[]> fromFlag(Program p) {
    int k = p.inputs().size();
    int n = source.values.size();
    if (k == 0 ? n != 1 : n % k != 0) {
      throw new UserError(
          "--in: the kernel has "
              + Plural.of(k, "input")
              + ", so give "
              + (k == 0 ? "one placeholder value" : "values in groups of " + k)
              + " (one group per tuple); got "
              + Plural.of(n, "value"),
          2);
    }
    List<Object[]> tuples = new ArrayList<>();
    for (int start = 0; start < n; start += Math.max(k, 1)) {
      Object[] t = new Object[k];
      for (int i = 0; i < k; i++) {
        t[i] =
            InputTuples.parse(
                source.values.get(start + i),
                p.inputs().get(i).type(),
                p.format(),
                "--in value " + (start + i + 1));
      }
      tuples.add(t);
    }
    return tuples;
  }

  private List<Object[]> fromFile(Program p) {
    Path f = source.inputsFile;
    List<Object[]> tuples = new ArrayList<>();
    int k = p.inputs().size();
    String text;
    try {
      text = TextFiles.read(f, TextFiles.MAX_DATA_BYTES);
    } catch (TextFileException e) {
      throw new UserError("--inputs: " + e.getMessage());
    }
    String[] lines = text.split("\\R", -1);
    for (int ln = 0; ln < lines.length; ln++) {
      String line = lines[ln];
      int lineNo = ln + 1;
      int hash = line.indexOf('#');
      String content = hash >= 0 ? line.substring(0, hash) : line;
      List<String> values = InputTuples.split(content);
      if (values.isEmpty()) {
        continue;
      }
      if (values.size() != k) {
        throw new UserError(
            f
                + ":"
                + lineNo
                + ":1: expected "
                + Plural.of(k, "value")
                + " (one per kernel input), got "
                + values.size());
      }
      Object[] t = new Object[k];
      int col = 0;
      for (int i = 0; i < k; i++) {
        col = content.indexOf(values.get(i), col);
        t[i] =
            InputTuples.parse(
                values.get(i),
                p.inputs().get(i).type(),
                p.format(),
                f + ":" + lineNo + ":" + (col + 1));
        col += values.get(i).length();
      }
      tuples.add(t);
    }
    return tuples;
  }

  private List<String> evaluate(Program p, List<Object[]> tuples) {
    List<String> lines = new ArrayList<>(tuples.size());
    switch (engine) {
      case interp -> {
        Interpreter in = Interpreter.of(p);
        for (Object[] t : tuples) {
          try {
            lines.add(formatOutputs(p, in.eval(t)));
          } catch (EvaluationException e) {
            lines.add("invalid: " + e.getMessage());
          }
        }
      }
      case columnar -> {
        int cap = Math.max(1, tuples.size());
        ColumnarEvaluator ev = ColumnarEvaluator.of(p, cap);
        evaluateBatch(p, tuples, ev::evaluate, ColumnarEvaluator.of(p, 1)::evaluate, lines);
      }
      case compiled -> {
        CompiledKernel k = KernelCompiler.compile(p);
        evaluateBatch(p, tuples, k::evaluate, k::evaluate, lines);
      }
    }
    return lines;
  }

  /**
   * Evaluates all tuples in one batch; if some point is invalid, redoes them one at a time with
   * {@code single} to find which.
   */
  private static void evaluateBatch(
      Program p, List<Object[]> tuples, BatchEval all, BatchEval single, List<String> lines) {
    int cap = Math.max(1, tuples.size());
    Batch in = Batch.of(p.inputTypes(), cap);
    Batch out = Batch.of(p.outputTypes(), cap);
    for (int i = 0; i < tuples.size(); i++) {
      for (int port = 0; port < in.ports(); port++) {
        in.set(port, i, tuples.get(i)[port]);
      }
    }
    try {
      all.evaluate(in, out, tuples.size());
      for (int i = 0; i < tuples.size(); i++) {
        lines.add(formatOutputs(p, row(out, i)));
      }
    } catch (EvaluationException e) {
      Batch in1 = Batch.of(p.inputTypes(), 1);
      Batch out1 = Batch.of(p.outputTypes(), 1);
      for (Object[] t : tuples) {
        for (int port = 0; port < in1.ports(); port++) {
          in1.set(port, 0, t[port]);
        }
        try {
          single.evaluate(in1, out1, 1);
          lines.add(formatOutputs(p, row(out1, 0)));
        } catch (EvaluationException e1) {
          lines.add("invalid: " + e1.getMessage());
        }
      }
    }
  }

  private static Object[] row(Batch out, int i) {
    Object[] r = new Object[out.ports()];
    for (int o = 0; o < r.length; o++) {
      r[o] = out.get(o, i);
    }
    return r;
  }

  /** Each output as "value hex", outputs separated by two spaces. */
  static String formatOutputs(Program p, Object[] outputs) {
    StringBuilder sb = new StringBuilder();
    NumberFormat f = p.format();
    List<Type> types = p.outputTypes();
    for (int o = 0; o < outputs.length; o++) {
      if (o > 0) {
        sb.append("  ");
      }
      switch (types.get(o)) {
        case F -> {
          double v = (Double) outputs[o];
          sb.append(FloatLiterals.format(v, f)).append(' ').append(f.hex(f.bitsOf(v)));
        }
        case I32 -> {
          int v = (Integer) outputs[o];
          sb.append(v).append(' ').append(String.format("0x%08x", v));
        }
        case INT -> {
          BigInteger v = (BigInteger) outputs[o];
          sb.append(v)
              .append(' ')
              .append(v.signum() < 0 ? "-0x" + v.negate().toString(16) : "0x" + v.toString(16));
        }
      }
    }
    return sb.toString();
  }
}
