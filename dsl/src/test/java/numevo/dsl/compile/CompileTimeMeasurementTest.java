package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import org.junit.jupiter.api.Test;

/**
 * Measures (prints, asserts nothing about time) how long compiling a 20-instruction program takes:
 * class-file generation with ASM, and hidden-class definition plus instantiation. The output goes
 * to {@code target/surefire-reports/numevo.dsl.compile.CompileTimeMeasurementTest-output.txt}; run
 * {@link #main} for a standalone figure.
 */
class CompileTimeMeasurementTest {
  private static final int SIZE = 20;

  @Test
  void printsCompileTimeOf20InstructionPrograms() throws Exception {
    String report = measure(2_000, 5_000);
    System.out.println(report);
    assertEquals(false, report.isEmpty());
  }

  public static void main(String[] args) throws Exception {
    System.out.println(measure(20_000, 20_000));
  }

  private static String measure(int warmup, int count) throws Exception {
    Random rnd = new Random(2024);
    NumberFormat[] formats = {NumberFormat.FLOAT32, NumberFormat.BFLOAT16, NumberFormat.E4M3FN};
    StringBuilder sb = new StringBuilder();
    for (NumberFormat f : formats) {
      List<Program> programs = new ArrayList<>();
      for (int i = 0; i < warmup + count; i++) {
        programs.add(RandomPrograms.program(rnd, f, SIZE));
      }
      long sink = 0;
      for (int i = 0; i < warmup; i++) {
        sink += KernelCompiler.compile(programs.get(i)).hashCode();
      }
      long bytes = 0;
      long t0 = System.nanoTime();
      for (int i = warmup; i < warmup + count; i++) {
        bytes += KernelCompiler.classBytes(programs.get(i)).length;
      }
      long t1 = System.nanoTime();
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      for (int i = warmup; i < warmup + count; i++) {
        sink +=
            lookup.defineHiddenClass(KernelCompiler.classBytes(programs.get(i)), true).hashCode();
      }
      long t2 = System.nanoTime();
      for (int i = warmup; i < warmup + count; i++) {
        sink += KernelCompiler.compile(programs.get(i)).hashCode();
      }
      long t3 = System.nanoTime();
      sb.append(
          String.format(
              Locale.ROOT,
              "%s, %d-instruction programs, %d measured after %d warm-up:%n"
                  + "  class file (ASM)            %6.1f us/program, %d bytes/class%n"
                  + "  class file + define hidden  %6.1f us/program%n"
                  + "  KernelCompiler.compile      %6.1f us/program (generate, define, instantiate)%n",
              f,
              SIZE,
              count,
              warmup,
              (t1 - t0) / 1e3 / count,
              bytes / count,
              (t2 - t1) / 1e3 / count,
              (t3 - t2) / 1e3 / count));
      if (sink == 42) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }
}
