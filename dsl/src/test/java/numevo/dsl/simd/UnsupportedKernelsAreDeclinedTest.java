package numevo.dsl.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import numevo.dsl.compile.CompiledKernel;
import numevo.dsl.compile.Float32Unary;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

/**
 * Kernels the backend cannot run bit for bit are declined with a reason naming the cause, and
 * {@link SimdCompiler#compileOrScalar} falls back to the scalar compiler for them.
 */
class UnsupportedKernelsAreDeclinedTest {

  private static void assertDeclined(Program p, String reasonPart) {
    String reason = SimdCompiler.declineReason(p).orElseThrow();
    assertTrue(reason.contains(reasonPart), reason);
    SimdDeclinedException e =
        assertThrows(SimdDeclinedException.class, () -> SimdCompiler.compile(p));
    assertEquals(reason, e.getMessage());
    CompiledKernel fallback = SimdCompiler.compileOrScalar(p);
    assertFalse(fallback.getClass().getName().contains("Simd"), fallback.toString());
  }

  @Test
  void otherFormatsAreDeclined() {
    for (NumberFormat f : NumberFormat.values()) {
      if (f == NumberFormat.FLOAT32) {
        continue;
      }
      Program p =
          Parser.parse(
              "kernel k " + f.name().toLowerCase() + "\ninput x : f\ny = mul x x\noutput y\n", "k");
      assertDeclined(p, "float32 kernels only");
    }
  }

  @Test
  void float64TranscendentalsAreDeclined() {
    Program p = Parser.parse("kernel k float64\ninput x : f\ny = exp x\noutput y\n", "k");
    assertDeclined(p, "float64");
  }

  @Test
  void intOpsAndIntInputsAreDeclined() {
    Program ops =
        Parser.parse(
            "kernel k float32\ninput a : i32\nz = toint a\nw = mul z z\nc = lt z w\noutput c\n",
            "k");
    assertDeclined(ops, "instruction 'z' uses toint");
    Program in = Parser.parse("kernel k float32\ninput z : int\nc = lt z 3\noutput c\n", "k");
    assertDeclined(in, "input 'z' is int");
  }

  @Test
  void everyIntOpIsUnsupportedAndEveryFloat32I32OpSupported() {
    for (Op op : Op.values()) {
      boolean intValued =
          op.result() == Type.INT || op.params().contains(Type.INT) || op.float64Only();
      assertEquals(!intValued, SimdCompiler.supported(op), op.toString());
    }
  }

  @Test
  void kernelsTooLargeForTheJitAreDeclined() {
    List<Instr> body = new ArrayList<>();
    for (int j = 0; j < 1500; j++) {
      body.add(Instr.of("v" + j, Op.FFMA, Ref.of(j), Ref.of(j), FloatLit.of(0.5)));
    }
    Program p =
        Program.of(
            "big",
            NumberFormat.FLOAT32,
            List.of(Input.of("x", Type.F)),
            body,
            List.of(Ref.of(body.size())));
    assertTrue(SimdCompiler.declineReason(p).isEmpty());
    SimdDeclinedException e =
        assertThrows(SimdDeclinedException.class, () -> SimdCompiler.compile(p));
    assertTrue(e.getMessage().contains("too large for the SIMD backend"), e.getMessage());
    CompiledKernel fallback = SimdCompiler.compileOrScalar(p);
    assertFalse(fallback.getClass().getName().contains("Simd"));
  }

  @Test
  void supportedKernelsCompileToTheirShape() {
    Program p = Parser.parse("kernel k float32\ninput x : f\ny = mul x x\noutput y\n", "k");
    CompiledKernel k = SimdCompiler.compile(p);
    assertTrue(k instanceof Float32Unary);
    assertSame(p, k.program());
    assertTrue(k.toString().startsWith("SimdKernel["), k.toString());
  }
}
