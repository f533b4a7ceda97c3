package numevo.dsl.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel names that are keywords, library names or reserved in Java or C, names that clash once
 * their dots become underscores, and outputs repeated or taken straight from an input: both exports
 * still compile without warnings and agree with the interpreter.
 */
class ExportNamesTest {

  private static final String HOSTILE =
      """
      kernel exp float16
      input class : f
      input float : f
      input NAN : i32
      input status : int
      Math = add class float
      hashCode = mul Math class
      toString = lt hashCode float
      a.b = select toString hashCode Math
      a_b = neg a.b
      nv_x = add NAN 1
      _ = toint nv_x
      INT32_MAX = add status _
      main = itof nv_x
      output a_b
      output a.b
      output hashCode
      output class
      output INT32_MAX
      output main
      output a.b
      """;

  private static final Object[][] INPUTS = {
    {1.5, -0.25, 7, BigInteger.TEN},
    {Double.NaN, 65504.0, Integer.MAX_VALUE, BigInteger.valueOf(Long.MAX_VALUE - 5)},
    {-0.0, 0.0, -1, BigInteger.ONE.negate()},
    {3.0, Double.POSITIVE_INFINITY, Integer.MIN_VALUE, BigInteger.ZERO}
  };

  @Test
  void classNamesComeFromKernelNames() {
    assertEquals("Exp2Horner6", JavaNames.className("exp2_horner6"));
    assertEquals("AB", JavaNames.className("a.b"));
    assertEquals("Kernel2x", JavaNames.className("_2x"));
    assertEquals("MathKernel", JavaNames.className("math"));
    assertEquals("Kernel", JavaNames.className("_"));
    Program p = Parser.parse(HOSTILE, "hostile.kernel");
    assertThrows(IllegalArgumentException.class, () -> JavaExporter.export(p, "Float"));
    assertThrows(IllegalArgumentException.class, () -> JavaExporter.export(p, "a.class.B"));
    assertThrows(IllegalArgumentException.class, () -> CExporter.export(p, "nv_exp"));
    assertThrows(IllegalArgumentException.class, () -> CExporter.export(p, "sqrtf"));
    assertEquals("exp_", CExporter.functionName(p));
  }

  @Test
  void hostileNamesCompileInJavaAndAgree() throws Exception {
    Program p = Parser.parse(HOSTILE, "hostile.kernel");
    String source = JavaExporter.export(p, "h.Hostile");
    assertTrue(source.contains("apply(float class_, float float_, int NAN, BigInteger status)"));
    assertTrue(source.contains("float a_b = round(-a_b_);"), source);
    ClassLoader loader =
        InMemoryJavaCompiler.compile(
            List.of(new InMemoryJavaCompiler.Unit("h.Hostile", source)), 17);
    Method apply = null;
    for (Method m : loader.loadClass("h.Hostile").getMethods()) {
      if (m.getName().equals("apply")) {
        apply = m;
      }
    }
    List<Type> types = p.outputTypes();
    for (Object[] in : INPUTS) {
      Object[] want = Interpreter.of(p).eval(in);
      Object[] args = {(float) (double) in[0], (float) (double) in[1], in[2], in[3]};
      Object result = apply.invoke(null, args);
      RecordComponent[] components = result.getClass().getRecordComponents();
      List<String> names = new ArrayList<>();
      for (int o = 0; o < want.length; o++) {
        names.add(components[o].getName());
        Object got = components[o].getAccessor().invoke(result);
        assertTrue(Corpus.same(types.get(o), want[o], got), o + ": " + want[o] + " vs " + got);
      }
      assertEquals(
          List.of("a_b", "a_b_", "hashCode_", "class_", "INT32_MAX", "main", "a_b_2"), names);
    }
  }

  @Test
  void hostileNamesCompileInCAndAgree(@TempDir Path dir) throws Exception {
    String noGcc = Gcc.unavailable();
    assumeTrue(noGcc == null, () -> "C export test skipped: " + noGcc);
    Program p = Parser.parse(HOSTILE, "hostile.kernel");
    String source = CExporter.export(p);
    assertTrue(
        source.contains("int exp_(float class, float float_, int32_t NAN_, int64_t status_,"),
        source);
    StringBuilder driver =
        new StringBuilder(
            """

            #include <inttypes.h>
            #include <stdio.h>
            static void show(float a, float b, float c, float d, int64_t e, float f, float g) {
              float v[] = {a, b, c, d, f, g};
              uint32_t u;
              int i;
              for (i = 0; i < 6; i++) {
                memcpy(&u, &v[i], sizeof u);
                printf("%08" PRIx32 " ", u);
              }
              printf("%" PRId64 "\\n", e);
            }
            int main(void) {
              float o0 = 0, o1 = 0, o2 = 0, o3 = 0, o5 = 0, o6 = 0;
              int64_t o4 = 0;
            """);
    for (Object[] in : INPUTS) {
      driver
          .append("  if (exp_(")
          .append(cFloat((Double) in[0]))
          .append(", ")
          .append(cFloat((Double) in[1]))
          .append(", ")
          .append((Integer) in[2] == Integer.MIN_VALUE ? "INT32_MIN" : in[2].toString())
          .append(", INT64_C(")
          .append(in[3])
          .append("), &o0, &o1, &o2, &o3, &o4, &o5, &o6) != 0) return 1;\n")
          .append("  show(o0, o1, o2, o3, o4, o5, o6);\n");
    }
    driver.append("  return 0;\n}\n");
    Path c = Files.writeString(dir.resolve("hostile.c"), source + driver, StandardCharsets.UTF_8);
    Path exe =
        Gcc.compile(
            c, List.of("-std=c99", "-O2", "-ffp-contract=off", "-Wall", "-Wextra", "-Werror"));
    List<String> lines = Gcc.run(exe, Files.writeString(dir.resolve("in"), ""));
    List<Type> types = p.outputTypes();
    for (int i = 0; i < INPUTS.length; i++) {
      Object[] want = Interpreter.of(p).eval(INPUTS[i]);
      String[] f = lines.get(i).split(" ");
      int[] column = {0, 1, 2, 3, 6, 4, 5};
      for (int o = 0; o < want.length; o++) {
        Object got =
            types.get(o) == Type.INT
                ? new BigInteger(f[column[o]])
                : (double) Float.intBitsToFloat(Integer.parseUnsignedInt(f[column[o]], 16));
        assertTrue(Corpus.same(types.get(o), want[o], got), o + ": " + want[o] + " vs " + got);
      }
    }
  }

  private static String cFloat(double v) {
    if (Double.isNaN(v)) {
      return "NAN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "INFINITY" : "-INFINITY";
    }
    return Double.toHexString(v) + "f";
  }
}
