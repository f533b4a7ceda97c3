package numevo.dsl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

  /** Inputs x : f, n : i32, z : int, c : i32 (values 0..3), then the given lines. */
  private static Program kernel(String format, String... lines) {
    String source =
        "kernel k "
            + format
            + "\ninput x : f\ninput n : i32\ninput z : int\ninput c : i32\n"
            + String.join("\n", lines)
            + "\n";
    return Parser.parse(source, "k.kernel");
  }

  private static Instr only(String format, String line) {
    Program p = kernel(format, line, "output t");
    return p.body().get(p.body().size() - 1);
  }

  private static Operand literal(String format, String line, int operand) {
    return only(format, line).args().get(operand);
  }

  @Test
  void readsTheExampleOfTheSyntaxDescription() {
    String source =
        """
        # comments run from '#' to the end of a line; blank lines are ignored

        kernel exp2_deg2 float32          # kernel NAME FORMAT
        input x : f
        t0 = fma x 0x1.62e430p-3 0.5
        t1 = fma x t0 1.0
        output t1
        """;
    Program p = Parser.parse(source, "a.kernel");
    Program expected =
        Program.of(
            "exp2_deg2",
            NumberFormat.FLOAT32,
            List.of(Input.of("x", Type.F)),
            List.of(
                Instr.of("t0", Op.FFMA, Ref.of(0), FloatLit.of(0x1.62e43p-3), FloatLit.of(0.5)),
                Instr.of("t1", Op.FFMA, Ref.of(0), Ref.of(1), FloatLit.of(1.0))),
            List.of(Ref.of(2)));
    assertEquals(expected, p);
  }

  @Test
  void spacingTabsCarriageReturnsAndFormatAliasesDoNotMatter() {
    String tight = "kernel k fp16\ninput x:f\nt=add x 1.0\noutput t\n";
    String loose =
        "\uFEFF  kernel\tk   float16 \r\ninput   x :\tf\r\n\r\n t =  add x 1.0 #c\r\noutput t";
    assertEquals(Parser.parse(tight, "a"), Parser.parse(loose, "b"));
    assertEquals(NumberFormat.FLOAT16, Parser.parse(tight, "a").format());
  }

  @Test
  void aDecimalLiteralIsRoundedOnceToTheFormat() {
    // 1 + 2^-24 + 1e-20 lies just above the float32 midpoint 1 + 2^-24. Rounding to double first
    // would land exactly on the midpoint and then tie to even (1.0); one rounding gives 1 + 2^-23.
    Operand lit = literal("float32", "t = add x 1.00000005960464477550", 1);
    assertEquals(FloatLit.of(1.0 + 0x1p-23), lit);
    assertEquals(FloatLit.of(0.1f), literal("float32", "t = add x 0.1", 1));
    assertEquals(FloatLit.of(0.1015625), literal("e4m3fn", "t = add x 0.1", 1));
  }

  @Test
  void aHexFloatReadsExactly() {
    assertEquals(FloatLit.of(0x1.62e43p-3), literal("float32", "t = mul x 0x1.62e430p-3", 1));
    assertEquals(
        FloatLit.of(0x1.62e42fefa39efp-1), literal("float64", "t = mul x 0x1.62e42fefa39efp-1", 1));
    // One the format cannot hold is an error: HexLiteralsMustBeExactTest.
  }

  @Test
  void specialFloatLiteralsRead() {
    assertTrue(Double.isNaN(((FloatLit) literal("float32", "t = add x nan", 1)).value()));
    assertEquals(FloatLit.of(Double.NEGATIVE_INFINITY), literal("e5m2", "t = add x -inf", 1));
    assertEquals(FloatLit.of(-0.0), literal("float16", "t = add x -0.0", 1));
    assertEquals(FloatLit.of(0.0), literal("e4m3fnuz", "t = add x -0.0", 1));
  }

  @Test
  void integerLookingLiteralsTakeTheTypeTheOverloadNeeds() {
    assertEquals(FloatLit.of(3.0), literal("float32", "t = add x 3", 1));
    assertEquals(FloatLit.of(16.0), literal("float32", "t = add x 0x10", 1));
    assertEquals(FloatLit.of(-16.0), literal("float32", "t = add x -0x10", 1));
    assertEquals(I32Lit.of(3), literal("float32", "t = add n 3", 1));
    assertEquals(IntLit.of(3), literal("float32", "t = add z 3", 1));
    assertEquals(I32Lit.of(3), literal("float32", "t = itof 3", 0));
    assertEquals(FloatLit.of(3.0), literal("float32", "t = toi 3", 0));
    assertEquals(I32Lit.of(3), literal("float32", "t = toint 3", 0));
  }

  @Test
  void i32LiteralsCoverTheRangeAndHexWraps() {
    assertEquals(I32Lit.of(-1), literal("float32", "t = add n 0xFFFFFFFF", 1));
    assertEquals(I32Lit.of(Integer.MIN_VALUE), literal("float32", "t = add n 0x80000000", 1));
    assertEquals(I32Lit.of(Integer.MIN_VALUE), literal("float32", "t = add n -2147483648", 1));
    assertEquals(I32Lit.of(Integer.MAX_VALUE), literal("float32", "t = add n 2147483647", 1));
    assertEquals(I32Lit.of(-255), literal("float32", "t = add n -0xff", 1));
  }

  @Test
  void intLiteralsAreExact() {
    BigInteger big = new BigInteger("-123456789012345678901234567890123456789");
    assertEquals(IntLit.of(big), literal("float32", "t = add z " + big, 1));
    assertEquals(
        IntLit.of(BigInteger.ONE.shiftLeft(100)),
        literal("float32", "t = add z 0x10000000000000000000000000", 1));
  }

  @Test
  void typedLiteralsChooseTheOverload() {
    Instr i32 = only("float32", "t = add 1:i32 2");
    assertEquals(Instr.of("t", Op.IADD, I32Lit.of(1), I32Lit.of(2)), i32);
    Instr integer = only("float32", "t = add 1 : int 2");
    assertEquals(Instr.of("t", Op.ZADD, IntLit.of(1), IntLit.of(2)), integer);
    Instr f = only("float32", "t = select 1 2:f 3");
    assertEquals(Instr.of("t", Op.FSELECT, I32Lit.of(1), FloatLit.of(2.0), FloatLit.of(3.0)), f);
    Instr hex = only("float32", "t = add 0x1.8p1:f 1");
    assertEquals(Instr.of("t", Op.FADD, FloatLit.of(3.0), FloatLit.of(1.0)), hex);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "t = add x x,        FADD",
    "t = add x 1,        FADD",
    "t = add 1 x,        FADD",
    "t = add 1.5 2,      FADD",
    "t = add n 1,        IADD",
    "t = add z -1,       ZADD",
    "t = sub z z,        ZSUB",
    "t = mul n n,        IMUL",
    "t = div x 2,        FDIV",
    "t = div z 2,        ZDIV",
    "t = div 7 z,        ZDIV",
    "t = neg x,          FNEG",
    "t = neg n,          INEG",
    "t = neg z,          ZNEG",
    "t = neg 1.0,        FNEG",
    "t = lt x 0,         FLT",
    "t = lt n 0,         ILT",
    "t = lt 0 z,         ZLT",
    "t = le 1e3 1,       FLE",
    "t = eq c n,         IEQ",
    "t = select c x 0,   FSELECT",
    "t = select c 0 x,   FSELECT",
    "t = select c n 0,   ISELECT",
    "t = select 1 0 z,   ZSELECT",
    "t = select c inf 1, FSELECT",
    "t = shl 1 2,        ISHL",
    "t = toint 5,        TOINT",
  })
  void overloadsResolveByOperandTypes(String line, Op expected) {
    assertEquals(expected, only("float32", line.strip()).op());
  }

  @Test
  void anOutputMayNameAnyValueAndValuesMayBeNamedLikeOps() {
    Program p =
        Parser.parse(
            "kernel k float32\ninput x : f\nadd = add x x\noutput x\noutput add\noutput x\n", "k");
    assertEquals(List.of(Ref.of(0), Ref.of(1), Ref.of(0)), p.outputs());
    assertEquals(Op.FADD, p.body().get(0).op());
  }

  @Test
  void nameCharactersFollowTheModel() {
    Program p =
        Parser.parse(
            "kernel k.v2 float32\ninput _x.y : f\nInfinity = add _x.y _x.y\noutput Infinity\n",
            "k");
    assertEquals("Infinity", p.body().get(0).name());
    assertEquals(Ref.of(0), p.body().get(0).args().get(0));
  }

  @Test
  void deadCodeIsLegalAndWarnedAboutAtItsName() {
    ParsedProgram parsed =
        Parser.parseDetailed(
            "kernel k float32\ninput x : f\n  a = add x x\nb = mul x x\noutput b\n", "w.kernel");
    assertEquals(
        List.of("w.kernel:3:3: warning: 'a' is dead code: no output depends on it"),
        parsed.warnings());
  }

  @Test
  void aFiniteLiteralThatOverflowsIsWarnedAbout() {
    ParsedProgram parsed =
        Parser.parseDetailed(
            "kernel k e4m3fn\ninput x : f\nb = mul x 1000\nc = add b inf\noutput c\n", "o");
    assertEquals(
        List.of(
            "o:3:11: warning: literal '1000' overflows e4m3fn and reads as nan",
            "o:4:11: warning: literal 'inf' reads as nan: e4m3fn has no infinities"),
        parsed.warnings());
  }

  @Test
  void theSourceMapLocatesEveryPart() {
    ParsedProgram parsed =
        Parser.parseDetailed(
            "kernel k float32\ninput x : f\n t = fma x  2.0 x\noutput t\n", "m.kernel");
    SourceMap map = parsed.sourceMap();
    assertEquals("m.kernel", map.file());
    assertEquals(Position.of("m.kernel", 1, 1), map.kernel());
    assertEquals(Position.of("m.kernel", 2, 7), map.input(0));
    assertEquals(Position.of("m.kernel", 3, 2), map.instruction(0));
    assertEquals(Position.of("m.kernel", 3, 6), map.mnemonic(0));
    assertEquals(Position.of("m.kernel", 3, 13), map.operand(0, 1));
    assertEquals(Position.of("m.kernel", 4, 8), map.output(0));
  }
}
