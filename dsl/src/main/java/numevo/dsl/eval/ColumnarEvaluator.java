package numevo.dsl.eval;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * Evaluates one program over many points at once: one primitive column per SSA value and per
 * distinct literal, each instruction a tight loop over the points. Columns are allocated once, at
 * construction, for {@code capacity} points and reused by every call: no boxing and no allocation
 * per point. Agrees bit for bit with {@link Interpreter}.
 *
 * <p>float32 kernels use {@code float[]} columns and Java float arithmetic; other formats use
 * {@code double[]} columns with one rounding per op. {@code int} values take a 64-bit fast path;
 * points that leave it are redone exactly by the interpreter.
 *
 * <p>Not thread-safe: give each thread its own evaluator.
 */
public final class ColumnarEvaluator {
  private final Program program;
  private final NumberFormat format;
  private final boolean f32;
  private final int capacity;
  private final Interpreter slowPath;

  // Slot s holds value s (inputs, then instructions), then the distinct literals.
  private final float[][] fs;
  private final double[][] ds;
  private final int[][] is;
  private final long[][] zs;
  private final boolean[] big;
  private final boolean hasInt;
  private final boolean hasBigLiteral;

  private final Op[] ops;
  private final int[] dst;
  private final int[][] args;
  // Per instruction and operand: whether the operand is a literal, and its float32 value.
  private final boolean[][] isLit;
  private final float[][] litF;
  private final int[] outSlots;

  private ColumnarEvaluator(Program program, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.program = program;
    this.format = program.format();
    this.f32 = format == NumberFormat.FLOAT32;
    this.capacity = capacity;
    this.slowPath = Interpreter.of(program);

    Map<Operand, Integer> literals = new LinkedHashMap<>();
    int values = program.valueCount();
    List<Instr> body = program.body();
    ops = new Op[body.size()];
    dst = new int[body.size()];
    args = new int[body.size()][];
    isLit = new boolean[body.size()][];
    litF = new float[body.size()][];
    for (int i = 0; i < body.size(); i++) {
      Instr ins = body.get(i);
      ops[i] = ins.op();
      dst[i] = program.inputs().size() + i;
      args[i] = new int[ins.args().size()];
      isLit[i] = new boolean[args[i].length];
      litF[i] = new float[args[i].length];
      for (int a = 0; a < args[i].length; a++) {
        Operand o = ins.args().get(a);
        isLit[i][a] = !(o instanceof Ref);
        if (o instanceof FloatLit l) {
          litF[i][a] = (float) l.value();
        }
        args[i][a] =
            o instanceof Ref r
                ? r.index()
                : literals.computeIfAbsent(o, x -> values + literals.size());
      }
    }
    int slots = values + literals.size();
    fs = new float[slots][];
    ds = new double[slots][];
    is = new int[slots][];
    zs = new long[slots][];
    boolean anyInt = false;
    boolean anyBigLiteral = false;
    for (int s = 0; s < values; s++) {
      Type t = program.typeOf(s);
      allocate(s, t);
      anyInt |= t == Type.INT;
    }
    for (Map.Entry<Operand, Integer> e : literals.entrySet()) {
      int s = e.getValue();
      switch (e.getKey()) {
        case FloatLit l -> {
          allocate(s, Type.F);
          if (f32) {
            Arrays.fill(fs[s], (float) l.value());
          } else {
            Arrays.fill(ds[s], l.value());
          }
        }
        case I32Lit l -> {
          allocate(s, Type.I32);
          Arrays.fill(is[s], l.value());
        }
        case IntLit l -> {
          anyInt = true;
          anyBigLiteral |= l.value().bitLength() >= 64;
          allocate(s, Type.INT);
          // A literal beyond 64 bits sends every point to the exact path.
          Arrays.fill(zs[s], l.value().bitLength() < 64 ? l.value().longValue() : 0L);
        }
        case Ref r -> throw new AssertionError(r);
      }
    }
    hasInt = anyInt;
    hasBigLiteral = anyBigLiteral;
    big = anyInt ? new boolean[capacity] : null;
    outSlots = program.outputs().stream().mapToInt(Ref::index).toArray();
  }

  private void allocate(int slot, Type t) {
    switch (t) {
      case F -> {
        if (f32) {
          fs[slot] = new float[capacity];
        } else {
          ds[slot] = new double[capacity];
        }
      }
      case I32 -> is[slot] = new int[capacity];
      case INT -> zs[slot] = new long[capacity];
    }
  }

  /**
   * An evaluator for {@code program} with columns of {@code capacity} points.
   *
   * @param program the program, never null
   * @param capacity the most points one call may evaluate, at least 1
   */
  public static ColumnarEvaluator of(Program program, int capacity) {
    return new ColumnarEvaluator(program, capacity);
  }

