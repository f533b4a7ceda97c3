package numevo.evolver.rank;

import java.util.List;

/**
 * What {@link FrontRanker} made of a front.
 *
 * @param front the ranked front: by increasing cost, each kernel's checked error strictly below
 *     every cheaper one's (kernels the larger sample or the check shows dominated are left out)
 * @param all every kernel of the front it was given, in the same order, after ranking
 * @param exhaustiveChecks the exhaustive checks made
 * @param counterexamples the inputs that joined the re-tuning samples, summed over the kernels
 * @param tuningScorings the scorings of the re-tunings
 */
public record RankResult(
    List<Ranked> front,
    List<Ranked> all,
    int exhaustiveChecks,
    long counterexamples,
    long tuningScorings) {

  /** Copies the lists. */
  public RankResult {
    front = List.copyOf(front);
    all = List.copyOf(all);
  }
}
