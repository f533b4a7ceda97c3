package numevo.dsl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import org.junit.jupiter.api.Test;

class PrinterTest {

  private static Program program(NumberFormat format, Instr... body) {
    return Program.of(
        "k",
        format,
        List.of(Input.of("x", Type.F), Input.of("n", Type.I32), Input.of("z", Type.INT)),
        List.of(body),
        List.of(Ref.of(3 + body.length - 1)));
  }

  private static String line(Program p, int instr) {
    return Printer.instruction(p, p.body().get(instr));
  }

  @Test
  void printsTheCanonicalLayout() {
    Program p =
        program(
            NumberFormat.FLOAT32,
            Instr.of("t0", Op.FFMA, Ref.of(0), FloatLit.of(0x1.62e43p-3), FloatLit.of(0.5)),
            Instr.of("t1", Op.IADD, Ref.of(1), I32Lit.of(-7)));
    assertEquals(
        """
        kernel k float32
        input x : f
        input n : i32
        input z : int
        t0 = fma x 0.1732868 0.5
        t1 = add n -7
        output t1
        """,
        Printer.print(p));
  }

  @Test
  void literalsGetATypeSuffixOnlyWhenTheMnemonicWouldOtherwiseBeAmbiguous() {
    Program p =
        program(
            NumberFormat.FLOAT32,
            Instr.of("a", Op.IADD, I32Lit.of(1), I32Lit.of(2)),
            Instr.of("b", Op.ZADD, IntLit.of(1), Ref.of(2)),
            Instr.of("c", Op.FADD, FloatLit.of(1), FloatLit.of(2)),
            Instr.of("d", Op.ZSELECT, I32Lit.of(1), IntLit.of(2), IntLit.of(3)),
            Instr.of("e", Op.FSELECT, I32Lit.of(1), FloatLit.of(2), FloatLit.of(3)),
            Instr.of("f2", Op.ISHL, I32Lit.of(1), I32Lit.of(40)),
            Instr.of("g", Op.ZNEG, IntLit.of(BigInteger.TEN.pow(30))));
    assertEquals("a = add 1:i32 2:i32", line(p, 0));
    assertEquals("b = add 1 z", line(p, 1));
    assertEquals("c = add 1.0 2.0", line(p, 2));
    assertEquals("d = select 1:i32 2:int 3:int", line(p, 3));
    assertEquals("e = select 1 2.0 3.0", line(p, 4));
    assertEquals("f2 = shl 1 40", line(p, 5));
    assertEquals("g = neg 1000000000000000000000000000000:int", line(p, 6));
  }

  @Test
  void specialAndNarrowFloatLiteralsPrintSoTheyReadBackExactly() {
    Program p =
        program(
            NumberFormat.E5M2,
            Instr.of("a", Op.FSELECT, Ref.of(1), FloatLit.of(Double.NaN), FloatLit.of(-0.0)),
            Instr.of(
                "b",
                Op.FSELECT,
                Ref.of(1),
                FloatLit.of(Double.NEGATIVE_INFINITY),
                FloatLit.of(NumberFormat.E5M2.minSubnormal())),
            Instr.of("c", Op.FMUL, FloatLit.of(57344.0), Ref.of(0)));
    assertEquals("a = select n nan -0.0", line(p, 0));
    assertEquals("b = select n -inf 1.52587890625E-5", line(p, 1));
    assertEquals("c = mul 57344.0 x", line(p, 2));
    assertEquals(p, Parser.parse(Printer.print(p), "p"));
  }

  @Test
  void typedLiteralsRoundTrip() {
    String source =
        "kernel k float32\ninput n : i32\na = add 1:i32 2:i32\nb = select a 0:int -1:int\n"
            + "c = add b 5\noutput c\n";
    Program p = Parser.parse(source, "s");
    assertEquals(source, Printer.print(p));
  }
}
