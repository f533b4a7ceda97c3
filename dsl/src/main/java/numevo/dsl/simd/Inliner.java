package numevo.dsl.simd;

import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.ASM9;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.FRETURN;
import static org.objectweb.asm.Opcodes.FSTORE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.RETURN;

import java.io.IOException;
import java.io.InputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Copies the bytecode of a {@link SimdOps} method into generated code in place of a call to it. C2
 * gives up inlining ordinary small methods once a compilation holds too many nodes ({@code
 * NodeCountInliningCutoff}), which a kernel of a few dozen vector ops reaches; a vector left in a
 * call that is not inlined is boxed, and the loop becomes a thousand times slower. The Vector API's
 * own methods are force-inlined, so calling them directly from the loop keeps every vector in
 * registers. The helpers stay plain Java (readable, and tested through the generated code); this
 * class pastes them in: arguments are stored from the stack into fresh locals, local indices are
 * shifted, the final return is dropped, and calls of other helpers are pasted recursively. Helpers
 * must be straight-line code (no branches), which {@link #inline} checks.
 */
final class Inliner {
  private Inliner() {}

  private static final String OPS = Type.getInternalName(SimdOps.class);

  /** Locals a helper may use; nested helpers get the next block of this many. */
  private static final int FRAME = 16;

  private static final byte[] BYTES = read();

  private static byte[] read() {
    try (InputStream in = SimdOps.class.getResourceAsStream("SimdOps.class")) {
      if (in == null) {
        throw new IllegalStateException("no class file of " + OPS);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the class file of " + OPS, e);
    }
  }

  /**
   * Emits the body of {@code SimdOps.name(desc)} into {@code mv}, its arguments on the stack, its
   * result left on the stack; its locals from {@code firstLocal} on.
   */
  static void inline(MethodVisitor mv, String name, String desc, int firstLocal) {
    Type[] params = Type.getArgumentTypes(desc);
    for (int j = params.length - 1; j >= 0; j--) {
      int op =
          switch (params[j].getSort()) {
            case Type.INT -> ISTORE;
            case Type.FLOAT -> FSTORE;
            case Type.ARRAY, Type.OBJECT -> ASTORE;
            default -> throw new IllegalStateException("helper parameter " + params[j]);
          };
      mv.visitVarInsn(op, firstLocal + j);
    }
    boolean[] found = {false};
    new ClassReader(BYTES)
        .accept(
            new ClassVisitor(ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String n, String d, String signature, String[] exceptions) {
                if (!n.equals(name) || !d.equals(desc)) {
                  return null;
                }
                found[0] = true;
                return new Paste(mv, firstLocal, name);
              }
            },
            ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    if (!found[0]) {
      throw new IllegalStateException("no helper " + OPS + "." + name + desc);
    }
  }

  /** Forwards a helper's instructions with its locals shifted. */
  private static final class Paste extends MethodVisitor {
    private final int shift;
    private final String name;
    private boolean returned;

    Paste(MethodVisitor target, int shift, String name) {
      super(ASM9, target);
      this.shift = shift;
      this.name = name;
    }

    private void notAfterReturn() {
      if (returned) {
        throw new IllegalStateException("helper " + name + " has code after its return");
      }
    }

    @Override
    public void visitCode() {}

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {}

    @Override
    public void visitEnd() {}

    @Override
    public void visitInsn(int opcode) {
      notAfterReturn();
      if (opcode == ARETURN || opcode == IRETURN || opcode == FRETURN || opcode == RETURN) {
        returned = true;
        return;
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
      notAfterReturn();
      if (var >= FRAME) {
        throw new IllegalStateException("helper " + name + " uses more than " + FRAME + " locals");
      }
      super.visitVarInsn(opcode, var + shift);
    }

    @Override
    public void visitIincInsn(int var, int increment) {
      notAfterReturn();
      super.visitIincInsn(var + shift, increment);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String n, String d, boolean isInterface) {
      notAfterReturn();
      if (opcode == INVOKESTATIC && owner.equals(OPS)) {
        inline(mv, n, d, shift + FRAME);
      } else {
        super.visitMethodInsn(opcode, owner, n, d, isInterface);
      }
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      throw new IllegalStateException(
          "helper " + name + " branches; helpers must be straight-line");
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
      throw new IllegalStateException("helper " + name + " branches");
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
      throw new IllegalStateException("helper " + name + " branches");
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
      throw new IllegalStateException("helper " + name + " catches");
    }

    @Override
    public void visitInvokeDynamicInsn(String n, String d, Handle bsm, Object... bsmArgs) {
      throw new IllegalStateException("helper " + name + " uses invokedynamic");
    }
  }
}
