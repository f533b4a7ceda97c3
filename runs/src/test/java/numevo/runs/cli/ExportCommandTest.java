package numevo.runs.cli;

import static numevo.runs.cli.CliRun.assertOneLineError;
import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.text.Parser;
import numevo.dsl.text.Printer;
import numevo.runs.cli.CliRun.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code numevo export} through {@link Main#run(PrintWriter, PrintWriter, String...)}: each
 * language to standard output and to a file, the output file rules, and one-line errors.
 */
class ExportCommandTest {

  private static final String KERNEL =
      """
      # sqrt(|x|) with the sign of x
      kernel signed_sqrt float16
      input x : f
      ax = abs x
      r = sqrt ax
      isneg = lt x 0
      nr = neg r
      y = select isneg nr r
      output y
      """;

  @TempDir Path dir;

  private Path kernel(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void javaGoesToStandardOutputAsAClassNamedAfterTheKernel() throws Exception {
    Run r = run("export", kernel("k.kernel", KERNEL).toString(), "--lang", "java");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("public final class SignedSqrt {"), r.out());
    assertTrue(r.out().contains("public static float apply(float x) {"), r.out());
    assertTrue(r.out().contains("private static float round(double x) {"), r.out());
  }

  @Test
  void javaTakesItsClassNameFromNameOrFromTheOutputFile() throws Exception {
    String k = kernel("k.kernel", KERNEL).toString();
    Run r = run("export", k, "--lang", "java", "--class-name", "com.example.Sqrt16");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("package com.example;"), r.out());
    assertTrue(r.out().contains("public final class Sqrt16 {"), r.out());

    Path out = dir.resolve("Half.java");
    r = run("export", k, "--lang", "java", "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(Files.readString(out).contains("public final class Half {"));
  }

  @Test
  void cGoesToAFile() throws Exception {
    Path out = dir.resolve("k.c");
    Run r =
        run("export", kernel("k.kernel", KERNEL).toString(), "--lang", "c", "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out() + r.err());
    String c = Files.readString(out);
    assertTrue(c.contains("#include <math.h>"), c);
    assertTrue(c.contains("float signed_sqrt(float x) {"), c);
    assertTrue(c.contains("static inline float nv_float16_round(double x) {"), c);
  }

  @Test
  void classIsTheCompilersClassFile() throws Exception {
    Path out = dir.resolve("k.class");
    Path k = kernel("k.kernel", KERNEL);
    Run r = run("export", k.toString(), "--lang", "class", "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out() + r.err());
    byte[] bytes = Files.readAllBytes(out);
    assertEquals(0xCAFEBABE, java.nio.ByteBuffer.wrap(bytes).getInt(), "class file magic");
    assertArrayEquals(KernelCompiler.classBytes(Parser.parseFile(k).program()), bytes);
  }

  @Test
  void dslIsTheCanonicalTextOptionallyRenamed() throws Exception {
    String k = kernel("k.kernel", KERNEL).toString();
    Run r = run("export", k, "--lang", "dsl");
    assertEquals(0, r.exit(), r.err());
    assertEquals(Printer.print(Parser.parse(KERNEL, "k")), r.out());
    assertFalse(r.out().contains("#"), "no comments in the canonical text");

    r = run("export", k, "--lang", "dsl", "--name", "ssqrt");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("kernel ssqrt float16\n"), r.out());
  }

  @Test
  void anExistingOutputIsOverwrittenOnlyWithForce() throws Exception {
    String k = kernel("k.kernel", KERNEL).toString();
    Path out = Files.writeString(dir.resolve("k.c"), "keep me");
    assertOneLineError(
        run("export", k, "--lang", "c", "-o", out.toString()), 1, "exists (use --force");
    assertEquals("keep me", Files.readString(out));

    Run r = run("export", k, "--lang", "c", "-o", out.toString(), "--force");
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.readString(out).contains("signed_sqrt"));
  }

  @Test
  void usageErrorsAreOneLineWithExitCode2() throws Exception {
    String k = kernel("k.kernel", KERNEL).toString();
    assertOneLineError(run("export", k, "--lang", "rust"), 2, "unknown language 'rust'");
    assertOneLineError(run("export", k, "--lang", "class"), 2, "give -o OUT");
    assertOneLineError(run("export", k, "--lang", "java", "--name", "Math"), 2, "--name: ");
    assertOneLineError(run("export", k, "--lang", "c", "--name", "sqrt"), 2, "--name: ");
    assertOneLineError(run("export", k), 2, "--lang");
  }

  @Test
  void aJavaNameThatContradictsTheOutputFileIsRefused() throws Exception {
    String k = kernel("k.kernel", KERNEL).toString();
    Path out = dir.resolve("Other.java");
    Run r = run("export", k, "--lang", "java", "--name", "com.example.Exp2", "-o", out.toString());
    assertOneLineError(r, 2, "--name com.example.Exp2: javac needs the public class Exp2 in");
    assertTrue(r.err().contains("Exp2.java, not Other.java"), r.err());
    assertFalse(Files.exists(out));
    Path same = dir.resolve("Exp2.java");
    r = run("export", k, "--lang", "java", "--name", "com.example.Exp2", "-o", same.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.readString(same).contains("public final class Exp2 {"));
  }

  @Test
  void anOutputDirectoryGetsAFileNamedForTheKernel() throws Exception {
    String k = kernel("k.kernel", KERNEL).toString();
    Path outDir = Files.createDirectory(dir.resolve("out"));
    assertEquals(0, run("export", k, "--lang", "java", "-o", outDir.toString()).exit());
    assertTrue(
        Files.readString(outDir.resolve("SignedSqrt.java"))
            .contains("public final class SignedSqrt {"));
    assertEquals(
        0, run("export", k, "--lang", "java", "--name", "a.B", "-o", outDir.toString()).exit());
    assertTrue(Files.readString(outDir.resolve("B.java")).contains("public final class B {"));
    assertEquals(0, run("export", k, "--lang", "c", "-o", outDir.toString()).exit());
    assertTrue(Files.exists(outDir.resolve("signed_sqrt.c")));
    assertEquals(0, run("export", k, "--lang", "dsl", "-o", outDir.toString()).exit());
    assertTrue(Files.exists(outDir.resolve("signed_sqrt.kernel")));
    assertOneLineError(
        run("export", k, "--lang", "c", "-o", outDir.toString()),
        1,
        outDir.resolve("signed_sqrt.c") + ": exists (use --force to overwrite)");
  }

  @Test
  void anEmptyOutputPathIsAUsageErrorNamingTheFlag() throws Exception {
    String k = kernel("k.kernel", KERNEL).toString();
    assertOneLineError(
        run("export", k, "--lang", "c", "-o", ""), 2, "numevo: -o: empty path: give a file");
  }

  @Test
  void badInputAndOutputAreOneLineWithExitCode1() throws Exception {
    assertOneLineError(
        run("export", dir.resolve("missing.kernel").toString(), "--lang", "c"),
        1,
        "missing.kernel");

    Path bad = kernel("bad.kernel", "kernel k float32\ninput x : f\ny = add x\noutput y\n");
    assertOneLineError(run("export", bad.toString(), "--lang", "java"), 1, "bad.kernel:3:");

    String k = kernel("k.kernel", KERNEL).toString();
    Path nowhere = dir.resolve("no/such/dir/k.c");
    assertOneLineError(
        run("export", k, "--lang", "c", "-o", nowhere.toString()), 1, "cannot write");
    assertFalse(Files.exists(nowhere));
  }

  @Test
  void anIntLiteralBeyondInt64CannotBeExportedToC() throws Exception {
    Path big =
        kernel(
            "big.kernel",
            "kernel big float64\ninput a : int\nb = mul a 18446744073709551616\noutput b\n");
    assertOneLineError(run("export", big.toString(), "--lang", "c"), 1, "int64_t");
    Run r = run("export", big.toString(), "--lang", "java");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("new BigInteger(\"18446744073709551616\")"), r.out());
  }
}
