package numevo.dsl.simd;

import java.lang.invoke.MethodHandles;
import java.util.Objects;
import java.util.Optional;
import numevo.dsl.compile.CompiledKernel;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * The SIMD backend: compiles a float32 kernel to an explicit vector loop over the JDK's Vector API
 * ({@code jdk.incubator.vector}, preferred species: 16 float lanes with AVX-512, 8 with AVX2), bit
 * for bit with {@link numevo.dsl.eval.Interpreter}, as {@link KernelCompiler} is.
 *
 * <p>The loop is a hidden class generated with ASM (see {@code SimdGenerator}): per iteration it
 * loads one vector per live input, applies each live instruction as a Vector API call on locals,
 * which C2 intrinsifies, and stores the outputs; the last {@code n mod lanes} points run in a
 * masked iteration. Array and batch methods run the loop; per-point methods run the scalar compiled
 * kernel. The kernel implements the same interfaces as the scalar compiler's ({@link
 * numevo.dsl.compile.Float32Unary}, {@link numevo.dsl.compile.Float32Binary}, {@link
 * numevo.dsl.compile.I32Binary}, else {@link CompiledKernel}).
 *
 * <p><b>Supported:</b> float32 kernels whose ports and values are {@code f} and {@code i32}, with
 * any of: {@code add sub mul div fma neg abs min max sqrt rint floor}, float {@code lt le eq
 * select}, i32 {@code add sub mul neg shl shr ushr and or xor lt le eq select}, {@code toi trunc
 * itof bits frombits}. Java semantics throughout: {@code min}/{@code max} as {@code
 * Math.min}/{@code max} (NaN wins, -0 below +0), {@code rint} ties to even, {@code toi}/{@code
 * trunc} saturating with NaN to 0, {@code bits} with every NaN as {@code 0x7fc00000}, shift counts
 * masked to 5 bits.
 *
 * <p><b>Declined</b> ({@link SimdDeclinedException}, with the reason; {@link #compileOrScalar}
 * falls back to the scalar compiler): other formats (float64, whose transcendental ops are
 * StrictMath calls, and the narrow formats, rounded per op in software), {@code int} values and ops
 * (exact bignum arithmetic), kernels whose loop would exceed HotSpot's 8,000-byte JIT limit (a
 * chain of 240 {@code fma} or 111 {@code rint}: each op's pasted code is 30 to 70 bytes), and any
 * JVM started without {@code --add-modules jdk.incubator.vector} ({@code ./numevo}, the tests and
 * the JMH forks add it).
 *
 * <p>Thread-safe. Compiling costs a scalar compilation plus a second hidden class; unreachable
 * kernels are unloaded with their classes.
 */
public final class SimdCompiler {
  private SimdCompiler() {}

  private static final String MODULE = "jdk.incubator.vector";

  /**
   * A HotSpot option that makes C2 compile the generated loops after 1% of the usual invocations
   * and iterations. Until C2 compiles a loop, every vector op runs the Vector API's Java fallback
   * (the interpreter and C1 do not intrinsify it), microseconds per op: a 25-op kernel over 1,024
   * points takes about 2,000 calls (8 s on this machine) to reach its compiled speed, about 100
   * calls with this option. Benchmark forks ({@code numevo bench}, {@code SimdBenchmark}) and the
   * tests use it.
   */
  public static final String FAST_JIT_OPTION =
      "-XX:CompileCommand=CompileThresholdScaling,numevo.dsl.simd.SimdLoop*::*,0.01";

  /** Silences HotSpot's line per {@code -XX:CompileCommand} at start-up. */
  public static final String QUIET_COMPILE_COMMANDS = "-XX:CompileCommand=quiet";

  private static final boolean AVAILABLE = ModuleLayer.boot().findModule(MODULE).isPresent();
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  /** Whether this JVM has the Vector API ({@code --add-modules jdk.incubator.vector}). */
  public static boolean available() {
    return AVAILABLE;
  }

  /** Float lanes per vector of the preferred species (16 with AVX-512); 0 if unavailable. */
  public static int lanes() {
    return AVAILABLE ? SimdOps.F.length() : 0;
  }

  /**
   * Why the backend declines {@code p}, or empty if it takes it (a kernel taken may still be
   * declined by {@link #compile} as too large).
   */
  public static Optional<String> declineReason(Program p) {
    Objects.requireNonNull(p, "p");
    if (!AVAILABLE) {
      return Optional.of(
          "the JVM runs without the Vector API (start it with --add-modules " + MODULE + ")");
    }
    if (p.format() != NumberFormat.FLOAT32) {
      return Optional.of(
          "format "
              + p.format().name().toLowerCase(java.util.Locale.ROOT)
              + ": the SIMD backend runs float32 kernels only");
    }
    for (int q = 0; q < p.inputs().size(); q++) {
      if (p.inputs().get(q).type() == Type.INT) {
        return Optional.of("input '" + p.inputs().get(q).name() + "' is int: no int values");
      }
    }
    for (Instr ins : p.body()) {
      if (!supported(ins.op())) {
        return Optional.of(
            "instruction '"
                + ins.name()
                + "' uses "
                + ins.op().mnemonic()
                + " on "
                + ins.op().params()
                + ", which has no SIMD form (int values are exact bignums)");
      }
    }
    return Optional.empty();
  }

  /** Whether the backend has a lane-wise form of {@code op} (in float32 kernels). */
  public static boolean supported(Op op) {
    return switch (op) {
      case FADD, FSUB, FMUL, FDIV, FFMA, FNEG, FABS, FMIN, FMAX, FSQRT, FRINT, FFLOOR -> true;
      case FLT, FLE, FEQ, FSELECT -> true;
      case IADD, ISUB, IMUL, INEG, ISHL, ISHR, IUSHR, IAND, IOR, IXOR -> true;
      case ILT, ILE, IEQ, ISELECT -> true;
      case TOI, TRUNC, ITOF, BITS, FROMBITS -> true;
      case FEXP, FLOG, FSIN, FCOS, FTANH, FPOW -> false;
      case ZADD, ZSUB, ZMUL, ZNEG, ZDIV, ZLT, ZLE, ZEQ, ZSELECT, TOINT -> false;
    };
  }

  /**
   * Compiles {@code p} to a SIMD kernel.
   *
   * @return a kernel implementing the specialized interface of the program's shape, as {@link
   *     KernelCompiler#compile(Program)} does
   * @throws SimdDeclinedException if the backend cannot take the kernel; its message is the reason
   */
  public static CompiledKernel compile(Program p) {
    Optional<String> reason = declineReason(p);
    if (reason.isPresent()) {
      throw new SimdDeclinedException(reason.get());
    }
    byte[] bytes = SimdGenerator.generate(p, className(p));
    CompiledKernel scalar = KernelCompiler.compile(p);
    try {
      MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(bytes, true);
      SimdLoop loop =
          (SimdLoop)
              hidden
                  .findConstructor(
                      hidden.lookupClass(), java.lang.invoke.MethodType.methodType(void.class))
                  .invoke();
      return SimdKernel.of(p, loop, scalar);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot define the SIMD loop of kernel " + p.name(), e);
    }
  }

  /** {@link #compile}, or the scalar compiled kernel where the backend declines. */
  public static CompiledKernel compileOrScalar(Program p) {
    return declineReason(p).isPresent() ? KernelCompiler.compile(p) : compileOrFallback(p);
  }

  private static CompiledKernel compileOrFallback(Program p) {
    try {
      return compile(p);
    } catch (SimdDeclinedException e) {
      return KernelCompiler.compile(p);
    }
  }

  /** The class file of {@code p}'s loop, for inspection and verification in tests. */
  static byte[] classBytes(Program p) {
    return SimdGenerator.generate(p, className(p));
  }

  private static String className(Program p) {
    String name = p.name();
    StringBuilder sb = new StringBuilder("numevo/dsl/simd/SimdLoop$");
    for (int i = 0; i < name.length() && i < 64; i++) {
      char c = name.charAt(i);
      sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' ? c : '_');
    }
    return sb.toString();
  }
}
