package numevo.targets.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import numevo.dsl.program.Input;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

class RecurrencesTest {
  private static Program kernel(String inputs, String body) {
    StringBuilder b = new StringBuilder("kernel k float64\n");
    for (String in : inputs.split(",")) {
      b.append("input ").append(in).append(" : int\n");
    }
    return Parser.parse(b + body, "k");
  }

  private static List<String> names(Program p) {
    return p.inputs().stream().map(Input::name).toList();
  }

  @Test
  void trimmingDropsUnusedTrailingTermsAndAnUnusedIndex() {
    Program p = kernel("n,a1,a2,a3,a4", "d = mul a3 a4\nr = add a1 a2\noutput r\n");
    Program t = Recurrences.trim(p);
    assertEquals(List.of("a1", "a2"), names(t));
    assertEquals(2, Recurrence.of(t).start());
    SequenceData fib = Sequences.linear("fib", new long[] {0, 1}, new long[] {1, 1}, 30);
    SeqScore s = SeqScorer.of(fib, SeqConfig.defaults()).score(t);
    assertEquals(true, s.predictsHeldOut());
    // A middle term that is unused stays: the order is the deepest term read.
    Program q = kernel("n,a1,a2,a3", "r = mul n a3\noutput r\n");
    assertEquals(List.of("n", "a1", "a2", "a3"), names(Recurrences.trim(q)));
    assertSame(q, Recurrences.trim(q));
  }

  @Test
  void wideningAddsTheIndexAndTermsOfTheSearchOrder() {
    Program fib = kernel("a1,a2", "r = add a1 a2\noutput r\n");
    Program w = Recurrences.widen(fib, 4);
    assertEquals(List.of("n", "a1", "a2", "a3", "a4"), names(w));
    assertEquals("a(n) = a(n-1) + a(n-2)", Recurrences.formula(w).orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> Recurrences.widen(fib, 1));
  }

  @Test
  void formulasKeepTheOrderOfExactDivisionAndSignsReadable() {
    Program catalan =
        kernel(
            "n,a1",
            "m = mul n 4:int\ns = sub m 2:int\np = mul s a1\nd = add n 1:int\nr = div p d\n"
                + "output r\n");
    assertEquals("a(n) = (n*4 - 2)*a(n-1) / (n + 1)", Recurrences.formula(catalan).orElseThrow());
    Program nested = kernel("n,a1", "q = div a1 n\nr = mul n q\noutput r\n");
    assertEquals("a(n) = n*(a(n-1) / n)", Recurrences.formula(nested).orElseThrow());
    Program neg = kernel("n,a1", "r = sub a1 -3:int\noutput r\n");
    assertEquals("a(n) = a(n-1) - (-3)", Recurrences.formula(neg).orElseThrow());
  }
}
