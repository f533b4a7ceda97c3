package numevo.targets.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Collections;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequenceSplitTest {

  @ParameterizedTest(name = "{0} terms, {1} requested: {2} held out")
  @CsvSource({
    "40, 10, 10",
    "30, 10, 10",
    "29, 10, 9",
    "25, 10, 8",
    "12, 10, 4",
    "2, 10, 0",
    "40, 3, 3",
    "40, 0, 0"
  })
  void atMostAThirdOfTheTermsIsHeldOut(int terms, int requested, int heldOut) {
    SequenceData d = SequenceData.of("s", 0, Collections.nCopies(terms, BigInteger.ONE));
    SequenceSplit s = SequenceSplit.of(d, requested);
    assertEquals(heldOut, s.heldOut());
    assertEquals(terms - heldOut, s.trainTerms().size());
    assertEquals(heldOut, s.heldOutTerms().size());
    assertEquals(terms - heldOut, s.trainingData().size());
  }
}
