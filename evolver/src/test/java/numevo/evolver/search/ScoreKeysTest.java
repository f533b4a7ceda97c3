package numevo.evolver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

/**
 * A shared-scores key is the exact code: names do not change it; an op, an operand, a literal's
 * bits, an output or the format do. (Two kernels computing the same function by different code get
 * different keys: that is what keeps a shared hit equal to scoring.)
 */
class ScoreKeysTest {
  private static Program parse(String format, String body) {
    return Parser.parse("kernel k " + format + "\ninput x : f\n" + body, "k");
  }

  @Test
  void namesDoNotChangeTheKeyAndCodeDoes() {
    Program a = parse("float32", "t = mul x 0.5\nu = add t 1.0\noutput u\n");
    Program renamed =
        Parser.parse(
            "kernel other float32\ninput y : f\na = mul y 0.5\nb = add a 1.0\noutput b\n", "o");
    assertEquals(ScoreKeys.of(a), ScoreKeys.of(renamed));
    assertNotEquals(
        ScoreKeys.of(a),
        ScoreKeys.of(parse("float32", "t = mul x 0.5\nu = sub t 1.0\noutput u\n")));
    assertNotEquals(
        ScoreKeys.of(a),
        ScoreKeys.of(parse("float32", "t = mul x 0.25\nu = add t 1.0\noutput u\n")));
    assertNotEquals(
        ScoreKeys.of(a),
        ScoreKeys.of(parse("float32", "t = mul x 0.5\nu = add x 1.0\noutput u\n")));
    assertNotEquals(
        ScoreKeys.of(a),
        ScoreKeys.of(parse("float32", "t = mul x 0.5\nu = add t 1.0\noutput t\n")));
    assertNotEquals(
        ScoreKeys.of(a),
        ScoreKeys.of(parse("bfloat16", "t = mul x 0.5\nu = add t 1.0\noutput u\n")));
    // The same function (x * 0.5 + 1, and the same times 1) by other code: another key.
    assertNotEquals(
        ScoreKeys.of(a),
        ScoreKeys.of(parse("float32", "t = mul x 0.5\nu = add t 1.0\nv = mul u 1.0\noutput v\n")));
  }
}
