package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
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
    String report = measure(2_000, 5, 400);
    System.out.println(report);
    assertEquals(false, report.isEmpty());
  }

  public static void main(String[] args) throws Exception {
    System.out.println(measure(20_000, 11, 2_000));
  }

  /**
   * Compiles {@code warmup} programs, then {@code rounds} rounds of {@code count} programs per
   * phase; reports the median and the best round per phase (the machine may be shared: the best
   * round is the least disturbed).
   */
  private static String measure(int warmup, int rounds, int count) throws Exception {
    Random rnd = new Random(2024);
    NumberFormat[] formats = {NumberFormat.FLOAT32, NumberFormat.BFLOAT16, NumberFormat.E4M3FN};
    StringBuilder sb = new StringBuilder();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    for (NumberFormat f : formats) {
      List<Program> programs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        programs.add(RandomPrograms.program(rnd, f, SIZE));
      }
      long sink = 0;
      for (int i = 0; i < warmup; i++) {
        sink += KernelCompiler.compile(programs.get(i % count)).hashCode();
      }
      double[][] us = new double[3][rounds];
      long bytes = 0;
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        for (Program p : programs) {
          bytes += KernelCompiler.classBytes(p).length;
        }
        long t1 = System.nanoTime();
        for (Program p : programs) {
          sink += lookup.defineHiddenClass(KernelCompiler.classBytes(p), true).hashCode();
        }
        long t2 = System.nanoTime();
        for (Program p : programs) {
          sink += KernelCompiler.compile(p).hashCode();
        }
        long t3 = System.nanoTime();
        us[0][r] = (t1 - t0) / 1e3 / count;
        us[1][r] = (t2 - t1) / 1e3 / count;
        us[2][r] = (t3 - t2) / 1e3 / count;
      }
      for (double[] u : us) {
        Arrays.sort(u);
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "%s, %d-instruction programs (%d bytes/class), %d rounds of %d after %d warm-up,"
                  + " us/program median (best):%n"
                  + "  class file (ASM)              %6.1f (%6.1f)%n"
                  + "  class file + define hidden    %6.1f (%6.1f)%n"
                  + "  KernelCompiler.compile        %6.1f (%6.1f)  generate, define, instantiate%n",
              f,
              SIZE,
              bytes / rounds / count,
              rounds,
              count,
              warmup,
              us[0][rounds / 2],
              us[0][0],
              us[1][rounds / 2],
              us[1][0],
              us[2][rounds / 2],
              us[2][0]));
      if (sink == 42) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }
}
