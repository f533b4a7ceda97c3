package numevo.dsl.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported C keeps its two roundings even where the compiler would contract {@code a*b+c} into an
 * fma: GCC in GNU mode with FMA instructions ({@code -O2 -march=native}, no {@code
 * -ffp-contract=off}). A control build of the same code without the export's pragmas shows that the
 * compiler does contract here; where it does not (no FMA on this machine) the gcc part is skipped.
 * The pragmas themselves are checked first, without gcc: an export that stops emitting them fails
 * here on any machine.
 */
class CExportContractionTest {

  private static final String KERNEL =
      """
      kernel mul_add float32
      input x : f
      input y : f
      input z : f
      p = mul x y
      r = add p z
      output r
      """;

  private static final String DRIVER =
      """

      #include <stdio.h>
      int main(void) {
        /* x*y = 1 + 2^-11 + 2^-24 rounds to 1 + 2^-11 (a tie, to even); an fma keeps 2^-24. */
        volatile float x = 0x1.001p0f, z = -0x1.002p0f;
        float r = mul_add(x, x, z);
        unsigned u;
        memcpy(&u, &r, sizeof u);
        printf("%08x\\n", u);
        return 0;
      }
      """;

  private static final String STDC_PRAGMA = "#pragma STDC FP_CONTRACT OFF";
  private static final String GCC_PRAGMA = "#pragma GCC optimize(\"fp-contract=off\")";

  @Test
  void thePragmasKeepGccFromContracting(@TempDir Path dir) throws Exception {
    Program p = Parser.parse(KERNEL, "mul_add.kernel");
    String exported = CExporter.export(p) + DRIVER;
    // The regression this test guards: checked whether or not gcc is here.
    assertTrue(exported.contains(STDC_PRAGMA), "the export lacks " + STDC_PRAGMA);
    assertTrue(exported.contains(GCC_PRAGMA), "the export lacks " + GCC_PRAGMA);
    String noGcc = Gcc.unavailable();
    assumeTrue(noGcc == null, () -> "C export test skipped: " + noGcc);
    float x = 0x1.001p0f;
    double want = (Double) Interpreter.of(p).eval((double) x, (double) x, (double) -0x1.002p0f)[0];
    assertEquals(0.0, want, "the interpreter rounds the product");

    String control = exported.replace(STDC_PRAGMA, "").replace(GCC_PRAGMA, "");
    List<String> gnuFma = List.of("-O2", "-march=native");
    String contracted = run(dir, "control.c", control, gnuFma);
    assumeTrue(
        !contracted.equals("00000000"),
        "gcc -O2 -march=native does not contract on this machine: nothing to protect against");
    assertEquals("33800000", contracted, "the control's fma gives 2^-24");
    assertEquals("00000000", run(dir, "exported.c", exported, gnuFma));
  }

  private static String run(Path dir, String name, String source, List<String> flags)
      throws Exception {
    Path c = dir.resolve(name);
    Files.writeString(c, source, StandardCharsets.UTF_8);
    Path exe = Gcc.compile(c, flags);
    Path empty = Files.writeString(dir.resolve(name + ".in"), "");
    return Gcc.run(exe, empty).get(0);
  }
}
