package numevo.dsl.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

/**
 * The two lowerings the SIMD backend chooses by the program's shape agree bit for bit with the
 * interpreter once C2 has compiled the loop: {@code min}/{@code max} with a literal bound (a
 * comparison and a blend where the literal is neither NaN nor zero, the Vector API's MIN/MAX
 * otherwise), on every special input against every special literal on either side; and comparisons
 * kept as masks where only selects use them ({@link SimdGenerator#maskOnly}), for f and i32
 * comparisons feeding f and i32 selects, next to comparisons that are also outputs or operands.
 */
class MaskSelectsAndLiteralBoundsTest {

  @Test
  void minAndMaxWithEveryLiteralBoundAgreeWhenHot() {
    List<Object[]> points = new ArrayList<>();
    for (double v : EveryOpOnSpecialValuesTest.floats()) {
      points.add(new Object[] {v});
    }
    SplittableRandom rnd = new SplittableRandom(1205);
    for (int i = 0; i < 200; i++) {
      points.add(new Object[] {(double) Inputs.f(rnd)});
    }
    List<Float> literals = new ArrayList<>(Inputs.SPECIAL_F);
    literals.add(-104f);
    literals.add(89f);
    for (float c : literals) {
      Operand x = Ref.of(0);
      Operand lit = FloatLit.of(c);
      Program p =
          Program.of(
              "bounds",
              NumberFormat.FLOAT32,
              List.of(Input.of("x", Type.F)),
              List.of(
                  Instr.of("a", Op.FMAX, x, lit),
                  Instr.of("b", Op.FMIN, x, lit),
                  Instr.of("c", Op.FMAX, lit, x),
                  Instr.of("d", Op.FMIN, lit, x)),
              List.of(Ref.of(1), Ref.of(2), Ref.of(3), Ref.of(4)));
      EveryOpOnSpecialValuesTest.checkHot(p, points);
    }
  }

  private static final String SELECTS =
      """
      kernel selects float32
      input x : f
      input y : f
      input i : i32
      input j : i32
      fl = lt x y
      fe = eq x y
      il = lt i j
      ie = le i j
      a = select fl x y
      b = select fl i j
      c = select il x y
      d = select ie i j
      e = select fe a c
      both = le y x
      v = select both x 2.5
      g = add both i
      out = eq i j
      h = select out y x
      k = select il fl ie
      output a
      output b
      output c
      output d
      output e
      output v
      output g
      output out
      output h
      output k
      """;

  @Test
  void onlyComparisonsUsedSolelyAsSelectConditionsAreMasks() {
    Program p = Parser.parse(SELECTS, "selects");
    boolean[] only = SimdGenerator.maskOnly(p, SimdGenerator.liveness(p));
    boolean[] want = new boolean[p.valueCount()];
    // inputs 0-3; fl 4, fe 5, il 6, ie 7: masks, but fl and ie are also select values in k.
    want[5] = true;
    want[6] = true;
    assertArrayEquals(want, only);
  }

  @Test
  void selectsOfMaskedComparisonsAgreeWhenHot() {
    Program p = Parser.parse(SELECTS, "selects");
    List<Object[]> points = new ArrayList<>();
    List<Double> fs = EveryOpOnSpecialValuesTest.floats();
    SplittableRandom rnd = new SplittableRandom(1206);
    for (int a = 0; a < fs.size(); a++) {
      for (int b = 0; b < fs.size(); b += 3) {
        points.add(
            new Object[] {
              fs.get(a),
              fs.get(b),
              Inputs.SPECIAL_I.get(rnd.nextInt(Inputs.SPECIAL_I.size())),
              Inputs.SPECIAL_I.get(rnd.nextInt(Inputs.SPECIAL_I.size()))
            });
      }
    }
    for (int n = 0; n < 500; n++) {
      int i = Inputs.i(rnd);
      points.add(
          new Object[] {
            (double) Inputs.f(rnd),
            (double) Inputs.f(rnd),
            i,
            rnd.nextInt(4) == 0 ? i : Inputs.i(rnd)
          });
    }
    EveryOpOnSpecialValuesTest.checkHot(p, points);
  }
}
