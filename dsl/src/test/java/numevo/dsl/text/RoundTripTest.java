package numevo.dsl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.ProgramException;
import numevo.dsl.random.ProgramArbitraries;
import numevo.dsl.random.RandomProgramConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoundTripTest {

  /** Tries of the mixed-format properties; the seeds fix which programs. */
  private static final int TRIES = 1000;

  @Provide
  Arbitrary<Program> programs() {
    return ProgramArbitraries.programs();
  }

  @Property(tries = TRIES, seed = "20240601", shrinking = ShrinkingMode.OFF)
  void parsingThePrintedTextGivesAnEqualProgram(@ForAll("programs") Program p) {
    String text = Printer.print(p);
    assertEquals(p, Parser.parse(text, "printed"), text);
  }

  @Property(tries = TRIES / 4, seed = "20240602", shrinking = ShrinkingMode.OFF)
  void printingIsIdempotentThroughParsing(@ForAll("programs") Program p) {
    String once = Printer.print(p);
    assertEquals(once, Printer.print(Parser.parse(once, "printed")));
  }

  @ParameterizedTest
  @EnumSource(NumberFormat.class)
  void threeHundredSeededProgramsOfEachFormatRoundTripCoveringEveryOp(NumberFormat format) {
    SplittableRandom rng = new SplittableRandom(format.ordinal());
    Set<Op> ops = EnumSet.noneOf(Op.class);
    for (int i = 0; i < 300; i++) {
      Program p = ProgramArbitraries.next(format, rng);
      String text = Printer.print(p);
      assertEquals(p, Parser.parse(text, "printed"), text);
      p.body().forEach(ins -> ops.add(ins.op()));
    }
    assertEquals(Set.copyOf(RandomProgramConfig.validOps(format)), ops);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  /**
   * Damaged text either parses or fails with a located one-line message: never another exception,
   * never a message spanning lines.
   */
  @Property(tries = 1000, seed = "20240604", shrinking = ShrinkingMode.OFF)
  void damagedTextFailsOnlyWithALocatedMessage(
      @ForAll("programs") Program p,
      @ForAll @IntRange(min = 1, max = 4) int edits,
      @ForAll("seeds") long seed) {
    Random rng = new Random(seed);
    StringBuilder text = new StringBuilder(Printer.print(p));
    String alphabet = " \n:=#-.0123456789abcdefxp_infnatoadlsubmulkernelinputoutputi32\t";
    for (int e = 0; e < edits && !text.isEmpty(); e++) {
      int at = rng.nextInt(text.length());
      switch (rng.nextInt(3)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, alphabet.charAt(rng.nextInt(alphabet.length())));
        default -> text.setCharAt(at, alphabet.charAt(rng.nextInt(alphabet.length())));
      }
    }
    try {
      Parser.parse(text.toString(), "d.kernel");
    } catch (ProgramException ex) {
      String m = ex.getMessage();
      assertTrue(m.matches("d\\.kernel:\\d+:\\d+: [^\\n\\r]+"), m);
      assertTrue(ex.problems().stream().allMatch(s -> s.matches("d\\.kernel:\\d+:\\d+: .+")));
    }
  }
}
