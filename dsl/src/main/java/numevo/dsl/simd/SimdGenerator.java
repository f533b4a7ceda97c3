package numevo.dsl.simd;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V21;

import java.util.List;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Generates the loop class of a supported float32 kernel: a static method {@code main} whose loop
 * body loads one vector of lanes per live input, applies each live instruction as the code of its
 * {@link SimdOps} method, pasted in by {@link Inliner} (so the loop calls the Vector API directly,
 * which C2 force-inlines and intrinsifies, keeping vectors in registers), and stores the outputs; a
 * static method {@code tail} does the last partial vector the same way with masked loads and
 * stores. Instance methods implement {@link SimdLoop}.
 */
final class SimdGenerator {
  private SimdGenerator() {}

  /** HotSpot does not JIT-compile methods of more bytecode ({@code DontCompileHugeMethods}). */
  static final int MAX_METHOD_BYTES = 8000;

  private static final String FV = "Ljdk/incubator/vector/FloatVector;";
  private static final String IV = "Ljdk/incubator/vector/IntVector;";
  private static final String MASK = "Ljdk/incubator/vector/VectorMask;";

  /**
   * The class file of {@code p}'s loop, named {@code className}.
   *
   * @throws SimdDeclinedException if a loop method would be too large to be JIT-compiled
   */
  static byte[] generate(Program p, String className) {
    Gen g = new Gen(p, className);
    return g.generate();
  }

  private static final class Gen {
    private final Program p;
    private final String className;
    private final int k;
    private final int ports;
    private final boolean[] live;
    private final String portsDesc;

    /**
     * Comparisons whose every live use is the condition of a {@code select}: they are kept as the
     * comparison's {@link jdk.incubator.vector.VectorMask}, which the selects blend by directly,
     * instead of as 1/0 lanes that each select compares with 0 again.
     */
    private final boolean[] maskOnly;

    /** {@code bits} instructions whose NaN lanes no output can see ({@link #rawBits}). */
    private final boolean[] rawBits;

    Gen(Program p, String className) {
      this.p = p;
      this.className = className;
      this.k = p.inputs().size();
      this.ports = k + p.outputs().size();
      this.live = liveness(p);
      this.maskOnly = maskOnly(p, live);
      this.rawBits = rawBits(p, live);
      StringBuilder sb = new StringBuilder();
      for (Type t : p.inputTypes()) {
        sb.append(arrayDesc(t));
      }
      for (Type t : p.outputTypes()) {
        sb.append(arrayDesc(t));
      }
      this.portsDesc = sb.toString();
    }

