package numevo.evolver.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RankPolicyTest {

  @Test
  void withoutALimitOrAtThirtyMinutesTheRankingGetsTheWholeDefaultBudget() {
    assertEquals(RankPolicy.DEFAULT, RankPolicy.forTime(null));
    assertEquals(RankPolicy.DEFAULT, RankPolicy.forTime(Duration.ZERO));
    assertEquals(RankPolicy.DEFAULT, RankPolicy.forTime(Duration.ofMinutes(30)));
    assertEquals(RankPolicy.DEFAULT, RankPolicy.forTime(Duration.ofHours(5)));
  }

  @Test
  void aShortLimitShrinksTheChecksInProportionDownToTheirFloors() {
    RankPolicy tenMinutes = RankPolicy.forTime(Duration.ofMinutes(10));
    assertEquals(2, tenMinutes.exhaustiveChecks());
    assertEquals(80, tenMinutes.windowChecks());
    assertEquals(20, tenMinutes.windowChecksPerKernel());
    RankPolicy oneMinute = RankPolicy.forTime(Duration.ofMinutes(1));
    assertEquals(1, oneMinute.exhaustiveChecks());
    assertEquals(8, oneMinute.windowChecks());
    assertEquals(4, oneMinute.windowChecksPerKernel());
    // What does not cost checks stays as it is.
    assertEquals(RankPolicy.DEFAULT.samplePoints(), oneMinute.samplePoints());
    assertEquals(RankPolicy.DEFAULT.timeShare(), oneMinute.timeShare());
  }
}
