package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

/**
 * The fast verifier against {@link ExhaustiveVerifier} on slices of the exp2 and exp domains that
 * cover each of its paths (the fast range, tiny and subnormal inputs and results, the overflow and
 * underflow thresholds, the constant columns, undecided points, faulty kernels): every figure the
 * same, the means to 1e-9 relative.
 */
class CertificateVerifierTest {
  private static final NumberFormat F32 = NumberFormat.FLOAT32;

  static Program baseline(FloatTarget t, String name) {
    return t.baselines().stream()
        .filter(b -> b.program().name().contains(name))
        .findFirst()
        .orElseThrow()
        .program();
  }

  static FloatDomain domain(Interval... intervals) {
    return FloatDomain.of(F32, List.of(intervals));
  }

  /** Runs both verifiers and checks that they agree. */
  static ErrorStats assertAgree(Program p, FloatDomain d, FloatReference ref) {
    assertTrue(CertificateVerifier.fast(p, d, ref));
    ErrorStats fast = CertificateVerifier.run(p, d, ref, 2).stats();
    ErrorStats old = ExhaustiveVerifier.run(p, d, ref, 2).stats();
    assertSameFigures(old, fast);
    return fast;
  }

  static void assertSameFigures(ErrorStats old, ErrorStats fast) {
    assertEquals(old.points(), fast.points(), "points");
    assertEquals(old.maxUlp(), fast.maxUlp(), "max ULP, bit for bit");
    assertEquals(old.worstUlpInput(), fast.worstUlpInput(), "worst input (ULP)");
    assertEquals(old.maxRel(), fast.maxRel(), "max relative error, bit for bit");
    assertEquals(old.worstRelInput(), fast.worstRelInput(), "worst input (relative)");
    assertEquals(old.correctlyRounded(), fast.correctlyRounded(), "correctly rounded");
    assertEquals(old.infiniteUlp(), fast.infiniteUlp(), "infinite ULP errors");
    assertEquals(old.infiniteRel(), fast.infiniteRel(), "infinite relative errors");
    assertEquals(old.meanUlp(), fast.meanUlp(), Math.abs(old.meanUlp()) * 1e-9, "mean ULP");
    assertEquals(old.meanRel(), fast.meanRel(), Math.abs(old.meanRel()) * 1e-9, "mean relative");
  }

  @Test
  void exp2BaselinesAgreeOnTheTopOfTheDomain() {
    FloatTarget t = FloatTargets.exp2();
    FloatDomain d = domain(Interval.closedOpen(0.875, 1.0));
    for (String name : List.of("horner6_fma", "horner5", "horner7_fma")) {
      ErrorStats s = assertAgree(baseline(t, name), d, t.spec().reference());
      assertTrue(s.maxUlp() > 0.5, name + ": a figure worth comparing");
    }
  }

  @Test
  void exp2AgreesOnTinyAndSubnormalInputs() {
    FloatTarget t = FloatTargets.exp2();
    FloatDomain d =
        domain(
            Interval.closed(0.0, 0x1p-140),
            Interval.closedOpen(0x1p-130, 0x1.04p-130),
            Interval.closedOpen(0x1p-60, 0x1.08p-60),
            Interval.closedOpen(0x1p-25, 0x1.08p-23));
    assertAgree(baseline(t, "horner6_fma"), d, t.spec().reference());
  }

  @Test
  void expBaselineAgreesAcrossTheRange() {
    FloatTarget t = FloatTargets.exp();
    FloatDomain d =
        domain(
            Interval.closed(-0x1.4p-7, -0x1.3p-7), // the worst input of (-2^-5, -2^-7]
            Interval.closed(82.0, 82.2), // the worst input of all 2^32
            Interval.closed(-0x1.08p-40, -0x1p-40),
            Interval.closed(0x1p-40, 0x1.08p-40),
            Interval.closed(-0x1p-140, 0x1p-140), // 0 and subnormal inputs
            Interval.closed(0.34, 0.36), // K from 0 to 1
            Interval.closed(-88.0, -86.0), // results to subnormal
            Interval.closed(-104.0, -100.0), // subnormal results, rounding to 0
            Interval.closed(-750.0, -740.0), // float64 underflow, the zero column
            Interval.closed(-670.0, -650.0), // the end of the fast range
            Interval.closed(88.5, 89.0), // float32 overflow
            Interval.closed(700.0, 720.0)); // float64 overflow, the infinite column
    for (String name : List.of("cody_waite6", "schraudolph")) {
      assertAgree(baseline(t, name), d, t.spec().reference());
    }
  }

  @Test
  void faultyKernelsAgree() {
    // NaN, infinities, negative and wildly wrong results: the exact paths.
    Program recip =
        Parser.parse(
            """
            kernel recip float32
            input x : f
            y = div 1.0 x
            output y
            """,
            "recip.kernel");
    Program nan =
        Parser.parse(
            """
            kernel zero_by_zero float32
            input x : f
            z = sub x x
            y = div z z
            output y
            """,
            "zero_by_zero.kernel");
    FloatDomain d =
        domain(
            Interval.closed(-0x1p-140, 0x1p-140),
            Interval.closed(-2.0, -1.99),
            Interval.closed(0.5, 0.51),
            Interval.closed(-750.0, -745.0),
            Interval.closed(88.0, 89.0),
            Interval.closed(700.0, 710.0));
    for (FloatTarget t : List.of(FloatTargets.exp(), FloatTargets.exp2())) {
      for (Program p : List.of(recip, nan)) {
        assertAgree(p, d, t.spec().reference());
      }
    }
  }

  @Test
  void resultDoesNotDependOnTheThreadCount() {
    FloatTarget t = FloatTargets.exp();
    Program p = baseline(t, "cody_waite6");
    FloatDomain d = domain(Interval.closed(-0x1.4p-7, -0x1.3p-7), Interval.closed(-104.0, -100.0));
    ErrorStats one = CertificateVerifier.run(p, d, t.spec().reference(), 1).stats();
    ErrorStats three = CertificateVerifier.run(p, d, t.spec().reference(), 3).stats();
    assertEquals(one.points(), three.points());
    assertEquals(one.maxUlp(), three.maxUlp());
    assertEquals(one.worstUlpInput(), three.worstUlpInput());
    assertEquals(one.meanUlp(), three.meanUlp(), "bit for bit");
    assertEquals(one.meanRel(), three.meanRel(), "bit for bit");
    assertEquals(one.correctlyRounded(), three.correctlyRounded());
  }

  @Test
  void otherTargetsGoToTheExhaustiveVerifier() {
    FloatTarget t = FloatTargets.exp2();
    FloatReference scaled = new FunctionReference(Functions.EXP2, F32, 4);
    assertTrue(!CertificateVerifier.fast(baseline(t, "horner6_fma"), t.spec().domain(), scaled));
    FloatDomain d = domain(Interval.closedOpen(0.9, 0.91));
    ErrorStats viaFast = CertificateVerifier.run(baseline(t, "horner6_fma"), d, scaled, 2).stats();
    ErrorStats old = ExhaustiveVerifier.run(baseline(t, "horner6_fma"), d, scaled, 2).stats();
    assertEquals(old.meanUlp(), viaFast.meanUlp(), "the same computation");
  }
}
