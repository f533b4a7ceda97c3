package numevo.dsl.simd;

import java.util.List;
import java.util.Objects;
import numevo.dsl.compile.CompiledKernel;
import numevo.dsl.compile.Float32Binary;
import numevo.dsl.compile.Float32Unary;
import numevo.dsl.compile.I32Binary;
import numevo.dsl.eval.Batch;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * A kernel of the SIMD backend: the array and batch methods run the generated vector loop; the
 * per-point methods and {@link #eval} run the scalar compiled kernel of the same program (one point
 * is no work for vectors). Thread-safe: the loop holds no state, and {@link #evaluate} converts its
 * {@code double} columns through buffers allocated per call.
 */
abstract sealed class SimdKernel implements CompiledKernel
    permits SimdKernel.Generic, SimdKernel.Unary, SimdKernel.Binary, SimdKernel.Codes {

  /** Points per chunk when {@link #evaluate} converts {@code f} columns to {@code float[]}. */
  static final int CHUNK = 4096;

  final Program program;
  final SimdLoop loop;
  final CompiledKernel scalar;
  private final List<Type> inputTypes;
  private final List<Type> outputTypes;

  SimdKernel(Program program, SimdLoop loop, CompiledKernel scalar) {
    this.program = program;
    this.loop = loop;
    this.scalar = scalar;
    this.inputTypes = program.inputTypes();
    this.outputTypes = program.outputTypes();
  }

  /** The kernel of the most specialized shape for {@code program}. */
  static SimdKernel of(Program program, SimdLoop loop, CompiledKernel scalar) {
    if (scalar instanceof Float32Unary) {
      return new Unary(program, loop, scalar);
    }
    if (scalar instanceof Float32Binary) {
      return new Binary(program, loop, scalar);
    }
    if (scalar instanceof I32Binary) {
      return new Codes(program, loop, scalar);
    }
    return new Generic(program, loop, scalar);
  }

  @Override
  public final Program program() {
    return program;
  }

  @Override
  public final Object[] eval(Object... inputs) {
    return scalar.eval(inputs);
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
    int k = inputTypes.size();
    int chunk = Math.min(n, CHUNK);
    Object[] cols = new Object[k + outputTypes.size()];
    for (int q = 0; q < cols.length; q++) {
      Type t = q < k ? inputTypes.get(q) : outputTypes.get(q - k);
      cols[q] = t == Type.F ? new float[chunk] : new int[chunk];
    }
    for (int start = 0; start < n; start += chunk) {
      int len = Math.min(chunk, n - start);
      for (int q = 0; q < k; q++) {
        if (cols[q] instanceof float[] f) {
          double[] src = in.f(q);
          for (int i = 0; i < len; i++) {
            f[i] = (float) src[start + i];
          }
        } else {
          System.arraycopy(in.i32(q), start, cols[q], 0, len);
        }
      }
      loop.columns(cols, len);
      for (int o = 0; o < outputTypes.size(); o++) {
        if (cols[k + o] instanceof float[] f) {
          double[] dst = out.f(o);
          for (int i = 0; i < len; i++) {
            dst[start + i] = f[i];
          }
        } else {
          System.arraycopy(cols[k + o], 0, out.i32(o), start, len);
        }
      }
    }
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

  @Override
  public String toString() {
    return "SimdKernel[" + program.name() + ", " + SimdOps.F + "]";
  }

  /** No specialized shape. */
  static final class Generic extends SimdKernel {
    Generic(Program program, SimdLoop loop, CompiledKernel scalar) {
      super(program, loop, scalar);
    }
  }

  /** One {@code f} input and output. */
  static final class Unary extends SimdKernel implements Float32Unary {
    private final Float32Unary one;

    Unary(Program program, SimdLoop loop, CompiledKernel scalar) {
      super(program, loop, scalar);
      this.one = (Float32Unary) scalar;
    }

    @Override
    public float apply(float x) {
      return one.apply(x);
    }

    @Override
    public void apply(float[] xs, float[] ys, int n) {
      Objects.checkFromIndexSize(0, n, xs.length);
      Objects.checkFromIndexSize(0, n, ys.length);
      loop.unary(xs, ys, n);
    }
  }

  /** Two {@code f} inputs, one output. */
  static final class Binary extends SimdKernel implements Float32Binary {
    private final Float32Binary one;

    Binary(Program program, SimdLoop loop, CompiledKernel scalar) {
      super(program, loop, scalar);
      this.one = (Float32Binary) scalar;
    }

    @Override
    public float apply(float x, float y) {
      return one.apply(x, y);
    }

    @Override
    public void apply(float[] xs, float[] ys, float[] rs, int n) {
      Objects.checkFromIndexSize(0, n, xs.length);
      Objects.checkFromIndexSize(0, n, ys.length);
      Objects.checkFromIndexSize(0, n, rs.length);
      loop.binary(xs, ys, rs, n);
    }
  }

  /** Two {@code i32} inputs, one output. */
  static final class Codes extends SimdKernel implements I32Binary {
    private final I32Binary one;

    Codes(Program program, SimdLoop loop, CompiledKernel scalar) {
      super(program, loop, scalar);
      this.one = (I32Binary) scalar;
    }

    @Override
    public int apply(int a, int b) {
      return one.apply(a, b);
    }

    @Override
    public void apply(int[] as, int[] bs, int[] rs, int n) {
      Objects.checkFromIndexSize(0, n, as.length);
      Objects.checkFromIndexSize(0, n, bs.length);
      Objects.checkFromIndexSize(0, n, rs.length);
      loop.codes(as, bs, rs, n);
    }
  }
}
