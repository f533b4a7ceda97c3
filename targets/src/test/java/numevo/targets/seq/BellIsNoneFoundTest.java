package numevo.targets.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The control: the Bell numbers have no short recurrence of either kind. */
class BellIsNoneFoundTest {

  @Test
  void bothSolversFindNothingInTheBellNumbers() {
    SequenceData bell = Sequences.bell();
    assertEquals(new BigInteger("71339801938860275191172"), bell.term(29));
    SeqScorer scorer = SeqScorer.of(bell, SeqConfig.defaults());
    assertInstanceOf(
        SolverResult.NoneFound.class, BerlekampMassey.of(BmConfig.defaults()).find(scorer));
    assertInstanceOf(
        SolverResult.NoneFound.class, PRecursiveGuesser.of(PRecConfig.defaults()).find(scorer));
  }
}
