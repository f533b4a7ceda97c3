package numevo.dsl.compile;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARRAYLENGTH;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.D2F;
import static org.objectweb.asm.Opcodes.D2I;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCMPG;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.F2D;
import static org.objectweb.asm.Opcodes.F2I;
import static org.objectweb.asm.Opcodes.FADD;
import static org.objectweb.asm.Opcodes.FALOAD;
import static org.objectweb.asm.Opcodes.FASTORE;
import static org.objectweb.asm.Opcodes.FCMPG;
import static org.objectweb.asm.Opcodes.FCMPL;
import static org.objectweb.asm.Opcodes.FCONST_0;
import static org.objectweb.asm.Opcodes.FCONST_1;
import static org.objectweb.asm.Opcodes.FCONST_2;
import static org.objectweb.asm.Opcodes.FDIV;
import static org.objectweb.asm.Opcodes.FLOAD;
import static org.objectweb.asm.Opcodes.FMUL;
import static org.objectweb.asm.Opcodes.FNEG;
import static org.objectweb.asm.Opcodes.FRETURN;
import static org.objectweb.asm.Opcodes.FSTORE;
import static org.objectweb.asm.Opcodes.FSUB;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.I2D;
import static org.objectweb.asm.Opcodes.I2F;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.IALOAD;
import static org.objectweb.asm.Opcodes.IAND;
import static org.objectweb.asm.Opcodes.IASTORE;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.IFGT;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.IMUL;
import static org.objectweb.asm.Opcodes.INEG;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IOR;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISHL;
import static org.objectweb.asm.Opcodes.ISHR;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.ISUB;
import static org.objectweb.asm.Opcodes.IUSHR;
import static org.objectweb.asm.Opcodes.IXOR;
import static org.objectweb.asm.Opcodes.L2I;
import static org.objectweb.asm.Opcodes.LADD;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LAND;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.LCMP;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LMUL;
import static org.objectweb.asm.Opcodes.LNEG;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.LSUB;
import static org.objectweb.asm.Opcodes.LXOR;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.SIPUSH;
import static org.objectweb.asm.Opcodes.T_DOUBLE;
import static org.objectweb.asm.Opcodes.T_FLOAT;
import static org.objectweb.asm.Opcodes.T_INT;
import static org.objectweb.asm.Opcodes.T_LONG;
import static org.objectweb.asm.Opcodes.V21;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes the class file of one kernel: a final subclass of {@link KernelBase} whose methods hold
 * the program as straight-line code over JVM locals, one local per SSA value.
 *
 * <p>Value representation: {@code f} is a JVM {@code float} in float32 kernels and a {@code double}
 * holding a value of the format otherwise; {@code i32} is an {@code int}; {@code int} is a {@code
 * long} on a fast path, with an {@code int} flag local that records whether the point left 64 bits
 * (overflow, a literal or input beyond 64 bits). A flagged point is redone by the interpreter,
 * which also decides whether it is invalid. The code of every instruction that can flag or throw is
 * emitted even when no output depends on it, because the interpreter evaluates it too.
 *
 * <p>In a format narrower than float32, add, sub and mul compute in float32 and round the float
 * once more with {@link Rounding} (innocuous double rounding: see {@code viaFloat}); the other
 * float ops compute in binary64 and round once with {@link Rounding} (the results of {@link
 * NumberFormat#round(double)}; fma through {@link Arith#fmaNarrow} or {@link Arith#fmaRoundToOdd}),
 * as {@link numevo.dsl.eval.ColumnarEvaluator} does.
 *
 * <p>A program whose code exceeds the 64 KiB of bytecode of a method is compiled again split: its
 * instructions go into private static methods of at most {@link #CHUNK} needed instructions each (a
 * few KiB of bytecode, under HotSpot's 8,000-byte limit for JIT compilation), which keep every
 * value in arrays, one per type, allocated once per call of the public method and passed from
 * method to method with the {@code int} flag. Every program within {@link
 * numevo.dsl.program.Limits} then compiles.
 */
final class KernelGenerator {
  /** Most needed instructions in one method of a split kernel. */
  static final int CHUNK = 200;

  private static final String PACKAGE = "numevo/dsl/compile/";
  private static final String BASE = PACKAGE + "KernelBase";
  private static final String ARITH = PACKAGE + "Arith";
  private static final String ROUNDING = PACKAGE + "Rounding";
  private static final String BATCH = "numevo/dsl/eval/Batch";
  private static final String FORMAT = "numevo/dsl/format/NumberFormat";
  private static final String FORMAT_DESC = "L" + FORMAT + ";";
  private static final String MATH = "java/lang/Math";
  private static final String STRICT = "java/lang/StrictMath";
  private static final String OBJECTS = "java/util/Objects";
  private static final String EVALUATE_COLUMNS_DESC = "(L" + BATCH + ";L" + BATCH + ";I)V";

  private final Program program;
  private final NumberFormat format;
  private final boolean f32;
  private final boolean narrow;
  private final Shape shape;
  private final int inputs;
  private final boolean[] needed;
  private final boolean hasInt;
  private final boolean bigLiteral;

  /** {@link FiniteBounds} of the values (float32 kernels only: null otherwise). */
  private final double[] bounds;

  /**
   * Whether {@code select}s of {@code f} values compile branch-free ({@link Emitter#codeSelect}):
   * in kernels with a live {@code bits} or {@code frombits}, whose reinterpretations C2's
   * auto-vectorizer does not vectorize (docs/BENCHMARKS.md), so that a loop over such a kernel
   * stays scalar, where a float {@code ?:} is a branch. Elsewhere a select is {@code ?:}, which C2
   * vectorizes as a blend where the loop vectorizes (the mask would keep such a loop scalar).
   */
  private final boolean maskSelects;

  /** Each value's index in the array of its type (split code; -1 if not computed). */
  private final int[] index;

  /** The number of values of each type kept in arrays by split code, by {@link Type#ordinal()}. */
  private final int[] count = new int[Type.values().length];

  /** Whether this pass writes split code, and the class's internal name. */
  private boolean split;

  private String className;

  private KernelGenerator(Program program) {
    this.program = program;
    this.format = program.format();
    this.f32 = format == NumberFormat.FLOAT32;
    this.narrow = !f32 && format != NumberFormat.FLOAT64;
    this.shape = Shape.of(program);
    this.inputs = program.inputs().size();
    this.needed = neededValues(program);
    boolean anyInt = false;
    boolean anyBig = false;
    for (int v = 0; v < needed.length; v++) {
      anyInt |= needed[v] && program.typeOf(v) == Type.INT;
    }
    for (int v = 0; v < inputs; v++) {
      anyInt |= program.typeOf(v) == Type.INT; // a big input makes even an unused one invalid
    }
    for (Instr ins : program.body()) {
      for (Operand o : ins.args()) {
        anyBig |= o instanceof IntLit l && l.value().bitLength() >= 64;
      }
    }
    this.hasInt = anyInt || anyBig;
    this.bigLiteral = anyBig;
    this.bounds = f32 ? FiniteBounds.of(program) : null;
    this.maskSelects = reinterprets(program, needed);
    this.index = new int[needed.length];
    for (int v = 0; v < needed.length; v++) {
      index[v] = v < inputs || needed[v] ? count[program.typeOf(v).ordinal()]++ : -1;
    }
  }

  /**
   * The class file of {@code program}'s kernel.
   *
   * @param program the program
   * @param className the internal name of the class, in package {@code numevo/dsl/compile}
   * @throws KernelTooLargeException if the code exceeds a class-file limit
   */
  static byte[] generate(Program program, String className) {
    return new KernelGenerator(program).generate(className);
  }

  /** The class file in split code, however small the program (for tests of that code). */
  static byte[] generate(Program program, String className, boolean split) {
    KernelGenerator g = new KernelGenerator(program);
    g.className = className;
    try {
      return g.write(split);
    } catch (MethodTooLargeException | ClassTooLargeException e) {
      throw new KernelTooLargeException(program, e);
    }
  }

  /**
   * Values the compiled code computes: those some output depends on, and those every {@code int}
   * instruction that can leave 64 bits or throw depends on (the interpreter evaluates dead code,
   * and its exceptions count).
   */
  private static boolean[] neededValues(Program p) {
    int k = p.inputs().size();
    List<Instr> body = p.body();
    boolean[] need = new boolean[p.valueCount()];
    for (Ref r : p.outputs()) {
      need[r.index()] = true;
    }
    for (int i = body.size() - 1; i >= 0; i--) {
      Op op = body.get(i).op();
      if (op.checkedInt64()) {
        need[k + i] = true;
      }
      if (need[k + i]) {
        for (Operand a : body.get(i).args()) {
          if (a instanceof Ref r) {
            need[r.index()] = true;
          }
        }
      }
    }
    return need;
  }

  /** Whether a needed instruction of {@code p} is a {@code bits} or {@code frombits}. */
  private static boolean reinterprets(Program p, boolean[] needed) {
    int k = p.inputs().size();
    List<Instr> body = p.body();
    for (int i = 0; i < body.size(); i++) {
      Op op = body.get(i).op();
      if (needed[k + i] && (op == Op.BITS || op == Op.FROMBITS)) {
        return true;
      }
    }
    return false;
  }

  private byte[] generate(String className) {
    this.className = className;
    try {
      return write(false);
    } catch (MethodTooLargeException tooLarge) {
      try {
        return write(true);
      } catch (MethodTooLargeException | ClassTooLargeException e) {
        throw new KernelTooLargeException(program, e);
      }
    } catch (ClassTooLargeException e) {
      throw new KernelTooLargeException(program, e);
    }
  }

  /** The class file, in one piece or split into methods of at most {@link #CHUNK} instructions. */
  private byte[] write(boolean split) {
    this.split = split;
    ClassWriter cw =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected String getCommonSuperClass(String type1, String type2) {
            // Frames never merge two different reference types here; avoid loading classes.
            return "java/lang/Object";
          }
        };
    String[] interfaces =
        shape == Shape.GENERIC ? null : new String[] {PACKAGE + shape.kind.getSimpleName()};
    cw.visit(V21, ACC_FINAL | ACC_SUPER, className, null, BASE, interfaces);
    cw.visitSource(program.name() + ".kernel", null);
    constructor(cw);
    evaluateColumns(cw);
    if (shape != Shape.GENERIC) {
      pointMethod(cw, shape.element);
      arrayMethod(cw, shape.element);
    }
    if (shape.floatMethods()) {
      pointMethod(cw, 'F');
      arrayMethod(cw, 'F');
    }
    if (split) {
      List<int[]> chunks = chunks();
      for (int k = 0; k < chunks.size(); k++) {
        chunkMethod(cw, k, chunks.get(k));
      }
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** The body's needed instructions in runs of at most {@link #CHUNK}: {from, to} indices. */
  private List<int[]> chunks() {
    List<int[]> chunks = new ArrayList<>();
    int from = 0;
    int n = 0;
    List<Instr> body = program.body();
    for (int i = 0; i < body.size(); i++) {
      if (needed[inputs + i] && ++n == CHUNK) {
        chunks.add(new int[] {from, i + 1});
        from = i + 1;
        n = 0;
      }
    }
    if (n > 0) {
      chunks.add(new int[] {from, body.size()});
    }
    return chunks;
  }

  private String chunkDescriptor() {
    return "(" + (f32 ? "[F" : "[D") + "[I[JI)I";
  }

  /**
   * {@code static int chunkK(f[] fs, int[] is, long[] zs, int big)}: instructions {@code from ..
   * to-1} over the value arrays; returns the flag.
   */
  private void chunkMethod(ClassWriter cw, int k, int[] range) {
    MethodVisitor mv =
        cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "chunk" + k, chunkDescriptor(), null, null);
    mv.visitCode();
    Emitter e = new Emitter(mv, 4);
    e.arrays[Type.F.ordinal()] = 0;
    e.arrays[Type.I32.ordinal()] = 1;
    e.arrays[Type.INT.ordinal()] = 2;
    e.big = 3;
    e.instructions(range[0], range[1]);
    mv.visitVarInsn(ILOAD, 3);
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private void constructor(ClassWriter cw) {
    MethodVisitor mv = cw.visitMethod(0, "<init>", "(Lnumevo/dsl/program/Program;)V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitMethodInsn(INVOKESPECIAL, BASE, "<init>", "(Lnumevo/dsl/program/Program;)V", false);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** {@code evaluateColumns(Batch in, Batch out, int n)}: the generic batch loop. */
  private void evaluateColumns(ClassWriter cw) {
    MethodVisitor mv = cw.visitMethod(0, "evaluateColumns", EVALUATE_COLUMNS_DESC, null, null);
    mv.visitCode();
    Emitter e = new Emitter(mv, 4);
    final int in = 1;
    final int out = 2;
    final int n = 3;
    List<Type> inTypes = program.inputTypes();
    List<Type> outTypes = program.outputTypes();
    int[] inCol = new int[inTypes.size()];
    int[] inBig = new int[inTypes.size()];
    for (int p = 0; p < inCol.length; p++) {
      inCol[p] = e.column(in, p, inTypes.get(p));
      inBig[p] = inTypes.get(p) == Type.INT ? e.bigColumn(in, p) : -1;
    }
    int[] outCol = new int[outTypes.size()];
    int[] outBig = new int[outTypes.size()];
    for (int o = 0; o < outCol.length; o++) {
      outCol[o] = e.column(out, o, outTypes.get(o));
      outBig[o] = outTypes.get(o) == Type.INT ? e.bigColumn(out, o) : -1;
    }
    int i = e.allocate(1);
    e.allocateValues(0);
    Label head = new Label();
    Label next = new Label();
    Label end = new Label();
    e.push(0);
    mv.visitVarInsn(ISTORE, i);
    mv.visitLabel(head);
    mv.visitVarInsn(ILOAD, i);
    mv.visitVarInsn(ILOAD, n);
    mv.visitJumpInsn(IF_ICMPGE, end);
    e.initBig();
    for (int p = 0; p < inCol.length; p++) {
      switch (inTypes.get(p)) {
        case F -> {
          mv.visitVarInsn(ALOAD, inCol[p]);
          mv.visitVarInsn(ILOAD, i);
          mv.visitInsn(DALOAD);
          if (f32) {
            mv.visitInsn(D2F); // the float32 rounding of the input
          }
          e.roundSuffix();
        }
        case I32 -> {
          mv.visitVarInsn(ALOAD, inCol[p]);
          mv.visitVarInsn(ILOAD, i);
          mv.visitInsn(IALOAD);
        }
        case INT -> {
          mv.visitVarInsn(ALOAD, inCol[p]);
          mv.visitVarInsn(ILOAD, i);
          mv.visitInsn(LALOAD);
          mv.visitVarInsn(ILOAD, e.big);
          mv.visitVarInsn(ALOAD, inBig[p]);
          mv.visitVarInsn(ILOAD, i);
          mv.visitInsn(AALOAD);
          mv.visitMethodInsn(INVOKESTATIC, OBJECTS, "nonNull", "(Ljava/lang/Object;)Z", false);
          mv.visitInsn(IOR);
          mv.visitVarInsn(ISTORE, e.big);
        }
      }
      e.store(p);
    }
    e.body();
    if (hasInt) {
      Label fast = new Label();
      mv.visitVarInsn(ILOAD, e.big);
      mv.visitJumpInsn(IFEQ, fast);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, in);
      mv.visitVarInsn(ALOAD, out);
      mv.visitVarInsn(ILOAD, i);
      mv.visitMethodInsn(
          INVOKEVIRTUAL, BASE, "slowPoint", "(L" + BATCH + ";L" + BATCH + ";I)V", false);
      mv.visitJumpInsn(GOTO, next);
      mv.visitLabel(fast);
    }
    for (int o = 0; o < outCol.length; o++) {
      int v = program.outputs().get(o).index();
      mv.visitVarInsn(ALOAD, outCol[o]);
      mv.visitVarInsn(ILOAD, i);
      e.load(v);
      switch (outTypes.get(o)) {
        case F -> {
          if (f32) {
            mv.visitInsn(F2D);
          }
          mv.visitInsn(DASTORE);
        }
        case I32 -> mv.visitInsn(IASTORE);
        case INT -> {
          mv.visitInsn(LASTORE);
          mv.visitVarInsn(ALOAD, outBig[o]);
          mv.visitVarInsn(ILOAD, i);
          mv.visitInsn(ACONST_NULL);
          mv.visitInsn(AASTORE);
        }
      }
    }
    mv.visitLabel(next);
    mv.visitIincInsn(i, 1);
    mv.visitJumpInsn(GOTO, head);
    mv.visitLabel(end);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * The per-point method of a specialized shape, e.g. {@code float apply(float x)}, over the
   * shape's element type ({@code carrier}) or, for a narrow format's float methods, over floats.
   */
  private void pointMethod(ClassWriter cw, char carrier) {
    MethodVisitor mv =
        cw.visitMethod(ACC_PUBLIC, "apply", shape.pointDescriptor(carrier), null, null);
    mv.visitCode();
    int size = carrier == 'D' ? 2 : 1;
    boolean narrowFloats = narrow && carrier == 'F';
    Emitter e = new Emitter(mv, 1 + shape.arity * size);
    for (int p = 0; p < shape.arity; p++) {
      e.slot[p] = 1 + p * size;
      if (narrowFloats) {
        // The float argument rounded to the format, widened into a double local.
        mv.visitVarInsn(FLOAD, 1 + p);
        e.roundFloat();
        mv.visitInsn(F2D);
        e.slot[p] = e.allocate(2);
        mv.visitVarInsn(DSTORE, e.slot[p]);
      } else if (carrier == 'D' && narrow) {
        mv.visitVarInsn(DLOAD, e.slot[p]);
        e.roundSuffix();
        mv.visitVarInsn(DSTORE, e.slot[p]);
      }
    }
    e.allocateValues(inputs);
    e.initBig();
    e.body();
    if (hasInt) {
      Label fast = new Label();
      mv.visitVarInsn(ILOAD, e.big);
      mv.visitJumpInsn(IFEQ, fast);
      mv.visitVarInsn(ALOAD, 0);
      for (int p = 0; p < shape.arity; p++) {
        e.load(p);
      }
      slowCall(mv);
      if (narrowFloats) {
        mv.visitInsn(D2F);
      }
      mv.visitInsn(returnOpcode(carrier));
      mv.visitLabel(fast);
    }
    e.load(program.outputs().get(0).index());
    if (narrowFloats) {
      mv.visitInsn(D2F); // exact: a value of the format
    }
    mv.visitInsn(returnOpcode(carrier));
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * The array method of a specialized shape, e.g. {@code void apply(float[] xs, float[] ys, int
   * n)}, over the shape's element type ({@code carrier}) or, for a narrow format's float methods,
   * over floats.
   */
  private void arrayMethod(ClassWriter cw, char carrier) {
    MethodVisitor mv =
        cw.visitMethod(ACC_PUBLIC, "apply", shape.arrayDescriptor(carrier), null, null);
    mv.visitCode();
    boolean narrowFloats = narrow && carrier == 'F';
    int arity = shape.arity;
    int out = arity + 1;
    int n = arity + 2;
    int i = arity + 3;
    Emitter e = new Emitter(mv, arity + 4);
    for (int a = 1; a <= arity + 1; a++) {
      // Objects.checkFromIndexSize(0, n, a.length): throws before anything is written.
      e.push(0);
      mv.visitVarInsn(ILOAD, n);
      mv.visitVarInsn(ALOAD, a);
      mv.visitInsn(ARRAYLENGTH);
      mv.visitMethodInsn(INVOKESTATIC, OBJECTS, "checkFromIndexSize", "(III)I", false);
      mv.visitInsn(POP);
    }
    e.allocateValues(0);
    Label head = new Label();
    Label next = new Label();
    Label end = new Label();
    e.push(0);
    mv.visitVarInsn(ISTORE, i);
    mv.visitLabel(head);
    mv.visitVarInsn(ILOAD, i);
    mv.visitVarInsn(ILOAD, n);
    mv.visitJumpInsn(IF_ICMPGE, end);
    e.initBig();
    for (int p = 0; p < arity; p++) {
      mv.visitVarInsn(ALOAD, 1 + p);
      mv.visitVarInsn(ILOAD, i);
      mv.visitInsn(arrayLoadOpcode(carrier));
      if (narrowFloats) {
        e.roundFloat();
        mv.visitInsn(F2D);
      } else if (carrier == 'D') {
        e.roundSuffix();
      }
      e.store(p);
    }
    e.body();
    if (hasInt) {
      Label fast = new Label();
      mv.visitVarInsn(ILOAD, e.big);
      mv.visitJumpInsn(IFEQ, fast);
      mv.visitVarInsn(ALOAD, out);
      mv.visitVarInsn(ILOAD, i);
      mv.visitVarInsn(ALOAD, 0);
      for (int p = 0; p < arity; p++) {
        e.load(p);
      }
      slowCall(mv);
      if (narrowFloats) {
        mv.visitInsn(D2F);
      }
      mv.visitInsn(arrayStoreOpcode(carrier));
      mv.visitJumpInsn(GOTO, next);
      mv.visitLabel(fast);
    }
    mv.visitVarInsn(ALOAD, out);
    mv.visitVarInsn(ILOAD, i);
    e.load(program.outputs().get(0).index());
    if (narrowFloats) {
      mv.visitInsn(D2F); // exact: a value of the format
    }
    mv.visitInsn(arrayStoreOpcode(carrier));
    mv.visitLabel(next);
    mv.visitIincInsn(i, 1);
    mv.visitJumpInsn(GOTO, head);
    mv.visitLabel(end);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * The interpreter's slow path of the shape's own per-point method (values as the kernel keeps
   * them).
   */
  private void slowCall(MethodVisitor mv) {
    String name =
        switch (shape.element) {
          case 'F' -> "slowFloat32";
          case 'D' -> "slowDouble";
          default -> "slowI32";
        };
    mv.visitMethodInsn(INVOKEVIRTUAL, BASE, name, shape.pointDescriptor(shape.element), false);
  }

  private static int returnOpcode(char carrier) {
    return switch (carrier) {
      case 'F' -> FRETURN;
      case 'D' -> DRETURN;
      default -> IRETURN;
    };
  }

  private static int arrayLoadOpcode(char carrier) {
    return switch (carrier) {
      case 'F' -> FALOAD;
      case 'D' -> DALOAD;
      default -> IALOAD;
    };
  }

  private static int arrayStoreOpcode(char carrier) {
    return switch (carrier) {
      case 'F' -> FASTORE;
      case 'D' -> DASTORE;
      default -> IASTORE;
    };
  }

  /** Emits code into one method: locals of the values, and the instructions. */
  private final class Emitter {
    final MethodVisitor mv;
    final int[] slot;
    int next;
    int big = -1;

    /** Split code: the locals of the value arrays, by {@link Type#ordinal()}. */
    final int[] arrays = {-1, -1, -1};

    Emitter(MethodVisitor mv, int firstFree) {
      this.mv = mv;
      this.slot = new int[program.valueCount()];
      Arrays.fill(slot, -1);
      this.next = firstFree;
    }

    int allocate(int size) {
      int s = next;
      next += size;
      return s;
    }

    /** Gives a local to each needed value from {@code from} on, and the flag local. */
    void allocateValues(int from) {
      for (int v = from; v < (split ? inputs : slot.length); v++) {
        if (v < inputs || needed[v]) {
          slot[v] = allocate(size(program.typeOf(v)));
        }
      }
      if (split) {
        int[] newArray = {f32 ? T_FLOAT : T_DOUBLE, T_INT, T_LONG};
        for (Type t : Type.values()) {
          arrays[t.ordinal()] = allocate(1);
          push(count[t.ordinal()]);
          mv.visitIntInsn(NEWARRAY, newArray[t.ordinal()]);
          mv.visitVarInsn(ASTORE, arrays[t.ordinal()]);
        }
      }
      if (hasInt) {
        big = allocate(1);
      }
    }

    /** Loads column {@code p} of the batch in local {@code batch} into a new local. */
    int column(int batch, int p, Type t) {
      mv.visitVarInsn(ALOAD, batch);
      push(p);
      String[] m =
          switch (t) {
            case F -> new String[] {"f", "[D"};
            case I32 -> new String[] {"i32", "[I"};
            case INT -> new String[] {"intSmall", "[J"};
          };
      mv.visitMethodInsn(INVOKEVIRTUAL, BATCH, m[0], "(I)" + m[1], false);
      int s = allocate(1);
      mv.visitVarInsn(ASTORE, s);
      return s;
    }

    /** Loads the big overlay of {@code int} column {@code p} into a new local. */
    int bigColumn(int batch, int p) {
      mv.visitVarInsn(ALOAD, batch);
      push(p);
      mv.visitMethodInsn(INVOKEVIRTUAL, BATCH, "intBig", "(I)[Ljava/math/BigInteger;", false);
      int s = allocate(1);
      mv.visitVarInsn(ASTORE, s);
      return s;
    }

    void initBig() {
      if (hasInt) {
        push(bigLiteral ? 1 : 0);
        mv.visitVarInsn(ISTORE, big);
      }
    }

    int size(Type t) {
      return switch (t) {
        case F -> f32 ? 1 : 2;
        case I32 -> 1;
        case INT -> 2;
      };
    }

    void load(int v) {
      if (slot[v] < 0) {
        element(v);
        mv.visitInsn(
            switch (program.typeOf(v)) {
              case F -> f32 ? FALOAD : DALOAD;
              case I32 -> IALOAD;
              case INT -> LALOAD;
            });
        return;
      }
      int op =
          switch (program.typeOf(v)) {
            case F -> f32 ? FLOAD : DLOAD;
            case I32 -> ILOAD;
            case INT -> LLOAD;
          };
      mv.visitVarInsn(op, slot[v]);
    }

    int arrayStore(Type t) {
      return switch (t) {
        case F -> f32 ? FASTORE : DASTORE;
        case I32 -> IASTORE;
        case INT -> LASTORE;
      };
    }

    /** Pushes the array and index of a value kept in an array (split code), before its value. */
    void element(int v) {
      mv.visitVarInsn(ALOAD, arrays[program.typeOf(v).ordinal()]);
      push(index[v]);
    }

    /** Before the code of a value: the array and index where split code stores it. */
    void beginStore(int v) {
      if (slot[v] < 0) {
        element(v);
      }
    }

    /** After {@link #beginStore} and the code of the value: stores it. */
    void store(int v) {
      if (slot[v] < 0) {
        mv.visitInsn(arrayStore(program.typeOf(v)));
        return;
      }
      int op =
          switch (program.typeOf(v)) {
            case F -> f32 ? FSTORE : DSTORE;
            case I32 -> ISTORE;
            case INT -> LSTORE;
          };
      mv.visitVarInsn(op, slot[v]);
    }

    void operand(Operand o) {
      switch (o) {
        case Ref r -> load(r.index());
        case FloatLit l -> {
          if (f32) {
            pushFloat((float) l.value());
          } else {
            pushDouble(l.value());
          }
        }
        case I32Lit l -> push(l.value());
        case IntLit l -> pushLong(l.value().bitLength() < 64 ? l.value().longValue() : 0L);
      }
    }

    void push(int x) {
      if (x >= -1 && x <= 5) {
        mv.visitInsn(ICONST_0 + x);
      } else if (x >= Byte.MIN_VALUE && x <= Byte.MAX_VALUE) {
        mv.visitIntInsn(BIPUSH, x);
      } else if (x >= Short.MIN_VALUE && x <= Short.MAX_VALUE) {
        mv.visitIntInsn(SIPUSH, x);
      } else {
        mv.visitLdcInsn(x);
      }
    }

    void pushLong(long x) {
      if (x == 0L || x == 1L) {
        mv.visitInsn(LCONST_0 + (int) x);
      } else {
        mv.visitLdcInsn(x);
      }
    }

    void pushFloat(float x) {
      int bits = Float.floatToRawIntBits(x);
      if (bits == Float.floatToRawIntBits(0f)) {
        mv.visitInsn(FCONST_0);
      } else if (bits == Float.floatToRawIntBits(1f)) {
        mv.visitInsn(FCONST_1);
      } else if (bits == Float.floatToRawIntBits(2f)) {
        mv.visitInsn(FCONST_2);
      } else {
        mv.visitLdcInsn(x);
      }
    }

    void pushDouble(double x) {
      long bits = Double.doubleToRawLongBits(x);
      if (bits == Double.doubleToRawLongBits(0d)) {
        mv.visitInsn(DCONST_0);
      } else if (bits == Double.doubleToRawLongBits(1d)) {
        mv.visitInsn(DCONST_1);
      } else {
        mv.visitLdcInsn(x);
      }
    }

    /** Rounds the float on the stack once to the (narrow) format. */
    void roundFloat() {
      staticCall(ROUNDING, Rounding.methodName(format), "(F)F");
    }

    /** After an op of a narrow format: rounds the double on the stack once to the format. */
    void roundSuffix() {
      if (narrow) {
        staticCall(ROUNDING, Rounding.methodName(format), "(D)D");
      }
    }

    void staticCall(String owner, String name, String desc) {
      mv.visitMethodInsn(INVOKESTATIC, owner, name, desc, false);
    }

    /** The straight-line code of the needed instructions. */
    void body() {
      if (!split) {
        instructions(0, program.body().size());
        return;
      }
      // The inputs into their arrays, then the chunks in order, threading the flag through.
      for (int p = 0; p < inputs; p++) {
        element(p);
        load(p);
        mv.visitInsn(arrayStore(program.typeOf(p)));
      }
      List<int[]> chunks = chunks();
      for (int k = 0; k < chunks.size(); k++) {
        for (int array : arrays) {
          mv.visitVarInsn(ALOAD, array);
        }
        if (hasInt) {
          mv.visitVarInsn(ILOAD, big);
        } else {
          push(0);
        }
        mv.visitMethodInsn(INVOKESTATIC, className, "chunk" + k, chunkDescriptor(), false);
        if (hasInt) {
          mv.visitVarInsn(ISTORE, big);
        } else {
          mv.visitInsn(POP);
        }
      }
    }

    /** The straight-line code of the needed instructions among {@code from .. to-1}. */
    void instructions(int from, int to) {
      List<Instr> body = program.body();
      for (int i = from; i < to; i++) {
        if (needed[inputs + i]) {
          instruction(inputs + i, body.get(i));
        }
      }
    }

    private void instruction(int v, Instr ins) {
      List<Operand> a = ins.args();
      beginStore(v);
      String fd = f32 ? "F" : "D";
      switch (ins.op()) {
        // case null: a switch statement javac checks for exhaustiveness (JLS 14.11.2)
        case null -> throw new NullPointerException();
        case FADD -> viaFloat(a, FADD, DADD);
        case FSUB -> viaFloat(a, FSUB, DSUB);
        case FMUL -> viaFloat(a, FMUL, DMUL);
        case FDIV -> rounded(a, f32 ? FDIV : DDIV);
        case FFMA -> {
          operands(a);
          if (format == NumberFormat.BFLOAT16) {
            staticCall(ARITH, "fmaRoundToOdd", "(DDD)D");
          } else if (narrow) {
            staticCall(ARITH, "fmaNarrow", "(DDD)D"); // float16 and FP8
          } else {
            staticCall(MATH, "fma", "(" + fd + fd + fd + ")" + fd);
          }
          roundSuffix();
        }
        case FNEG -> {
          if (narrow && !format.hasNegativeZero()) {
            rounded(a, DNEG); // -0 becomes +0
          } else {
            operands(a);
            mv.visitInsn(f32 ? FNEG : DNEG);
          }
        }
        // abs, min, max and select of values of the format are values of the format: no rounding.
        case FABS -> {
          operands(a);
          staticCall(MATH, "abs", "(" + fd + ")" + fd);
        }
        case FMIN -> {
          operands(a);
          staticCall(MATH, "min", "(" + fd + fd + ")" + fd);
        }
        case FMAX -> {
          operands(a);
          staticCall(MATH, "max", "(" + fd + fd + ")" + fd);
        }
        case FSQRT -> viaDouble(a, MATH, "sqrt");
        case FRINT -> viaDouble(a, MATH, "rint");
        case FFLOOR -> viaDouble(a, MATH, "floor");
        // Comparisons and selects: the bytecode javac emits for a < b ? 1 : 0 and c != 0 ? a : b,
        // inline, so each kernel's branches get their own profile (a shared helper's profile, mixed
        // over every kernel, can make C2 choose a branch where a conditional move is faster).
        case FLT -> compare(a, f32 ? FCMPG : DCMPG, IFGE);
        case FLE -> compare(a, f32 ? FCMPG : DCMPG, IFGT);
        case FEQ -> compare(a, f32 ? FCMPL : DCMPL, IFNE);
        case FSELECT -> {
          if (maskSelects) {
            codeSelect(a);
          } else {
            select(a);
          }
        }
        // float64 only: StrictMath, no rounding.
        case FEXP -> call(a, STRICT, "exp", "(D)D");
        case FLOG -> call(a, STRICT, "log", "(D)D");
        case FSIN -> call(a, STRICT, "sin", "(D)D");
        case FCOS -> call(a, STRICT, "cos", "(D)D");
        case FTANH -> call(a, STRICT, "tanh", "(D)D");
        case FPOW -> call(a, STRICT, "pow", "(DD)D");
        case IADD -> insn(a, IADD);
        case ISUB -> insn(a, ISUB);
        case IMUL -> insn(a, IMUL);
        case INEG -> insn(a, INEG);
        case ISHL -> insn(a, ISHL);
        case ISHR -> insn(a, ISHR);
        case IUSHR -> insn(a, IUSHR);
        case IAND -> insn(a, IAND);
        case IOR -> insn(a, IOR);
        case IXOR -> insn(a, IXOR);
        case ILT -> compare(a, -1, IF_ICMPGE);
        case ILE -> compare(a, -1, IF_ICMPGT);
        case IEQ -> compare(a, -1, IF_ICMPNE);
        case ISELECT -> select(a);
        case TOI -> {
          operands(a);
          if (f32) {
            mv.visitInsn(F2D);
          }
          staticCall(MATH, "rint", "(D)D");
          mv.visitInsn(D2I);
        }
        case TRUNC -> insn(a, f32 ? F2I : D2I);
        case ITOF -> {
          if (f32) {
            insn(a, I2F);
          } else {
            rounded(a, I2D); // every i32 is exact in binary64: one rounding
          }
        }
        case BITS -> {
          if (f32) {
            if (a.get(0) instanceof Ref r && Double.isFinite(bounds[r.index()])) {
              call(a, "java/lang/Float", "floatToRawIntBits", "(F)I"); // never NaN
            } else {
              call(a, ARITH, "bits", "(F)I"); // canonical NaN
            }
          } else {
            mv.visitFieldInsn(GETSTATIC, FORMAT, format.name(), FORMAT_DESC);
            operands(a);
            mv.visitMethodInsn(INVOKEVIRTUAL, FORMAT, "bitsOf", "(D)J", false);
            mv.visitInsn(L2I);
          }
        }
        case FROMBITS -> {
          if (f32) {
            call(a, "java/lang/Float", "intBitsToFloat", "(I)F");
          } else {
            mv.visitFieldInsn(GETSTATIC, FORMAT, format.name(), FORMAT_DESC);
            operands(a);
            mv.visitInsn(I2L);
            pushLong(format.codeMask());
            mv.visitInsn(LAND);
            mv.visitMethodInsn(INVOKEVIRTUAL, FORMAT, "decode", "(J)D", false);
          }
        }
        case ZADD -> insn(a, LADD);
        case ZSUB -> insn(a, LSUB);
        case ZMUL -> insn(a, LMUL);
        case ZNEG -> insn(a, LNEG);
        case ZDIV -> {
          flag(a, "divOverflows", "(JJ)Z");
          operands(a);
          mv.visitVarInsn(ILOAD, big);
          staticCall(ARITH, "divExact", "(JJZ)J");
        }
        case ZLT -> compare(a, LCMP, IFGE);
        case ZLE -> compare(a, LCMP, IFGT);
        case ZEQ -> compare(a, LCMP, IFNE);
        case ZSELECT -> select(a);
        case TOINT -> insn(a, I2L);
      }
      store(v);
      switch (ins.op()) {
        // case null: a switch statement javac checks for exhaustiveness (JLS 14.11.2)
        case null -> throw new NullPointerException();
        case ZADD -> flag(a, "addOverflows", "(JJ)Z");
        case ZSUB -> flag(a, "subOverflows", "(JJ)Z");
        case ZMUL -> flag(a, "mulOverflows", "(JJ)Z");
        case ZNEG -> flag(a, "negOverflows", "(J)Z");
        case FADD,
            FSUB,
            FMUL,
            FDIV,
            FFMA,
            FNEG,
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
            ZDIV,
            ZLT,
            ZLE,
            ZEQ,
            ZSELECT,
            TOINT -> {}
      }
    }

    private void operands(List<Operand> a) {
      for (Operand o : a) {
        operand(o);
      }
    }

    /**
     * {@code a OP b ? 1 : 0}: the operands, the compare instruction ({@code -1}: none, an int
     * compare-and-jump), and the jump to the 0 result where the comparison is false.
     */
    private void compare(List<Operand> a, int compareOpcode, int jumpIfFalse) {
      operands(a);
      if (compareOpcode >= 0) {
        mv.visitInsn(compareOpcode);
      }
      Label no = new Label();
      Label end = new Label();
      mv.visitJumpInsn(jumpIfFalse, no);
      push(1);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(no);
      push(0);
      mv.visitLabel(end);
    }

    /** {@code c != 0 ? a : b}, operands {@code (c, a, b)}. */
    private void select(List<Operand> a) {
      operand(a.get(0));
      Label no = new Label();
      Label end = new Label();
      mv.visitJumpInsn(IFEQ, no);
      operand(a.get(1));
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(no);
      operand(a.get(2));
      mv.visitLabel(end);
    }

    /**
     * {@code c != 0 ? a : b} of {@code f} values, operands {@code (c, a, b)}, without a branch:
     * {@code code(b) ^ ((code(a) ^ code(b)) & mask)} over the values' codes ({@code
     * Float.floatToRawIntBits}, {@code Double.doubleToRawLongBits}; a literal's code is a
     * constant), with {@code mask} all ones where {@code c != 0}, turned back into the value: bit
     * for bit the value {@link #select} gives, NaN payloads included.
     *
     * <p>Why: C2 on x86 compiles a scalar float or double {@code ?:} as a branch (its scalar
     * conditional move of floats is a jump over a move), and when {@code c} is a comparison it
     * merges the select into the comparison's own branch (split-if through the phi of 1 and 0):
     * mispredicted about half the time where the condition follows the data (the sign of the input
     * in the exp kernel: 9.6 ns per call on a million random inputs, 3.9 with the mask). The mask
     * costs three integer ops (two where {@code c} is a comparison, known 0 or 1) and the moves
     * between register files; used where the loop stays scalar anyway ({@link #maskSelects}).
     */
    private void codeSelect(List<Operand> a) {
      Operand c = a.get(0);
      Operand x = a.get(1);
      Operand y = a.get(2);
      code(y);
      if (x instanceof FloatLit lx && y instanceof FloatLit ly) {
        if (f32) {
          push(
              Float.floatToRawIntBits((float) lx.value())
                  ^ Float.floatToRawIntBits((float) ly.value()));
        } else {
          pushLong(Double.doubleToRawLongBits(lx.value()) ^ Double.doubleToRawLongBits(ly.value()));
        }
      } else {
        code(x);
        code(y);
        mv.visitInsn(f32 ? IXOR : LXOR);
      }
      operand(c);
      if (!(c instanceof Ref r && isComparison(r.index()))) {
        // c | -c has its sign bit set exactly when c != 0; >>> 31 makes that 1 or 0.
        mv.visitInsn(DUP);
        mv.visitInsn(INEG);
        mv.visitInsn(IOR);
        push(31);
        mv.visitInsn(IUSHR);
      }
      mv.visitInsn(INEG); // 1 -> all ones, 0 -> 0
      if (f32) {
        mv.visitInsn(IAND);
        mv.visitInsn(IXOR);
        staticCall("java/lang/Float", "intBitsToFloat", "(I)F");
      } else {
        mv.visitInsn(I2L);
        mv.visitInsn(LAND);
        mv.visitInsn(LXOR);
        staticCall("java/lang/Double", "longBitsToDouble", "(J)D");
      }
    }

    /** Whether value {@code v} is the result of a comparison (i32 0 or 1). */
    private boolean isComparison(int v) {
      return v >= inputs && program.body().get(v - inputs).op().isComparison();
    }

    /** The code of an {@code f} operand as the kernel carries it (float: int, double: long). */
    private void code(Operand o) {
      if (o instanceof FloatLit l) {
        if (f32) {
          push(Float.floatToRawIntBits((float) l.value()));
        } else {
          pushLong(Double.doubleToRawLongBits(l.value()));
        }
        return;
      }
      operand(o);
      if (f32) {
        staticCall("java/lang/Float", "floatToRawIntBits", "(F)I");
      } else {
        staticCall("java/lang/Double", "doubleToRawLongBits", "(D)J");
      }
    }

    private void insn(List<Operand> a, int opcode) {
      operands(a);
      mv.visitInsn(opcode);
    }

    private void call(List<Operand> a, String owner, String name, String desc) {
      operands(a);
      staticCall(owner, name, desc);
    }

    /**
     * add, sub or mul: a float32 op in float32 kernels and, in the narrow formats (values are
     * doubles), the float32 op on the operands converted to float (exact: every narrow value is a
     * float) rounded to the format by {@link Rounding}'s float method, then widened back. Between
     * two such ops the JIT folds the widening and the narrowing ({@code ConvD2F(ConvF2D(x)) = x}),
     * so a chain of narrow ops runs in float registers.
     *
     * <p>Why the float32 result rounded again is the correctly rounded result: the formats have p
     * <= 11 bits of precision and float32 has 24 >= 2p + 2, so rounding an exact sum, difference or
     * product first to float32 and then to the format is innocuous (Figueroa, "When is double
     * rounding innocuous?", SIGNUM 1995) wherever the result stays in float32's normal range. Every
     * narrow format lies inside that range except bfloat16's subnormals and overflow: a sum or
     * difference below a format's smallest normal is a multiple of its smallest subnormal, exact in
     * the format and in float32; a product has at most 2p <= 22 significant bits, so it is exact in
     * float32 from {@code 2^-134} (the smallest positive bfloat16 midpoint) up, and below it both
     * roundings give zero (a float32 rounding can reach that midpoint, whose tie goes to the even
     * zero, but not cross it); the overflow threshold of bfloat16 (and of every format) is a
     * float32 value, which the monotone float32 rounding keeps every result on the same side of.
     * {@code NarrowOpsMatchExactRoundingTest} checks it on every pair of FP8 values and on random
     * and edge pairs of float16 and bfloat16.
     */
    private void viaFloat(List<Operand> a, int floatOpcode, int doubleOpcode) {
      if (f32) {
        insn(a, floatOpcode);
        return;
      }
      if (!narrow) {
        insn(a, doubleOpcode); // float64
        return;
      }
      for (Operand o : a) {
        if (o instanceof FloatLit l) {
          pushFloat((float) l.value()); // a value of the format: exact
        } else {
          operand(o);
          mv.visitInsn(D2F);
        }
      }
      mv.visitInsn(floatOpcode);
      roundFloat();
      mv.visitInsn(F2D);
    }

    /** An op computed in the carrier type and rounded once to a narrow format. */
    private void rounded(List<Operand> a, int opcode) {
      operands(a);
      mv.visitInsn(opcode);
      roundSuffix();
    }

    /** A {@code Math} function of a double, rounded once to the format. */
    private void viaDouble(List<Operand> a, String owner, String name) {
      operands(a);
      if (f32) {
        mv.visitInsn(F2D);
      }
      staticCall(owner, name, "(D)D");
      if (f32) {
        mv.visitInsn(D2F);
      }
      roundSuffix();
    }

    /** {@code big |= test(operands)}. */
    private void flag(List<Operand> a, String test, String desc) {
      mv.visitVarInsn(ILOAD, big);
      operands(a);
      staticCall(ARITH, test, desc);
      mv.visitInsn(IOR);
      mv.visitVarInsn(ISTORE, big);
    }
  }
}