  /** The program evaluated. */
  public Program program() {
    return program;
  }

  /** The most points one call may evaluate. */
  public int capacity() {
    return capacity;
  }

  /** A batch shaped for this program's inputs, with this evaluator's capacity. */
  public Batch newInputBatch() {
    return Batch.of(program.inputTypes(), capacity);
  }

  /** A batch shaped for this program's outputs, with this evaluator's capacity. */
  public Batch newOutputBatch() {
    return Batch.of(program.outputTypes(), capacity);
  }

  /**
   * Evaluates points {@code 0 .. n-1} of {@code in} into {@code out}. {@code f} inputs are rounded
   * to the format first.
   *
   * @param in input columns shaped like the program's inputs
   * @param out output columns shaped like the program's outputs
   * @param n number of points, in {@code [0, capacity]}
   * @throws EvaluationException if the evaluation of some point is invalid
   */
  public void evaluate(Batch in, Batch out, int n) {
    if (n < 0 || n > capacity) {
      throw new IllegalArgumentException("n = " + n + " outside [0, " + capacity + "]");
    }
    boolean anyBig = false;
    if (hasInt) {
      Arrays.fill(big, 0, n, false);
    }
    for (int p = 0; p < in.ports(); p++) {
      anyBig |= loadInput(in, p, n);
    }
    if (hasBigLiteral) {
      Arrays.fill(big, 0, n, true);
      anyBig = true;
    }
    for (int i = 0; i < ops.length; i++) {
      if (!(f32 && stepFloat32Literal(ops[i], args[i], isLit[i], litF[i], dst[i], n))) {
        step(ops[i], args[i], dst[i], n);
      }
    }
    for (int o = 0; o < outSlots.length; o++) {
      storeOutput(out, o, outSlots[o], n);
    }
    if (hasInt) {
      for (int i = 0; i < n; i++) {
        anyBig |= big[i];
      }
      if (anyBig) {
        redoExactly(in, out, n);
      }
    }
  }

  private boolean loadInput(Batch in, int p, int n) {
    switch (program.inputs().get(p).type()) {
      case F -> {
        double[] src = in.f(p);
        if (f32) {
          float[] d = fs[p];
          for (int i = 0; i < n; i++) {
            d[i] = (float) src[i];
          }
        } else {
          double[] d = ds[p];
          for (int i = 0; i < n; i++) {
            d[i] = format.round(src[i]);
          }
        }
        return false;
      }
      case I32 -> {
        System.arraycopy(in.i32(p), 0, is[p], 0, n);
        return false;
      }
      case INT -> {
        System.arraycopy(in.intSmall(p), 0, zs[p], 0, n);
        BigInteger[] b = in.intBig(p);
        boolean any = false;
        for (int i = 0; i < n; i++) {
          if (b[i] != null) {
            big[i] = true;
            any = true;
          }
        }
        return any;
      }
    }
    throw new AssertionError();
  }

  private void storeOutput(Batch out, int o, int slot, int n) {
    switch (program.typeOf(slot)) {
      case F -> {
        double[] d = out.f(o);
        if (f32) {
          float[] s = fs[slot];
          for (int i = 0; i < n; i++) {
            d[i] = s[i];
          }
        } else {
          System.arraycopy(ds[slot], 0, d, 0, n);
        }
      }
      case I32 -> System.arraycopy(is[slot], 0, out.i32(o), 0, n);
      case INT -> {
        System.arraycopy(zs[slot], 0, out.intSmall(o), 0, n);
        Arrays.fill(out.intBig(o), 0, n, null);
      }
    }
  }

  private void redoExactly(Batch in, Batch out, int n) {
    Object[] tuple = new Object[in.ports()];
    for (int i = 0; i < n; i++) {
      if (!big[i]) {
        continue;
      }
      for (int p = 0; p < tuple.length; p++) {
        tuple[p] = in.get(p, i);
      }
      Object[] r = slowPath.eval(tuple);
      for (int o = 0; o < r.length; o++) {
        out.set(o, i, r[o]);
      }
    }
  }

