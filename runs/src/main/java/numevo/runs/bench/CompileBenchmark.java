package numevo.runs.bench;

import java.lang.invoke.MethodHandles;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import numevo.dsl.compile.CompiledKernel;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.random.RandomProgramConfig;
import numevo.dsl.random.RandomPrograms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile time per program: {@link KernelCompiler#compile} (ASM class generation, hidden-class
 * definition, instantiation) of random 20-instruction programs, cycling through {@value #PROGRAMS}
 * distinct programs so no class is reused. Also the phases on their own: the class-file generation
 * alone, and generation plus hidden-class definition (no instantiation). Average time per program
 * in microseconds.
 *
 * <p>Run: {@code ./numevo jmh CompileBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
@Threads(1)
public class CompileBenchmark {
  static final int PROGRAMS = 512;
  static final int SIZE = 20;

  /** The kernels' number format. */
  @Param({"float32", "bfloat16", "e4m3fn"})
  public String format;

  private Program[] programs;
  private int next;
  private MethodHandles.Lookup compilerPackage;

  @Setup
  public void setup() {
    NumberFormat f = NumberFormat.byName(format).orElseThrow();
    RandomPrograms gen = RandomPrograms.of(RandomProgramConfig.of(f).withSize(SIZE, SIZE));
    SplittableRandom rnd = new SplittableRandom(2024);
    programs = new Program[PROGRAMS];
    for (int i = 0; i < PROGRAMS; i++) {
      programs[i] = gen.next(rnd);
    }
    try {
      // Kernel classes belong to KernelCompiler's package: define them through a lookup there.
      compilerPackage = MethodHandles.privateLookupIn(KernelCompiler.class, MethodHandles.lookup());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public CompiledKernel compile() {
    Program p = programs[next];
    next = (next + 1) % PROGRAMS;
    return KernelCompiler.compile(p);
  }

  @Benchmark
  public byte[] classFileOnly() {
    Program p = programs[next];
    next = (next + 1) % PROGRAMS;
    return KernelCompiler.classBytes(p);
  }

  /** Generation and hidden-class definition (verification, linking), without instantiation. */
  @Benchmark
  public Class<?> classFileAndDefineHidden() throws IllegalAccessException {
    Program p = programs[next];
    next = (next + 1) % PROGRAMS;
    return compilerPackage.defineHiddenClass(KernelCompiler.classBytes(p), true).lookupClass();
  }
}
