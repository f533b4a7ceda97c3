package numevo.dsl.eval;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
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
 * distinct literal, each instruction a tight loop over the points. No boxing and no allocation per
 * point. Agrees bit for bit with {@link Interpreter}.
 *
 * <p>An evaluator can be {@linkplain #reset(Program) reset} to another program: it keeps the
 * columns it has allocated and adds only those the new program needs beyond them, so a search that
 * evaluates millions of kernels of similar size through one evaluator per thread allocates columns
 * only for its first few kernels. Stale column contents never matter: every value's column is
 * written (inputs loaded, instructions run in order) before any later instruction reads it, and
 * literal columns are filled when the program is set.
 *
 * <p>float32 kernels use {@code float[]} columns and Java float arithmetic; an arithmetic op with a
 * literal operand runs a loop with the constant in a register instead of reading a filled column.
 * Other formats use {@code double[]} columns with one rounding per op. {@code int} values take a
 * 64-bit fast path; points that leave it are redone exactly by the interpreter.
 *
 * <p>Not thread-safe: give each thread its own evaluator.
 */
public final class ColumnarEvaluator {
  // How an instruction runs: on its operands' columns, or as a float32 loop with constants.
  private static final byte COLUMNS = 0;
  private static final byte ADD_K = 1;
  private static final byte MUL_K = 2;
  private static final byte SUB_K = 3;
  private static final byte K_SUB = 4;
  private static final byte DIV_K = 5;
  private static final byte K_DIV = 6;
  private static final byte FMA_CCK = 7;
  private static final byte FMA_CKC = 8;
  private static final byte FMA_CKK = 9;

  /** Literal columns beyond which literals are matched through a hash map, not by a scan. */
  private static final int SCAN_LITERALS = 16;

  private final int capacity;

  // The program, set by reset.
  private Program program;
  private NumberFormat format;
  private boolean f32;
  private Interpreter slowPath;
  private boolean hasInt;
  private boolean hasBigLiteral;
  private int instructions;
  private Type[] inTypes = new Type[0];
  private int outputs;
  private int[] outSlots = new int[0];
  private Type[] outTypes = new Type[0];

  // Per instruction: op, destination slot, operand slots (rows of 3, reused), plan, and the
  // float32 plan's column operands and constants.
  private Op[] ops = new Op[0];
  private int[] dst = new int[0];
  private int[][] args = new int[0][];
  private byte[] plan = new byte[0];
  private int[] px = new int[0];
  private int[] py = new int[0];
  private float[] k0 = new float[0];
  private float[] k1 = new float[0];

  // The distinct literals whose columns some instruction reads, in slot order from the first
  // slot after the values; the map only once there are many.
  private Operand[] literals = new Operand[8];
  private int literalCount;
  private final Map<Operand, Integer> literalIndex = new HashMap<>();

  // Columns, kept across programs: slot s holds value s (inputs, then instructions), then the
  // literals. A slot has one column per type it was ever used with; filled[s] is the literal its
  // column holds (null if it holds none, e.g. it was a value slot since).
  private float[][] fs = new float[0][];
  private double[][] ds = new double[0][];
  private int[][] is = new int[0][];
  private long[][] zs = new long[0][];
  private Operand[] filled = new Operand[0];
  private boolean[] big;

  private ColumnarEvaluator(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * An evaluator for {@code program} with columns of {@code capacity} points.
   *
   * @param program the program, never null
   * @param capacity the most points one call may evaluate, at least 1
   */
  public static ColumnarEvaluator of(Program program, int capacity) {
    return new ColumnarEvaluator(capacity).reset(program);
  }

  /**
   * Makes this evaluator evaluate {@code program} from now on, reusing its columns (the capacity
   * stays). Equivalent to a new evaluator {@code of(program, capacity())}, without the allocation.
   *
   * @param program the program, never null
   * @return this evaluator
   */
  public ColumnarEvaluator reset(Program program) {
    boolean wasF32 = f32;
    this.program = program;
    this.format = program.format();
    this.f32 = format == NumberFormat.FLOAT32;
    this.slowPath = null;
    if (f32 != wasF32) {
      // Float literals live in float[] columns in float32, in double[] ones otherwise.
      Arrays.fill(filled, null);
    }
    List<Input> ins = program.inputs();
    List<Instr> body = program.body();
    int k = ins.size();
    int values = k + body.size();
    instructions = body.size();
    ensureInstructions(instructions);
    ensureSlots(values);
    literalCount = 0;
    literalIndex.clear();
    boolean anyInt = false;
    boolean anyBigLiteral = false;

    if (inTypes.length < k) {
      inTypes = new Type[k];
    }
    for (int p = 0; p < k; p++) {
      Type t = ins.get(p).type();
      inTypes[p] = t;
      column(p, t);
      filled[p] = null;
      anyInt |= t == Type.INT;
    }
    for (int i = 0; i < instructions; i++) {
      Instr in = body.get(i);
      Op op = in.op();
      List<Operand> operands = in.args();
      int d = k + i;
      ops[i] = op;
      dst[i] = d;
      column(d, op.result());
      filled[d] = null;
      anyInt |= op.result() == Type.INT;
      byte how = f32 ? planFloat32(i, op, operands) : COLUMNS;
      plan[i] = how;
      int[] row = args[i];
      for (int a = 0; a < operands.size(); a++) {
        Operand o = operands.get(a);
        if (o instanceof Ref r) {
          row[a] = r.index();
        } else if (how == COLUMNS || readsColumn(how, i, a)) {
          if (o instanceof IntLit l) {
            anyInt = true;
            anyBigLiteral |= l.value().bitLength() >= 64;
          }
          row[a] = literalSlot(o, values);
        } else {
          row[a] = -1; // read as a constant of the plan
        }
      }
      if (how != COLUMNS) {
        px[i] = row[px[i]];
        if (how == FMA_CCK || how == FMA_CKC) {
          py[i] = row[py[i]];
        }
      }
    }
    hasInt = anyInt;
    hasBigLiteral = anyBigLiteral;
    if (hasInt && big == null) {
      big = new boolean[capacity];
    }
    outputs = program.outputs().size();
    if (outSlots.length < outputs) {
      outSlots = new int[outputs];
      outTypes = new Type[outputs];
    }
    for (int o = 0; o < outputs; o++) {
      int slot = program.outputs().get(o).index();
      outSlots[o] = slot;
      outTypes[o] = program.typeOf(slot);
    }
    return this;
  }

  /**
   * The float32 loop with constants that runs instruction {@code i}, or {@link #COLUMNS}; sets its
   * column operands ({@code px}, {@code py}, as operand indices, which {@link #reset} then maps to
   * slots) and constants. The choice of operands is the one the loops were tested with.
   */
  private byte planFloat32(int i, Op op, List<Operand> a) {
    int n = a.size();
    if (n < 2) {
      return COLUMNS;
    }
    boolean l0 = a.get(0) instanceof FloatLit;
    boolean l1 = a.get(1) instanceof FloatLit;
    boolean l2 = n == 3 && a.get(2) instanceof FloatLit;
    return switch (op) {
      case FADD -> planBinary(i, a, l0, l1, ADD_K, ADD_K);
      case FMUL -> planBinary(i, a, l0, l1, MUL_K, MUL_K);
      case FSUB -> planBinary(i, a, l0, l1, SUB_K, K_SUB);
      case FDIV -> planBinary(i, a, l0, l1, DIV_K, K_DIV);
      case FFMA -> planFma(i, a, l0, l1, l2);
      case FNEG,
          FABS,
          FMIN,
          FMAX,
          FSQRT,
          FRINT,
          FFLOOR,
          FLT,
          FLE,
          FEQ,
          FSELECT,
          FEXP,
          FLOG,
          FSIN,
          FCOS,
          FTANH,
          FPOW,
          IADD,
          ISUB,
          IMUL,
          INEG,
          ISHL,
          ISHR,
          IUSHR,
          IAND,
          IOR,
          IXOR,
          ILT,
          ILE,
          IEQ,
          ISELECT,
          TOI,
          TRUNC,
          ITOF,
          BITS,
          FROMBITS,
          ZADD,
          ZSUB,
          ZMUL,
          ZNEG,
          ZDIV,
          ZLT,
          ZLE,
          ZEQ,
          ZSELECT,
          TOINT ->
          COLUMNS;
    };
  }

  /** The plan of an fma with literals (see {@link #planFloat32}). */
  private byte planFma(int i, List<Operand> a, boolean l0, boolean l1, boolean l2) {
    // fma is symmetric in its first two operands: x is a column factor, y the other one.
    int x = l0 ? 1 : 0;
    int y = 1 - x;
    boolean ly = y == 0 ? l0 : l1;
    if (x == 1 && l1) {
      return COLUMNS; // both factors literal: rare, use the column loop
    }
    px[i] = x;
    if (!ly && l2) {
      py[i] = y;
      k0[i] = value(a.get(2));
      return FMA_CCK;
    }
    if (ly && !l2) {
      py[i] = 2;
      k0[i] = value(a.get(y));
      return FMA_CKC;
    }
    if (ly) {
      k0[i] = value(a.get(y));
      k1[i] = value(a.get(2));
      return FMA_CKK;
    }
    return COLUMNS;
  }

  /**
   * The plan of a binary op with a literal: {@code columnK} ({@code x op k}) when operand 1 is a
   * literal (even if operand 0 is one too), {@code kColumn} ({@code k op x}) when operand 0 is.
   */
  private byte planBinary(
      int i, List<Operand> a, boolean l0, boolean l1, byte columnK, byte kColumn) {
    if (l1) {
      px[i] = 0;
      k0[i] = value(a.get(1));
      return columnK;
    }
    if (l0) {
      px[i] = 1;
      k0[i] = value(a.get(0));
      return kColumn;
    }
    return COLUMNS;
  }

  private static float value(Operand o) {
    return (float) ((FloatLit) o).value();
  }

  /** Whether the plan of instruction {@code i} reads operand {@code a} from its column. */
  private boolean readsColumn(byte how, int i, int a) {
    return switch (how) {
      case FMA_CCK, FMA_CKC -> px[i] == a || py[i] == a;
      default -> px[i] == a;
    };
  }

  /** The slot of a literal's column (filled with it), for the program's {@code values} values. */
  private int literalSlot(Operand o, int values) {
    int j = findLiteral(o);
    if (j < 0) {
      j = literalCount++;
      if (j == literals.length) {
        literals = Arrays.copyOf(literals, 2 * j);
      }
      literals[j] = o;
    }
    int s = values + j;
    ensureSlots(s + 1);
    if (!o.equals(filled[s])) {
      fill(s, o);
      filled[s] = o;
    }
    return s;
  }

  /** The index of a literal among the program's literal columns so far, -1 if new. */
  private int findLiteral(Operand o) {
    if (literalCount <= SCAN_LITERALS) {
      for (int x = 0; x < literalCount; x++) {
        if (literals[x].equals(o)) {
          return x;
        }
      }
      return -1;
    }
    // Many literals (a large parsed program): index them, catching up with the ones added since.
    for (int x = literalIndex.size(); x < literalCount; x++) {
      literalIndex.put(literals[x], x);
    }
    Integer j = literalIndex.get(o);
    return j == null ? -1 : j;
  }

  private void fill(int s, Operand o) {
    switch (o) {
      case FloatLit l -> {
        column(s, Type.F);
        if (f32) {
          Arrays.fill(fs[s], (float) l.value());
        } else {
          Arrays.fill(ds[s], l.value());
        }
      }
      case I32Lit l -> {
        column(s, Type.I32);
        Arrays.fill(is[s], l.value());
      }
      case IntLit l -> {
        column(s, Type.INT);
        // A literal beyond 64 bits sends every point to the exact path.
        Arrays.fill(zs[s], l.value().bitLength() < 64 ? l.value().longValue() : 0L);
      }
      case Ref r -> throw new AssertionError(r);
    }
  }

  /** Allocates slot {@code s}'s column of type {@code t} unless it has one. */
  private void column(int s, Type t) {
    switch (t) {
      case F -> {
        if (f32) {
          if (fs[s] == null) {
            fs[s] = new float[capacity];
          }
        } else if (ds[s] == null) {
          ds[s] = new double[capacity];
        }
      }
      case I32 -> {
        if (is[s] == null) {
          is[s] = new int[capacity];
        }
      }
      case INT -> {
        if (zs[s] == null) {
          zs[s] = new long[capacity];
        }
      }
    }
  }

  private void ensureSlots(int slots) {
    if (fs.length >= slots) {
      return;
    }
    int m = Math.max(slots, 2 * fs.length);
    fs = Arrays.copyOf(fs, m);
    ds = Arrays.copyOf(ds, m);
    is = Arrays.copyOf(is, m);
    zs = Arrays.copyOf(zs, m);
    filled = Arrays.copyOf(filled, m);
  }

  private void ensureInstructions(int n) {
    if (ops.length >= n) {
      return;
    }
    int m = Math.max(n, 2 * ops.length);
    int old = args.length;
    ops = Arrays.copyOf(ops, m);
    dst = Arrays.copyOf(dst, m);
    args = Arrays.copyOf(args, m);
    for (int i = old; i < m; i++) {
      args[i] = new int[3];
    }
    plan = Arrays.copyOf(plan, m);
    px = Arrays.copyOf(px, m);
    py = Arrays.copyOf(py, m);
    k0 = Arrays.copyOf(k0, m);
    k1 = Arrays.copyOf(k1, m);
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
    for (int i = 0; i < instructions; i++) {
      float[] r = fs[dst[i]]; // the result column of the float32 plans
      switch (plan[i]) {
        case COLUMNS -> step(ops[i], args[i], dst[i], n);
        case ADD_K -> Float32Loops.addK(fs[px[i]], k0[i], r, n);
        case MUL_K -> Float32Loops.mulK(fs[px[i]], k0[i], r, n);
        case SUB_K -> Float32Loops.subK(fs[px[i]], k0[i], r, n);
        case K_SUB -> Float32Loops.kSub(k0[i], fs[px[i]], r, n);
        case DIV_K -> Float32Loops.divK(fs[px[i]], k0[i], r, n);
        case K_DIV -> Float32Loops.kDiv(k0[i], fs[px[i]], r, n);
        case FMA_CCK -> Float32Loops.fmaCCK(fs[px[i]], fs[py[i]], k0[i], r, n);
        case FMA_CKC -> Float32Loops.fmaCKC(fs[px[i]], k0[i], fs[py[i]], r, n);
        case FMA_CKK -> Float32Loops.fmaCKK(fs[px[i]], k0[i], k1[i], r, n);
        default -> throw new AssertionError(plan[i]);
      }
    }
    for (int o = 0; o < outputs; o++) {
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
    switch (inTypes[p]) {
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
    switch (outTypes[o]) {
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
      if (slowPath == null) {
        slowPath = Interpreter.of(program);
      }
      Object[] r = slowPath.eval(tuple);
      for (int o = 0; o < r.length; o++) {
        out.set(o, i, r[o]);
      }
    }
  }

  /**
   * Runs one instruction over the columns: float ops with float32 loops in float32 kernels, with
   * the format's rounding loops otherwise (the float64-only functions exist only there).
   */
  private void step(Op op, int[] a, int r, int n) {
    NumberFormat f = format;
    switch (op) {
      // case null: a switch statement javac checks for exhaustiveness (JLS 14.11.2)
      case null -> throw new NullPointerException();
      case FADD -> {
        if (f32) {
          Float32Loops.add(fs[a[0]], fs[a[1]], fs[r], n);
        } else {
          FormatLoops.add(f, ds[a[0]], ds[a[1]], ds[r], n);
        }
      }
      case FSUB -> {
        if (f32) {
          Float32Loops.sub(fs[a[0]], fs[a[1]], fs[r], n);
        } else {
          FormatLoops.sub(f, ds[a[0]], ds[a[1]], ds[r], n);
        }
      }
      case FMUL -> {
        if (f32) {
          Float32Loops.mul(fs[a[0]], fs[a[1]], fs[r], n);
        } else {
          FormatLoops.mul(f, ds[a[0]], ds[a[1]], ds[r], n);
        }
      }
      case FDIV -> {
        if (f32) {
          Float32Loops.div(fs[a[0]], fs[a[1]], fs[r], n);
        } else {
          FormatLoops.div(f, ds[a[0]], ds[a[1]], ds[r], n);
        }
      }
      case FFMA -> {
        if (f32) {
          Float32Loops.fma(fs[a[0]], fs[a[1]], fs[a[2]], fs[r], n);
        } else {
          FormatLoops.fma(f, ds[a[0]], ds[a[1]], ds[a[2]], ds[r], n);
        }
      }
      case FNEG -> {
        if (f32) {
          Float32Loops.neg(fs[a[0]], fs[r], n);
        } else {
          FormatLoops.neg(f, ds[a[0]], ds[r], n);
        }
      }
      case FABS -> {
        if (f32) {
          Float32Loops.abs(fs[a[0]], fs[r], n);
        } else {
          FormatLoops.abs(f, ds[a[0]], ds[r], n);
        }
      }
      case FMIN -> {
        if (f32) {
          Float32Loops.min(fs[a[0]], fs[a[1]], fs[r], n);
        } else {
          FormatLoops.min(f, ds[a[0]], ds[a[1]], ds[r], n);
        }
      }
      case FMAX -> {
        if (f32) {
          Float32Loops.max(fs[a[0]], fs[a[1]], fs[r], n);
        } else {
          FormatLoops.max(f, ds[a[0]], ds[a[1]], ds[r], n);
        }
      }
      case FSQRT -> {
        if (f32) {
          Float32Loops.sqrt(fs[a[0]], fs[r], n);
        } else {
          FormatLoops.sqrt(f, ds[a[0]], ds[r], n);
        }
      }
      case FRINT -> {
        if (f32) {
          Float32Loops.rint(fs[a[0]], fs[r], n);
        } else {
          FormatLoops.rint(f, ds[a[0]], ds[r], n);
        }
      }
      case FFLOOR -> {
        if (f32) {
          Float32Loops.floor(fs[a[0]], fs[r], n);
        } else {
          FormatLoops.floor(f, ds[a[0]], ds[r], n);
        }
      }
      case FLT -> {
        if (f32) {
          Float32Loops.lt(fs[a[0]], fs[a[1]], is[r], n);
        } else {
          FormatLoops.lt(ds[a[0]], ds[a[1]], is[r], n);
        }
      }
      case FLE -> {
        if (f32) {
          Float32Loops.le(fs[a[0]], fs[a[1]], is[r], n);
        } else {
          FormatLoops.le(ds[a[0]], ds[a[1]], is[r], n);
        }
      }
      case FEQ -> {
        if (f32) {
          Float32Loops.eq(fs[a[0]], fs[a[1]], is[r], n);
        } else {
          FormatLoops.eq(ds[a[0]], ds[a[1]], is[r], n);
        }
      }
      case FSELECT -> {
        if (f32) {
          Float32Loops.select(is[a[0]], fs[a[1]], fs[a[2]], fs[r], n);
        } else {
          FormatLoops.select(is[a[0]], ds[a[1]], ds[a[2]], ds[r], n);
        }
      }
      case FEXP -> FormatLoops.exp(ds[a[0]], ds[r], n);
      case FLOG -> FormatLoops.log(ds[a[0]], ds[r], n);
      case FSIN -> FormatLoops.sin(ds[a[0]], ds[r], n);
      case FCOS -> FormatLoops.cos(ds[a[0]], ds[r], n);
      case FTANH -> FormatLoops.tanh(ds[a[0]], ds[r], n);
      case FPOW -> FormatLoops.pow(ds[a[0]], ds[a[1]], ds[r], n);
      case TOI -> {
        if (f32) {
          Float32Loops.toi(fs[a[0]], is[r], n);
        } else {
          FormatLoops.toi(ds[a[0]], is[r], n);
        }
      }
      case TRUNC -> {
        if (f32) {
          Float32Loops.trunc(fs[a[0]], is[r], n);
        } else {
          FormatLoops.trunc(ds[a[0]], is[r], n);
        }
      }
      case ITOF -> {
        if (f32) {
          Float32Loops.itof(is[a[0]], fs[r], n);
        } else {
          FormatLoops.itof(f, is[a[0]], ds[r], n);
        }
      }
      case BITS -> {
        if (f32) {
          Float32Loops.bits(fs[a[0]], is[r], n);
        } else {
          FormatLoops.bits(f, ds[a[0]], is[r], n);
        }
      }
      case FROMBITS -> {
        if (f32) {
          Float32Loops.frombits(is[a[0]], fs[r], n);
        } else {
          FormatLoops.frombits(f, is[a[0]], ds[r], n);
        }
      }
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
    }
  }
}