  private void step(Op op, int[] a, int r, int n) {
    if (f32) {
      if (stepFloat32(op, a, r, n)) {
        return;
      }
    } else if (stepFormat(op, a, r, n)) {
      return;
    }
    switch (op) {
      case IADD -> I32Loops.add(is[a[0]], is[a[1]], is[r], n);
      case ISUB -> I32Loops.sub(is[a[0]], is[a[1]], is[r], n);
      case IMUL -> I32Loops.mul(is[a[0]], is[a[1]], is[r], n);
      case INEG -> I32Loops.neg(is[a[0]], is[r], n);
      case ISHL -> I32Loops.shl(is[a[0]], is[a[1]], is[r], n);
      case ISHR -> I32Loops.shr(is[a[0]], is[a[1]], is[r], n);
      case IUSHR -> I32Loops.ushr(is[a[0]], is[a[1]], is[r], n);
      case IAND -> I32Loops.and(is[a[0]], is[a[1]], is[r], n);
      case IOR -> I32Loops.or(is[a[0]], is[a[1]], is[r], n);
      case IXOR -> I32Loops.xor(is[a[0]], is[a[1]], is[r], n);
      case ILT -> I32Loops.lt(is[a[0]], is[a[1]], is[r], n);
      case ILE -> I32Loops.le(is[a[0]], is[a[1]], is[r], n);
      case IEQ -> I32Loops.eq(is[a[0]], is[a[1]], is[r], n);
      case ISELECT -> I32Loops.select(is[a[0]], is[a[1]], is[a[2]], is[r], n);
      case ZADD -> IntLoops.add(zs[a[0]], zs[a[1]], zs[r], big, n);
      case ZSUB -> IntLoops.sub(zs[a[0]], zs[a[1]], zs[r], big, n);
      case ZMUL -> IntLoops.mul(zs[a[0]], zs[a[1]], zs[r], big, n);
      case ZNEG -> IntLoops.neg(zs[a[0]], zs[r], big, n);
      case ZDIV -> IntLoops.div(zs[a[0]], zs[a[1]], zs[r], big, n);
      case ZLT -> IntLoops.lt(zs[a[0]], zs[a[1]], is[r], n);
      case ZLE -> IntLoops.le(zs[a[0]], zs[a[1]], is[r], n);
      case ZEQ -> IntLoops.eq(zs[a[0]], zs[a[1]], is[r], n);
      case ZSELECT -> IntLoops.select(is[a[0]], zs[a[1]], zs[a[2]], zs[r], n);
      case TOINT -> IntLoops.toint(is[a[0]], zs[r], n);
      default -> throw new AssertionError("unhandled op " + op);
    }
  }

