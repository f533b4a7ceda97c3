package numevo.dsl.compile;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;
import numevo.dsl.program.Program;

/**
 * Compiles programs to JVM bytecode: each program becomes a hidden class (ASM-generated) whose
 * methods hold the program as straight-line code, so that the JIT compiles a kernel like
 * hand-written Java. The result agrees bit for bit with {@link numevo.dsl.eval.Interpreter}.
 *
 * <p>Classes are defined with {@link MethodHandles.Lookup#defineHiddenClass} without {@code
 * ClassOption.STRONG}: a kernel's class is unloaded once the kernel is unreachable, so compiling
 * any number of programs over a long search keeps Metaspace bounded.
 *
 * <p>Compile time is dominated by class definition (parsing and verification): about 0.1 ms for a
 * 20-instruction program (see {@code CompileBenchmark} in numevo-runs, {@code ./numevo jmh
 * CompileBenchmark}). Compile the programs worth it (winners, candidates evaluated on many points);
 * for one-off evaluations {@link numevo.dsl.eval.ColumnarEvaluator} is cheaper.
 *
 * <p>Only the instructions some output depends on are compiled, and those {@code int} instructions
 * that can fail or leave 64 bits (the interpreter evaluates dead code too). Limits: a method holds
 * at most 64 KiB of bytecode (roughly 5 to 10 bytes per compiled instruction), so programs of
 * several thousand live instructions are compiled again split into methods of 200 instructions,
 * which keep their values in arrays (so every program within {@link numevo.dsl.program.Limits}
 * compiles; {@link KernelTooLargeException} remains for the constant pool's 65,535 entries, out of
 * reach of programs within the limits). HotSpot does not JIT-compile methods beyond 8,000 bytes of
 * bytecode (unless run with {@code -XX:-DontCompileHugeMethods}), about a thousand live
 * instructions, so kernels between that and the split run in the bytecode interpreter; the methods
 * of split code are small enough to be JIT-compiled.
 *
 * <p>Thread-safe.
 */
public final class KernelCompiler {
  private KernelCompiler() {}

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, Program.class);

  /**
   * Compiles a program. The kernel also implements the specialized interface of the program's
   * shape, if it has one: {@link Float32Unary}, {@link Float32Binary}, {@link DoubleUnary}, {@link
   * DoubleBinary} (float64), {@link NarrowUnary}, {@link NarrowBinary} (narrower formats, with
   * float methods too) or {@link I32Binary}.
   *
   * @param program the program, never null
   * @return a new kernel, with a class of its own
   * @throws KernelTooLargeException if the program's code exceeds a class-file limit
   */
  public static CompiledKernel compile(Program program) {
    Objects.requireNonNull(program, "program");
    return define(program, classBytes(program));
  }

  /** The kernel of {@code program} in split code however small it is, for tests of that code. */
  static CompiledKernel compileSplit(Program program) {
    return define(program, KernelGenerator.generate(program, className(program), true));
  }

  private static CompiledKernel define(Program program, byte[] bytes) {
    try {
      MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(bytes, true);
      MethodHandle constructor = hidden.findConstructor(hidden.lookupClass(), CONSTRUCTOR);
      return (CompiledKernel) constructor.invoke(program);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot define the class of kernel " + program.name(), e);
    }
  }

  /**
   * Compiles a program to a kernel of the given kind.
   *
   * @param program the program, never null
   * @param kind {@link CompiledKernel} or one of the specialized interfaces
   * @return the kernel
   * @throws IllegalArgumentException if the program's shape does not give that kind (for instance
   *     {@link Float32Unary} for a program that is not float32 or does not have one {@code f} input
   *     and one {@code f} output)
   * @throws KernelTooLargeException if the program's code exceeds a class-file limit
   */
  public static <K extends CompiledKernel> K compile(Program program, Class<K> kind) {
    Objects.requireNonNull(kind, "kind");
    if (!kind.isAssignableFrom(kindOf(program))) {
      throw new IllegalArgumentException(
          "kernel '"
              + program.name()
              + "' ("
              + program.format()
              + ", "
              + program.inputTypes()
              + " -> "
              + program.outputTypes()
              + ") cannot be a "
              + kind.getSimpleName()
              + "; it compiles to a "
              + kindOf(program).getSimpleName());
    }
    return kind.cast(compile(program));
  }

  /**
   * The most specialized kernel interface for a program: what {@link #compile(Program)} returns
   * implements it.
   */
  public static Class<? extends CompiledKernel> kindOf(Program program) {
    return Shape.of(program).kind;
  }

  /**
   * The class file {@link #compile(Program)} defines, for inspection and verification. Its name is
   * in this package; the JVM appends a suffix when it defines it as a hidden class.
   *
   * @throws KernelTooLargeException if the program's code exceeds a class-file limit
   */
  public static byte[] classBytes(Program program) {
    return KernelGenerator.generate(program, className(program));
  }

  private static String className(Program program) {
    String name = program.name();
    StringBuilder sb = new StringBuilder("numevo/dsl/compile/Kernel$");
    for (int i = 0; i < name.length() && i < 64; i++) {
      char c = name.charAt(i);
      sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' ? c : '_');
    }
    return sb.toString();
  }
}
