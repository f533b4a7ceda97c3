package numevo.dsl.compile;

import java.util.List;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * The superclass of every generated kernel class: the program, argument checks, and the exact slow
 * path (the interpreter) for points whose {@code int} values leave 64 bits. Generated subclasses
 * implement {@link #evaluateColumns} and, for the specialized shapes, the primitive methods.
 */
abstract class KernelBase implements CompiledKernel {
  private final Program program;
  private final Interpreter interpreter;
  private final List<Type> inputTypes;
  private final List<Type> outputTypes;

  /** Called by the generated constructor. */
  KernelBase(Program program) {
    this.program = program;
    this.interpreter = Interpreter.of(program);
    this.inputTypes = program.inputTypes();
    this.outputTypes = program.outputTypes();
  }

  @Override
  public final Program program() {
    return program;
  }

  @Override
  public final void evaluate(Batch in, Batch out, int n) {
    checkShape("input", in, inputTypes);
    checkShape("output", out, outputTypes);
    if (n < 0 || (in.ports() > 0 && n > in.capacity()) || n > out.capacity()) {
      throw new IllegalArgumentException(
          "n = "
              + n
              + " outside [0, capacity] (input capacity "
              + in.capacity()
              + ", output capacity "
              + out.capacity()
              + ")");
    }
    evaluateColumns(in, out, n);
  }

  private static void checkShape(String what, Batch b, List<Type> types) {
    boolean ok = b.ports() == types.size();
    for (int p = 0; ok && p < types.size(); p++) {
      ok = b.type(p) == types.get(p);
    }
    if (!ok) {
      throw new IllegalArgumentException(
          what + " batch does not match the program's " + what + " types " + types);
    }
  }

  /**
   * The generated batch loop; arguments already checked.
   *
   * @param in input columns
   * @param out output columns
   * @param n number of points
   */
  abstract void evaluateColumns(Batch in, Batch out, int n);

  @Override
  public final Object[] eval(Object... inputs) {
    if (inputs.length != inputTypes.size()) {
      throw new IllegalArgumentException(
          "expected " + inputTypes.size() + " inputs, got " + inputs.length);
    }
    Batch in = Batch.of(inputTypes, 1);
    for (int p = 0; p < inputs.length; p++) {
      in.set(p, 0, inputs[p]);
    }
    Batch out = Batch.of(outputTypes, 1);
    evaluateColumns(in, out, 1);
    Object[] r = new Object[outputTypes.size()];
    for (int o = 0; o < r.length; o++) {
      r[o] = out.get(o, 0);
    }
    return r;
  }

  // The slow paths: the interpreter redoes a point whose int values leave 64 bits.

  final void slowPoint(Batch in, Batch out, int i) {
    Object[] tuple = new Object[in.ports()];
    for (int p = 0; p < tuple.length; p++) {
      tuple[p] = in.get(p, i);
    }
    Object[] r = interpreter.eval(tuple);
    for (int o = 0; o < r.length; o++) {
      out.set(o, i, r[o]);
    }
  }

  final float slowFloat32(float x) {
    return (float) (double) (Double) interpreter.eval((double) x)[0];
  }

  final float slowFloat32(float x, float y) {
    return (float) (double) (Double) interpreter.eval((double) x, (double) y)[0];
  }

  final double slowDouble(double x) {
    return (Double) interpreter.eval(x)[0];
  }

  final double slowDouble(double x, double y) {
    return (Double) interpreter.eval(x, y)[0];
  }

  final int slowI32(int a, int b) {
    return (Integer) interpreter.eval(a, b)[0];
  }

  @Override
  public String toString() {
    return "CompiledKernel[" + program.name() + ", " + program.format() + "]";
  }
}