    byte[] generate() {
      ClassWriter cw =
          new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            // Scratch locals of pasted helpers hold vectors of different types at different
            // points; they are dead where frames merge, so Object is the type to merge to.
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
              return "java/lang/Object";
            }
          };
      cw.visit(
          V21,
          ACC_PUBLIC | ACC_FINAL | ACC_SUPER,
          className,
          null,
          "java/lang/Object",
          new String[] {"numevo/dsl/simd/SimdLoop"});
      MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
      init.visitCode();
      init.visitVarInsn(ALOAD, 0);
      init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
      init.visitInsn(RETURN);
      init.visitMaxs(0, 0);
      init.visitEnd();
      mainLoop(cw);
      tailLoop(cw);
      columns(cw);
      shaped(cw);
      cw.visitEnd();
      return cw.toByteArray();
    }

    private void mainLoop(ClassWriter cw) {
      MethodVisitor mv =
          cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "main", "(" + portsDesc + "I)V", null, null);
      mv.visitCode();
      int n = ports;
      int i = ports + 1;
      int upper = ports + 2;
      int base = ports + 3;
      int temps = base + p.valueCount();
      mv.visitInsn(org.objectweb.asm.Opcodes.ICONST_0);
      mv.visitVarInsn(ISTORE, i);
      mv.visitVarInsn(ILOAD, n);
      Inliner.inline(mv, "bound", "(I)I", temps);
      mv.visitVarInsn(ISTORE, upper);
      Label head = new Label();
      Label tail = new Label();
      Label end = new Label();
      mv.visitLabel(head);
      mv.visitVarInsn(ILOAD, i);
      mv.visitVarInsn(ILOAD, upper);
      mv.visitJumpInsn(IF_ICMPGE, tail);
      body(mv, i, -1, base);
      mv.visitIincInsn(i, SimdOps.F.length());
      mv.visitJumpInsn(GOTO, head);
      mv.visitLabel(tail);
      mv.visitVarInsn(ILOAD, i);
      mv.visitVarInsn(ILOAD, n);
      mv.visitJumpInsn(IF_ICMPGE, end);
      for (int q = 0; q < ports; q++) {
        mv.visitVarInsn(ALOAD, q);
      }
      mv.visitVarInsn(ILOAD, i);
      mv.visitVarInsn(ILOAD, n);
      mv.visitMethodInsn(INVOKESTATIC, className, "tail", "(" + portsDesc + "II)V", false);
      mv.visitLabel(end);
      mv.visitInsn(RETURN);
      Label size = new Label();
      mv.visitLabel(size);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      checkSize("main", size);
    }

    private void tailLoop(ClassWriter cw) {
      MethodVisitor mv =
          cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "tail", "(" + portsDesc + "II)V", null, null);
      mv.visitCode();
      int i = ports;
      int n = ports + 1;
      int mask = ports + 2;
      int base = ports + 3;
      int temps = base + p.valueCount();
      mv.visitVarInsn(ILOAD, i);
      mv.visitVarInsn(ILOAD, n);
      Inliner.inline(mv, "tail", "(II)" + MASK, temps);
      mv.visitVarInsn(ASTORE, mask);
      body(mv, i, mask, base);
      mv.visitInsn(RETURN);
      Label size = new Label();
      mv.visitLabel(size);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      checkSize("tail", size);
    }

    private void checkSize(String method, Label end) {
      int bytes = end.getOffset();
      if (bytes > MAX_METHOD_BYTES) {
        throw new SimdDeclinedException(
            "kernel '"
                + p.name()
                + "' is too large for the SIMD backend: its "
                + method
                + " loop would have "
                + bytes
                + " bytes of bytecode, beyond the "
                + MAX_METHOD_BYTES
                + " HotSpot JIT-compiles");
      }
    }

    /** One iteration: loads, the live instructions, stores; {@code mask} -1 for unmasked. */
    private void body(MethodVisitor mv, int i, int mask, int base) {
      int temps = base + p.valueCount();
      String tailArg = mask < 0 ? "" : MASK;
      for (int q = 0; q < k; q++) {
        if (!live[q]) {
          continue;
        }
        boolean f = p.inputTypes().get(q) == Type.F;
        mv.visitVarInsn(ALOAD, q);
        mv.visitVarInsn(ILOAD, i);
        if (mask >= 0) {
          mv.visitVarInsn(ALOAD, mask);
        }
        Inliner.inline(
            mv,
            f ? "loadF" : "loadI",
            "(" + (f ? "[F" : "[I") + "I" + tailArg + ")" + (f ? FV : IV),
            temps);
        mv.visitVarInsn(ASTORE, base + q);
      }
      List<Instr> instrs = p.body();
      for (int j = 0; j < instrs.size(); j++) {
        if (!live[k + j]) {
          continue;
        }
        Instr ins = instrs.get(j);
        List<Operand> args = ins.args();
        Call c;
        if (maskOnly[k + j]) {
          args.forEach(o -> operand(mv, o, base, temps));
          c = maskCall(ins.op());
        } else if (isSelect(ins.op())
            && args.get(0) instanceof Ref cond
            && maskOnly[cond.index()]) {
          args.forEach(o -> operand(mv, o, base, temps));
          c =
              ins.op() == Op.FSELECT
                  ? new Call("fselectMask", "(" + MASK + FV + FV + ")" + FV)
                  : new Call("iselectMask", "(" + MASK + IV + IV + ")" + IV);
        } else if ((ins.op() == Op.FMAX || ins.op() == Op.FMIN) && boundLiteral(args) >= 0) {
          int lit = boundLiteral(args);
          operand(mv, args.get(1 - lit), base, temps);
          operand(mv, args.get(lit), base, temps);
          c =
              new Call(
                  ins.op() == Op.FMAX ? "fmaxLiteral" : "fminLiteral", "(" + FV + FV + ")" + FV);
        } else if (ins.op() == Op.BITS && rawBits[k + j]) {
          args.forEach(o -> operand(mv, o, base, temps));
          c = new Call("bitsRaw", "(" + FV + ")" + IV);
        } else {
          args.forEach(o -> operand(mv, o, base, temps));
          c = integral(ins) ? new Call("trunc", "(" + FV + ")" + IV) : call(ins.op());
        }
        Inliner.inline(mv, c.name, c.desc, temps);
        mv.visitVarInsn(ASTORE, base + k + j);
      }
      List<Type> outs = p.outputTypes();
      for (int o = 0; o < outs.size(); o++) {
        boolean f = outs.get(o) == Type.F;
        mv.visitVarInsn(ALOAD, base + p.outputs().get(o).index());
        mv.visitVarInsn(ALOAD, k + o);
        mv.visitVarInsn(ILOAD, i);
        if (mask >= 0) {
          mv.visitVarInsn(ALOAD, mask);
        }
        Inliner.inline(
            mv,
            f ? "storeF" : "storeI",
            "(" + (f ? FV + "[F" : IV + "[I") + "I" + tailArg + ")V",
            temps);
      }
    }

    /**
     * The index (0 or 1) of an argument of a {@code min} or {@code max} that is a literal other
     * than NaN and zero (as a float), or -1. With such a bound {@code c}, Java's {@code Math.max(a,
     * c)} is {@code a < c ? c : a} and {@code Math.min(a, c)} is {@code a > c ? c : a}: a NaN
     * {@code a} fails the comparison and passes through, the signs of zeros cannot matter, and
     * {@code a == c} means the same value. That is one comparison and one blend, where the Vector
     * API's MAX and MIN keep Java's NaN and signed-zero rules for any operands (five instructions
     * on x86).
     */
    private static int boundLiteral(List<Operand> args) {
      for (int a = 0; a < 2; a++) {
        if (args.get(a) instanceof FloatLit l) {
          float c = (float) l.value();
          if (!Float.isNaN(c) && c != 0f) {
            return a;
          }
        }
      }
      return -1;
    }

    /**
     * Whether {@code ins} is a {@code toi} of a {@code rint} or {@code floor} result: rounding an
     * integer (or NaN, or an infinity) changes nothing, so {@code toi} is {@code trunc} there, and
     * the second rounding (eight vector ops) is saved. Cody-Waite reductions have this shape.
     */
    private boolean integral(Instr ins) {
      if (ins.op() != Op.TOI || !(ins.args().get(0) instanceof Ref r) || r.index() < k) {
        return false;
      }
      Op producer = p.body().get(r.index() - k).op();
      return producer == Op.FRINT || producer == Op.FFLOOR;
    }

    private void operand(MethodVisitor mv, Operand o, int base, int temps) {
      switch (o) {
        case Ref r -> mv.visitVarInsn(ALOAD, base + r.index());
        case FloatLit l -> {
          mv.visitLdcInsn((float) l.value());
          Inliner.inline(mv, "litF", "(F)" + FV, temps);
        }
        case I32Lit l -> {
          mv.visitLdcInsn(l.value());
          Inliner.inline(mv, "litI", "(I)" + IV, temps);
        }
        case IntLit l ->
            throw new SimdDeclinedException("int literal " + l.value() + ": no int values");
      }
    }

    /** {@code columns(Object[], int)}: unpacks the column array and runs {@code main}. */
    private void columns(ClassWriter cw) {
      MethodVisitor mv =
          cw.visitMethod(ACC_PUBLIC, "columns", "([Ljava/lang/Object;I)V", null, null);
      mv.visitCode();
      List<Type> types = new java.util.ArrayList<>(p.inputTypes());
      types.addAll(p.outputTypes());
      for (int q = 0; q < ports; q++) {
        mv.visitVarInsn(ALOAD, 1);
        mv.visitLdcInsn(q);
        mv.visitInsn(AALOAD);
        mv.visitTypeInsn(CHECKCAST, arrayDesc(types.get(q)));
      }
      mv.visitVarInsn(ILOAD, 2);
      mv.visitMethodInsn(INVOKESTATIC, className, "main", "(" + portsDesc + "I)V", false);
      mv.visitInsn(RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }

    /** The direct entry of the program's port shape, if it has one. */
    private void shaped(ClassWriter cw) {
      String name =
          switch (portsDesc) {
            case "[F[F" -> "unary";
            case "[F[F[F" -> "binary";
            case "[I[I[I" -> "codes";
            default -> null;
          };
      if (name == null) {
        return;
      }
      MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, name, "(" + portsDesc + "I)V", null, null);
      mv.visitCode();
      for (int q = 0; q < ports; q++) {
        mv.visitVarInsn(ALOAD, q + 1);
      }
      mv.visitVarInsn(ILOAD, ports + 1);
      mv.visitMethodInsn(INVOKESTATIC, className, "main", "(" + portsDesc + "I)V", false);
      mv.visitInsn(RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
  }

  private static String arrayDesc(Type t) {
    return switch (t) {
      case F -> "[F";
      case I32 -> "[I";
      case INT -> throw new SimdDeclinedException("int port: no int values");
    };
  }

  /** Which values some output depends on (every instruction here is free of side effects). */
  static boolean[] liveness(Program p) {
    int k = p.inputs().size();
    boolean[] live = new boolean[p.valueCount()];
    for (Ref r : p.outputs()) {
      live[r.index()] = true;
    }
    List<Instr> body = p.body();
    for (int j = body.size() - 1; j >= 0; j--) {
      if (!live[k + j]) {
        continue;
      }
      for (Operand o : body.get(j).args()) {
        if (o instanceof Ref r) {
          live[r.index()] = true;
        }
      }
    }
    return live;
  }

  /**
   * Which values are comparisons used only as the condition of {@code select}s (never as an output,
   * an operand of another op, or a select's value).
   */
  static boolean[] maskOnly(Program p, boolean[] live) {
    int k = p.inputs().size();
    List<Instr> body = p.body();
    boolean[] only = new boolean[p.valueCount()];
    for (int j = 0; j < body.size(); j++) {
      only[k + j] = live[k + j] && body.get(j).op().isComparison();
    }
    for (Ref r : p.outputs()) {
      only[r.index()] = false;
    }
    for (int j = 0; j < body.size(); j++) {
      if (!live[k + j]) {
        continue;
      }
      Instr ins = body.get(j);
      List<Operand> args = ins.args();
      for (int a = 0; a < args.size(); a++) {
        if (args.get(a) instanceof Ref r && !(a == 0 && isSelect(ins.op()))) {
          only[r.index()] = false;
        }
      }
    }
    return only;
  }

  /**
   * Which {@code bits} instructions may give a NaN operand's raw code instead of {@code
   * 0x7fc00000}, because no output depends on their value in the lanes where the operand is NaN:
   * there, every value that depends on the {@code bits} result is absorbed by a float op that has
   * another operand which is NaN whenever the {@code bits} operand is. Such a value is NaN in those
   * lanes whatever the code was (and every NaN counts as one value; {@code bits} of it is canonical
   * again). Cody-Waite reductions have this shape: {@code bits t} builds the scale 2^n, which
   * multiplies a polynomial in {@code r}, and {@code r} is NaN where {@code t} is. Saves the NaN
   * test and blend per vector.
   *
   * <p>For each live {@code bits b = bits t}: P, the values NaN whenever {@code t} is ({@code t}; a
   * float op with an operand in P, where every such op gives NaN for a NaN operand whatever the
   * others are; a {@code select} of two values in P); D, the values that may differ ({@code b}; any
   * op with an operand in D, unless it is in P). Raw is allowed when no output is in D.
   */
  static boolean[] rawBits(Program p, boolean[] live) {
    int k = p.inputs().size();
    List<Instr> body = p.body();
    boolean[] raw = new boolean[p.valueCount()];
    for (int j = 0; j < body.size(); j++) {
      Instr ins = body.get(j);
      if (!live[k + j] || ins.op() != Op.BITS || !(ins.args().get(0) instanceof Ref t)) {
        continue;
      }
      boolean[] nan = new boolean[p.valueCount()];
      boolean[] dirty = new boolean[p.valueCount()];
      nan[t.index()] = true;
      dirty[k + j] = true;
      for (int u = 0; u < body.size(); u++) {
        Instr use = body.get(u);
        List<Operand> args = use.args();
        if (propagatesNaN(use.op())) {
          for (Operand o : args) {
            if (o instanceof Ref r && nan[r.index()]) {
              nan[k + u] = true;
            }
          }
        } else if (use.op() == Op.FSELECT
            && args.get(1) instanceof Ref a
            && args.get(2) instanceof Ref b
            && nan[a.index()]
            && nan[b.index()]) {
          nan[k + u] = true;
        }
        if (!nan[k + u]) {
          for (Operand o : args) {
            if (o instanceof Ref r && dirty[r.index()]) {
              dirty[k + u] = true;
            }
          }
        }
      }
      boolean seen = false;
      for (Ref r : p.outputs()) {
        seen |= dirty[r.index()];
      }
      raw[k + j] = !seen;
    }
    return raw;
  }

  /** Whether the op's result is NaN whenever any one operand is NaN (Java float semantics). */
  private static boolean propagatesNaN(Op op) {
    return switch (op) {
      case FADD, FSUB, FMUL, FDIV, FFMA, FNEG, FABS, FMIN, FMAX, FSQRT, FRINT, FFLOOR -> true;
      case FLT, FLE, FEQ, FSELECT, TOI, TRUNC, ITOF, BITS, FROMBITS -> false;
      case IADD, ISUB, IMUL, INEG, ISHL, ISHR, IUSHR, IAND, IOR, IXOR, ILT, ILE, IEQ, ISELECT ->
          false;
      case FEXP, FLOG, FSIN, FCOS, FTANH, FPOW -> false;
      case ZADD, ZSUB, ZMUL, ZNEG, ZDIV, ZLT, ZLE, ZEQ, ZSELECT, TOINT -> false;
    };
  }

  private static boolean isSelect(Op op) {
    return op == Op.FSELECT || op == Op.ISELECT;
  }

  /** The mask-valued form of a comparison ({@link #maskOnly}). */
  private static Call maskCall(Op op) {
    String f = "(" + FV + FV + ")" + MASK;
    String i = "(" + IV + IV + ")" + MASK;
    return switch (op) {
      case FLT -> new Call("fltMask", f);
      case FLE -> new Call("fleMask", f);
      case FEQ -> new Call("feqMask", f);
      case ILT -> new Call("iltMask", i);
      case ILE -> new Call("ileMask", i);
      case IEQ -> new Call("ieqMask", i);
      case FADD, FSUB, FMUL, FDIV, FFMA, FNEG, FABS, FMIN, FMAX, FSQRT, FRINT, FFLOOR, FSELECT ->
          notComparison(op);
      case IADD, ISUB, IMUL, INEG, ISHL, ISHR, IUSHR, IAND, IOR, IXOR, ISELECT -> notComparison(op);
      case TOI, TRUNC, ITOF, BITS, FROMBITS -> notComparison(op);
      case FEXP, FLOG, FSIN, FCOS, FTANH, FPOW -> notComparison(op);
      case ZADD, ZSUB, ZMUL, ZNEG, ZDIV, ZLT, ZLE, ZEQ, ZSELECT, TOINT -> notComparison(op);
    };
  }

  private static Call notComparison(Op op) {
    throw new IllegalStateException(op + " is not a comparison of f or i32 values");
  }

  private record Call(String name, String desc) {}

  private static Call call(Op op) {
    String f1 = "(" + FV + ")" + FV;
    String f2 = "(" + FV + FV + ")" + FV;
    String f3 = "(" + FV + FV + FV + ")" + FV;
    String fCmp = "(" + FV + FV + ")" + IV;
    String i1 = "(" + IV + ")" + IV;
    String i2 = "(" + IV + IV + ")" + IV;
    String i3 = "(" + IV + IV + IV + ")" + IV;
    return switch (op) {
      case FADD -> new Call("fadd", f2);
      case FSUB -> new Call("fsub", f2);
      case FMUL -> new Call("fmul", f2);
      case FDIV -> new Call("fdiv", f2);
      case FFMA -> new Call("ffma", f3);
      case FNEG -> new Call("fneg", f1);
      case FABS -> new Call("fabs", f1);
      case FMIN -> new Call("fmin", f2);
      case FMAX -> new Call("fmax", f2);
      case FSQRT -> new Call("fsqrt", f1);
      case FRINT -> new Call("frint", f1);
      case FFLOOR -> new Call("ffloor", f1);
      case FLT -> new Call("flt", fCmp);
      case FLE -> new Call("fle", fCmp);
      case FEQ -> new Call("feq", fCmp);
      case FSELECT -> new Call("fselect", "(" + IV + FV + FV + ")" + FV);
      case IADD -> new Call("iadd", i2);
      case ISUB -> new Call("isub", i2);
      case IMUL -> new Call("imul", i2);
      case INEG -> new Call("ineg", i1);
      case ISHL -> new Call("ishl", i2);
      case ISHR -> new Call("ishr", i2);
      case IUSHR -> new Call("iushr", i2);
      case IAND -> new Call("iand", i2);
      case IOR -> new Call("ior", i2);
      case IXOR -> new Call("ixor", i2);
      case ILT -> new Call("ilt", i2);
      case ILE -> new Call("ile", i2);
      case IEQ -> new Call("ieq", i2);
      case ISELECT -> new Call("iselect", i3);
      case TOI -> new Call("toi", "(" + FV + ")" + IV);
      case TRUNC -> new Call("trunc", "(" + FV + ")" + IV);
      case ITOF -> new Call("itof", "(" + IV + ")" + FV);
      case BITS -> new Call("bits", "(" + FV + ")" + IV);
      case FROMBITS -> new Call("frombits", "(" + IV + ")" + FV);
      case FEXP, FLOG, FSIN, FCOS, FTANH, FPOW -> throw unsupported(op);
      case ZADD, ZSUB, ZMUL, ZNEG, ZDIV, ZLT, ZLE, ZEQ, ZSELECT, TOINT -> throw unsupported(op);
    };
  }

  private static SimdDeclinedException unsupported(Op op) {
    return new SimdDeclinedException("op " + op + " has no SIMD form");
  }
}
