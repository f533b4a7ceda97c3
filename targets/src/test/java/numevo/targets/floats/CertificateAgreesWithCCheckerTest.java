package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import numevo.dsl.export.CExporter;
import numevo.dsl.program.Program;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast verifier's figures against an independent checker: {@code certcheck.c} (test resources),
 * a small C program that runs the kernel's C export against long double libm ({@code expl}, {@code
 * exp2l}) over the same 2^24 float32 codes. Needs gcc; skipped with a message without it.
 */
class CertificateAgreesWithCCheckerTest {
  @TempDir static Path dir;

  private static boolean gcc;

  @BeforeAll
  static void findGcc() {
    try {
      Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      gcc = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      gcc = false;
    }
  }

  /** Builds the checker for a kernel and runs it over codes [from, to). */
  private static Map<String, String> cCheck(Program p, String fn, long from, long to)
      throws IOException, InterruptedException {
    Assumptions.assumeTrue(gcc, "gcc not found on the PATH: the C checker comparison is skipped");
    Path d = Files.createTempDirectory(dir, "certcheck");
    Files.writeString(d.resolve("kernel.c"), CExporter.export(p, "kernel_fn"));
    try (InputStream in =
        CertificateAgreesWithCCheckerTest.class.getResourceAsStream("certcheck.c")) {
      Files.write(d.resolve("certcheck.c"), in.readAllBytes());
    }
    run(d, "gcc", "-O2", "-ffp-contract=off", "-o", "certcheck", "certcheck.c", "-lm");
    String out = run(d, "./certcheck", fn, Long.toHexString(from), Long.toHexString(to));
    Map<String, String> m = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] kv = line.trim().split(" ", 2);
      if (kv.length == 2) {
        m.put(kv[0], kv[1]);
      }
    }
    return m;
  }

  private static String run(Path d, String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(d.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }

  private static void assertAgree(
      FloatTarget t, String kernel, String fn, long from, long to, Interval values)
      throws IOException, InterruptedException {
    Program p = CertificateVerifierTest.baseline(t, kernel);
    Map<String, String> c = cCheck(p, fn, from, to);
    FloatDomain d = FloatDomain.of(numevo.dsl.format.NumberFormat.FLOAT32, List.of(values));
    ErrorStats s = CertificateVerifier.run(p, d, t.spec().reference(), 2).stats();
    assertEquals(to - from, s.points(), "the same inputs");
    assertEquals(Long.parseLong(c.get("points")), s.points());
    // long double libm is within about 2^-63 relative: 2^-39 ULP.
    assertEquals(Double.parseDouble(c.get("max_ulp")), s.maxUlp(), 1e-9, "max ULP");
    assertEquals(Double.parseDouble(c.get("worst_input")), s.worstUlpInput(), 0.0, "worst input");
    assertEquals(Double.parseDouble(c.get("mean_ulp")), s.meanUlp(), 1e-9, "mean ULP");
    assertEquals(
        Double.parseDouble(c.get("max_rel_err")), s.maxRel(), s.maxRel() * 1e-6, "max rel");
    assertEquals(Long.parseLong(c.get("correctly_rounded")), s.correctlyRounded(), "CR");
    assertEquals(Long.parseLong(c.get("inf_ulp_points")), s.infiniteUlp(), "infinite");
  }

  @Test
  void exp2Horner6FmaOnAQuarterToOne() throws Exception {
    // Codes 0x3e800000 .. 0x3f800000: [0.25, 1), holding the worst input of the whole domain.
    assertAgree(
        FloatTargets.exp2(),
        "horner6_fma",
        "exp2",
        0x3e80_0000L,
        0x3f80_0000L,
        Interval.closedOpen(0.25, 1.0));
  }

  @Test
  void expCodyWaite6OnSmallNegativeInputs() throws Exception {
    // Codes 0xbc000000 .. 0xbd000000: (-2^-5, -2^-7], 2^24 inputs where the kernel errs most
    // below 0.
    assertAgree(
        FloatTargets.exp(),
        "cody_waite6",
        "exp",
        0xbc00_0000L,
        0xbd00_0000L,
        Interval.openClosed(-0x1p-5, -0x1p-7));
  }
}
