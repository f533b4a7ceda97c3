package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vector pass of the {@link CertificateVerifier} ({@link CertificateLanes}) against its scalar
 * pass, chunk by chunk: the same points sent to the exact reference, every figure bit for bit, the
 * sums (added in another order) to 1e-12 relative. Chunks start at random float32 codes over all
 * 2^32 (subnormals, overflow, NaN, the constant columns) and at chosen edges (zeros, integers of
 * 2^x, the thresholds, the ends of the fast range), with lengths that leave a vector tail; the
 * kernels include faulty ones and {@code x + 1}, wrong by one unit exactly at ties for tiny x.
 */
class CertificatePassesAgreeTest {
  private static final NumberFormat F32 = NumberFormat.FLOAT32;
  private static final FloatDomain ALL = FloatDomain.all(F32);

  private static final Map<String, CertificateVerifier.Pass> PASSES = new ConcurrentHashMap<>();

  @BeforeAll
  static void needsTheVectorApi() {
    Assumptions.assumeTrue(
        CertificateVerifier.VECTOR_AVAILABLE, "no jdk.incubator.vector: the vector pass is off");
  }

  private static Program parse(String name, String body) {
    return Parser.parse(
        "kernel " + name + " float32\ninput x : f\n" + body + "output y\n", name + ".kernel");
  }

  private static List<Program> kernels(boolean exp) {
    List<Program> ps = new ArrayList<>();
    FloatTarget t = exp ? FloatTargets.exp() : FloatTargets.exp2();
    for (String name :
        exp ? List.of("cody_waite6", "schraudolph") : List.of("horner6_fma", "horner5")) {
      ps.add(CertificateVerifierTest.baseline(t, name));
    }
    ps.add(parse("plus_one", "y = add x 1.0\n"));
    ps.add(parse("recip", "y = div 1.0 x\n"));
    ps.add(parse("zero_by_zero", "z = sub x x\ny = div z z\n"));
    return ps;
  }

  private static FloatReference reference(boolean exp) {
    return (exp ? FloatTargets.exp() : FloatTargets.exp2()).spec().reference();
  }

  private static CertificateVerifier.Pass pass(boolean exp, int kernel, boolean vector) {
    return PASSES.computeIfAbsent(
        exp + "/" + kernel + "/" + vector,
        k -> CertificateVerifier.pass(kernels(exp).get(kernel), ALL, reference(exp), vector));
  }

  /** Runs codes {@code [from, from + n)} through both passes and compares. */
  private static void assertPassesAgree(boolean exp, int kernel, long from, int n) {
    long start = Math.max(0, Math.min(from, ALL.size() - n));
    CertificateVerifier.ChunkRun v = pass(exp, kernel, true).chunk(start, n);
    CertificateVerifier.ChunkRun s = pass(exp, kernel, false).chunk(start, n);
    String where =
        (exp ? "exp" : "exp2")
            + " kernel "
            + kernel
            + " codes from 0x"
            + Long.toHexString(start)
            + " ("
            + ALL.valueAt(start)
            + "), "
            + n;
    assertEquals(s.exactPoints(), v.exactPoints(), where + ": points sent to the exact reference");
    assertTrue(v.slowPoints() >= v.exactPoints(), where + ": slow points");
    ErrorStats a = s.stats();
    ErrorStats b = v.stats();
    assertEquals(a.points(), b.points(), where + ": points");
    assertEquals(a.maxUlp(), b.maxUlp(), where + ": max ULP");
    assertEquals(a.worstUlpIndex(), b.worstUlpIndex(), where + ": worst index (ULP)");
    assertEquals(a.worstUlpInput(), b.worstUlpInput(), where + ": worst input (ULP)");
    assertEquals(a.maxRel(), b.maxRel(), where + ": max relative");
    assertEquals(a.worstRelIndex(), b.worstRelIndex(), where + ": worst index (relative)");
    assertEquals(a.worstRelInput(), b.worstRelInput(), where + ": worst input (relative)");
    assertEquals(a.correctlyRounded(), b.correctlyRounded(), where + ": correctly rounded");
    assertEquals(a.infiniteUlp(), b.infiniteUlp(), where + ": infinite ULP");
    assertEquals(a.infiniteRel(), b.infiniteRel(), where + ": infinite relative");
    assertEquals(a.sumUlp(), b.sumUlp(), Math.abs(a.sumUlp()) * 1e-12, where + ": ULP sum");
    assertEquals(a.sumRel(), b.sumRel(), Math.abs(a.sumRel()) * 1e-12, where + ": relative sum");
  }

  @Provide
  Arbitrary<Long> codes() {
    return Arbitraries.longs().between(0, (1L << 32) - 1);
  }

  @Property(tries = 300, seed = "20261202", shrinking = ShrinkingMode.OFF)
  void randomChunksAgree(
      @ForAll boolean exp,
      @ForAll @IntRange(min = 0, max = 4) int kernel,
      @ForAll("codes") long from,
      @ForAll @IntRange(min = 1, max = 5000) int n) {
    assertPassesAgree(exp, kernel, from, n);
  }

  /** The code of a float32 value as a domain index of {@link #ALL}. */
  private static long code(float v) {
    return Integer.toUnsignedLong(Float.floatToRawIntBits(v));
  }

  @Test
  void edgeChunksAgree() {
    float[] edges = {
      0f,
      -0f,
      Float.MIN_VALUE,
      -Float.MIN_VALUE,
      0x1p-126f,
      0x1p-25f,
      -0x1p-25f,
      0x1p-24f,
      -0x1p-24f,
      0x1p-23f,
      0.5f,
      -0.5f,
      0.34657359f,
      1f,
      2f,
      3f,
      -1f,
      -7f,
      64f,
      127f,
      128f,
      -126f,
      -149f,
      -150f,
      88.72283f,
      89f,
      -87.33655f,
      -103.97208f,
      -104f,
      127.99999f,
      -708f,
      -745.1332f,
      -950f,
      -1075f,
      -1076f,
      709.78f,
      1024f,
      1023.9999f,
      Float.MAX_VALUE,
      -Float.MAX_VALUE,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      Float.NaN,
      Float.intBitsToFloat(0x7f800001),
      Float.intBitsToFloat(0xff800001),
      Float.intBitsToFloat(0xffffffff)
    };
    for (boolean exp : new boolean[] {true, false}) {
      for (int kernel = 0; kernel < 5; kernel++) {
        for (float e : edges) {
          // Centered on the edge, with a length that leaves a tail for any lane count.
          assertPassesAgree(exp, kernel, code(e) - 1500, 3003);
        }
      }
    }
  }

  @Test
  void tinyInputsMeetTheirTies() {
    // x + 1 is 1 or the next float at |x| near 2^-24: exactly at the ties where 2^x and e^x
    // round the other way.
    assertPassesAgree(true, 2, code(0x1p-24f) - 2000, 4000);
    assertPassesAgree(false, 2, code(0x1p-24f) - 2000, 4000);
    assertPassesAgree(true, 2, code(-0x1p-25f) - 2000, 4000);
  }
}
