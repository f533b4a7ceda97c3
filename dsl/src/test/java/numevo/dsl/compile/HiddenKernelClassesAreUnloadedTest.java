package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import org.junit.jupiter.api.Test;

/**
 * Kernel classes are hidden classes defined without {@code ClassOption.STRONG}: the JVM unloads
 * each once its kernel is unreachable, so a search that compiles a program per candidate keeps
 * Metaspace bounded.
 *
 * <p>The test compiles and drops 100,000 small random programs, then checks after {@code
 * System.gc()} that (1) the JVM unloaded at least 90% of their classes, and (2) Metaspace usage
 * grew by less than {@value #BOUND_MB} MiB. The bound is meaningful: the test first measures what a
 * retained kernel class costs by keeping 2,000 of them (about 2 to 4 KiB each for these programs:
 * class, constant pool, methods and their code, mirror and loader data), and requires that leaking
 * 100,000 such classes would cost at least four times the bound (in practice 200 to 400 MiB against
 * the 16 MiB allowed). Without unloading, the run would fail both checks by far.
 *
 * <p>No JVM flag is needed: both checks read the standard management beans, and an unbounded leak
 * would fail the test, not the JVM. (A {@code -XX:MaxMetaspaceSize} fail-fast would apply to the
 * whole surefire fork, so it is deliberately not set.)
 */
class HiddenKernelClassesAreUnloadedTest {
  private static final int KERNELS = 100_000;
  private static final int RETAINED = 2_000;
  private static final int BOUND_MB = 16;

  @Test
  void compilingAndDropping100000KernelsKeepsMetaspaceBounded() {
    MemoryPoolMXBean metaspace =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getName().equals("Metaspace"))
            .findFirst()
            .orElseThrow();
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    Random rnd = new Random(11);
    NumberFormat[] formats = NumberFormat.values();
    Program[] programs = new Program[1_000];
    for (int i = 0; i < programs.length; i++) {
      programs[i] = RandomPrograms.program(rnd, formats[i % formats.length], 1 + rnd.nextInt(8));
    }
    long start = System.nanoTime();

    // Warm up (JIT, metaspace arenas), then measure what a retained kernel class costs.
    for (int i = 0; i < RETAINED; i++) {
      KernelCompiler.compile(programs[i % programs.length]);
    }
    long base = usedAfterGc(metaspace);
    List<CompiledKernel> retained = new ArrayList<>();
    for (int i = 0; i < RETAINED; i++) {
      retained.add(KernelCompiler.compile(programs[i % programs.length]));
    }
    long perClass = (usedAfterGc(metaspace) - base) / RETAINED;
    retained.clear();

    long before = usedAfterGc(metaspace);
    long unloadedBefore = classes.getUnloadedClassCount();
    long sink = 0;
    for (int i = 0; i < KERNELS; i++) {
      sink += KernelCompiler.compile(programs[i % programs.length]).program().body().size();
    }
    long after = usedAfterGc(metaspace);
    long unloaded = classes.getUnloadedClassCount() - unloadedBefore;
    long growth = after - before;
    long bound = BOUND_MB << 20;
    System.out.printf(
        Locale.ROOT,
        "retained kernel class: %d bytes of Metaspace; %d kernels compiled and dropped in %.1f s:"
            + " %d classes unloaded, Metaspace %+.2f MiB (bound %d MiB; a leak would cost %.0f"
            + " MiB) [%d]%n",
        perClass,
        KERNELS,
        (System.nanoTime() - start) / 1e9,
        unloaded,
        growth / 1048576.0,
        BOUND_MB,
        perClass * (double) KERNELS / 1048576.0,
        sink);

    assertTrue(
        perClass * (long) KERNELS >= 4 * bound,
        "the bound must be meaningful: a leak of "
            + KERNELS
            + " classes of "
            + perClass
            + " bytes");
    assertTrue(unloaded >= KERNELS * 9L / 10, "only " + unloaded + " classes unloaded");
    assertTrue(
        growth < bound,
        "Metaspace grew by " + growth + " bytes after " + KERNELS + " kernels were dropped");
  }

  private static long usedAfterGc(MemoryPoolMXBean pool) {
    long used = Long.MAX_VALUE;
    // A few collections: class unloading may finish over more than one cycle.
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, pool.getUsage().getUsed());
    }
    return used;
  }
}
