package numevo.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BaselineSummaryTest {

  @Test
  void theSummaryIsTheFirstSentenceEvenAcrossCommentLines() {
    String text =
        """
        # L-Mul (H. Luo and W. Sun, arXiv 2410.00907, 2024) on e4m3fn: the dropped
        # term is replaced by 2^-3. More detail follows here.
        kernel k e4m3fn
        """;
    assertEquals(
        "L-Mul (H. Luo and W. Sun, arXiv 2410.00907, 2024) on e4m3fn: the dropped term is"
            + " replaced by 2^-3.",
        Baselines.summaryOf(text));
  }

  @Test
  void theSummaryStopsAtTheEndOfTheFirstParagraph() {
    assertEquals(
        "a kernel without a full stop",
        Baselines.summaryOf("# a kernel without\n# a full stop\n#\n# more\nkernel k float32\n"));
    assertEquals("", Baselines.summaryOf("kernel k float32\n# late comment\n"));
  }
}