  /** The float32 ops with a literal operand that have a scalar loop; false for the others. */
  private boolean stepFloat32Literal(Op op, int[] a, boolean[] lit, float[] k, int r, int n) {
    if (lit.length < 2 || !(lit[0] || lit[1] || (lit.length == 3 && lit[2]))) {
      return false;
    }
    float[] res = fs[r];
    switch (op) {
      case FADD -> {
        if (lit[1]) {
          Float32Loops.addK(fs[a[0]], k[1], res, n);
        } else if (lit[0]) {
          Float32Loops.addK(fs[a[1]], k[0], res, n);
        } else {
          return false;
        }
      }
      case FMUL -> {
        if (lit[1]) {
          Float32Loops.mulK(fs[a[0]], k[1], res, n);
        } else if (lit[0]) {
          Float32Loops.mulK(fs[a[1]], k[0], res, n);
        } else {
          return false;
        }
      }
      case FSUB -> {
        if (lit[1]) {
          Float32Loops.subK(fs[a[0]], k[1], res, n);
        } else if (lit[0]) {
          Float32Loops.kSub(k[0], fs[a[1]], res, n);
        } else {
          return false;
        }
      }
      case FDIV -> {
        if (lit[1]) {
          Float32Loops.divK(fs[a[0]], k[1], res, n);
        } else if (lit[0]) {
          Float32Loops.kDiv(k[0], fs[a[1]], res, n);
        } else {
          return false;
        }
      }
      case FFMA -> {
        // fma is symmetric in its first two operands.
        int x = lit[0] ? 1 : 0;
        int y = 1 - x;
        if (lit[x]) {
          return false; // both factors literal: rare, use the column loop
        }
        if (!lit[y] && lit[2]) {
          Float32Loops.fmaCCK(fs[a[x]], fs[a[y]], k[2], res, n);
        } else if (lit[y] && !lit[2]) {
          Float32Loops.fmaCKC(fs[a[x]], k[y], fs[a[2]], res, n);
        } else if (lit[y]) {
          Float32Loops.fmaCKK(fs[a[x]], k[y], k[2], res, n);
        } else {
          return false;
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean stepFloat32(Op op, int[] a, int r, int n) {
    switch (op) {
      case FADD -> Float32Loops.add(fs[a[0]], fs[a[1]], fs[r], n);
      case FSUB -> Float32Loops.sub(fs[a[0]], fs[a[1]], fs[r], n);
      case FMUL -> Float32Loops.mul(fs[a[0]], fs[a[1]], fs[r], n);
      case FDIV -> Float32Loops.div(fs[a[0]], fs[a[1]], fs[r], n);
      case FFMA -> Float32Loops.fma(fs[a[0]], fs[a[1]], fs[a[2]], fs[r], n);
      case FNEG -> Float32Loops.neg(fs[a[0]], fs[r], n);
      case FABS -> Float32Loops.abs(fs[a[0]], fs[r], n);
      case FMIN -> Float32Loops.min(fs[a[0]], fs[a[1]], fs[r], n);
      case FMAX -> Float32Loops.max(fs[a[0]], fs[a[1]], fs[r], n);
      case FSQRT -> Float32Loops.sqrt(fs[a[0]], fs[r], n);
      case FRINT -> Float32Loops.rint(fs[a[0]], fs[r], n);
      case FFLOOR -> Float32Loops.floor(fs[a[0]], fs[r], n);
      case FLT -> Float32Loops.lt(fs[a[0]], fs[a[1]], is[r], n);
      case FLE -> Float32Loops.le(fs[a[0]], fs[a[1]], is[r], n);
      case FEQ -> Float32Loops.eq(fs[a[0]], fs[a[1]], is[r], n);
      case FSELECT -> Float32Loops.select(is[a[0]], fs[a[1]], fs[a[2]], fs[r], n);
      case TOI -> Float32Loops.toi(fs[a[0]], is[r], n);
      case TRUNC -> Float32Loops.trunc(fs[a[0]], is[r], n);
      case ITOF -> Float32Loops.itof(is[a[0]], fs[r], n);
      case BITS -> Float32Loops.bits(fs[a[0]], is[r], n);
      case FROMBITS -> Float32Loops.frombits(is[a[0]], fs[r], n);
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean stepFormat(Op op, int[] a, int r, int n) {
    NumberFormat f = format;
    switch (op) {
      case FADD -> FormatLoops.add(f, ds[a[0]], ds[a[1]], ds[r], n);
      case FSUB -> FormatLoops.sub(f, ds[a[0]], ds[a[1]], ds[r], n);
      case FMUL -> FormatLoops.mul(f, ds[a[0]], ds[a[1]], ds[r], n);
      case FDIV -> FormatLoops.div(f, ds[a[0]], ds[a[1]], ds[r], n);
      case FFMA -> FormatLoops.fma(f, ds[a[0]], ds[a[1]], ds[a[2]], ds[r], n);
      case FNEG -> FormatLoops.neg(f, ds[a[0]], ds[r], n);
      case FABS -> FormatLoops.abs(f, ds[a[0]], ds[r], n);
      case FMIN -> FormatLoops.min(f, ds[a[0]], ds[a[1]], ds[r], n);
      case FMAX -> FormatLoops.max(f, ds[a[0]], ds[a[1]], ds[r], n);
      case FSQRT -> FormatLoops.sqrt(f, ds[a[0]], ds[r], n);
      case FRINT -> FormatLoops.rint(f, ds[a[0]], ds[r], n);
      case FFLOOR -> FormatLoops.floor(f, ds[a[0]], ds[r], n);
      case FLT -> FormatLoops.lt(ds[a[0]], ds[a[1]], is[r], n);
      case FLE -> FormatLoops.le(ds[a[0]], ds[a[1]], is[r], n);
      case FEQ -> FormatLoops.eq(ds[a[0]], ds[a[1]], is[r], n);
      case FSELECT -> FormatLoops.select(is[a[0]], ds[a[1]], ds[a[2]], ds[r], n);
      case FEXP -> FormatLoops.exp(ds[a[0]], ds[r], n);
      case FLOG -> FormatLoops.log(ds[a[0]], ds[r], n);
      case FSIN -> FormatLoops.sin(ds[a[0]], ds[r], n);
      case FCOS -> FormatLoops.cos(ds[a[0]], ds[r], n);
      case FTANH -> FormatLoops.tanh(ds[a[0]], ds[r], n);
      case FPOW -> FormatLoops.pow(ds[a[0]], ds[a[1]], ds[r], n);
      case TOI -> FormatLoops.toi(ds[a[0]], is[r], n);
      case TRUNC -> FormatLoops.trunc(ds[a[0]], is[r], n);
      case ITOF -> FormatLoops.itof(f, is[a[0]], ds[r], n);
      case BITS -> FormatLoops.bits(f, ds[a[0]], is[r], n);
      case FROMBITS -> FormatLoops.frombits(f, is[a[0]], ds[r], n);
      default -> {
        return false;
      }
    }
    return true;
  }
}
