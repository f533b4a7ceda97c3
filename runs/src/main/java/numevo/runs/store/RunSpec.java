package numevo.runs.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import numevo.evolver.rank.RankPolicy;

/**
 * Everything that determines a run, as the user gave it: the target and its parameters, the digests
 * of the files they name, and the search's options. A run's manifest holds its spec, and a resume
 * or a replay builds the search from the spec alone ({@link numevo.runs.exec.RunPlan}), so the spec
 * is the run's whole configuration. The thread count is not part of it: it never changes a result.
 *
 * @param target a target name or a target file
 * @param params the target's parameters ({@code terms}, {@code data}, ...), by key (copied, sorted)
 * @param files the SHA-256 of each file the run reads (target, data and seed kernel files), by path
 *     as given (copied, sorted); a resume or replay refuses a file that changed
 * @param seed the seed of all randomness
 * @param generations stop after this many generations; 0 for no limit
 * @param evaluations stop after this many scorings; 0 for no limit
 * @param time stop after this long (ISO-8601, e.g. {@code PT1M}); null for no limit
 * @param targetError stop once a training error is at most this; null for none
 * @param islands the number of islands
 * @param population individuals per island; null for the target's default
 * @param maxSize most instructions of a kernel; null for the target's default
 * @param points training sample size; null for the target's default
 * @param maxError find the cheapest kernel with training error at most this; null for the front
 * @param maxCost find the kernel of smallest error with cost at most this; null for the front
 * @param ops the only mnemonics to use (comma-separated); null for the target's set
 * @param addOps mnemonics to add; null for none
 * @param dropOps mnemonics to remove; null for none
 * @param seedFrom seed kernels: files, {@code @baselines} or {@code @NAME} (copied)
 * @param mutation changed mutation weights ({@code KIND=W,...}); null for the target's
 * @param noTuning whether constant tuning is off
 * @param exhaustive whether the final front is verified on every point
 * @param cost the cost model ({@code latency}, {@code ops}, {@code throughput}, {@code measured},
 *     or the target's own kind such as {@code energy}); null (a manifest written before numevo
 *     recorded it) for the target's own model, which is latency for the float targets, so older
 *     runs replay unchanged
 * @param rank how the final front is ranked by verified error ({@link
 *     numevo.evolver.rank.FrontRanker}); null (a manifest written before numevo ranked fronts, or
 *     {@code --rank none}) for no ranking, so older runs replay as they ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSpec(
    String target,
    Map<String, String> params,
    Map<String, String> files,
    long seed,
    long generations,
    long evaluations,
    String time,
    Double targetError,
    int islands,
    Integer population,
    Integer maxSize,
    Integer points,
    Double maxError,
    Double maxCost,
    String ops,
    String addOps,
    String dropOps,
    List<String> seedFrom,
    String mutation,
    boolean noTuning,
    boolean exhaustive,
    String cost,
    RankPolicy rank) {

  /** Copies and sorts the maps, copies the list. */
  public RunSpec {
    params = params == null ? Map.of() : new TreeMap<>(params);
    files = files == null ? Map.of() : new TreeMap<>(files);
    seedFrom = seedFrom == null ? List.of() : List.copyOf(seedFrom);
  }

  /** This spec with other stop limits (a resume that extends a run). */
  public RunSpec withStop(long generations, long evaluations, String time) {
    return new RunSpec(
        target,
        params,
        files,
        seed,
        generations,
        evaluations,
        time,
        targetError,
        islands,
        population,
        maxSize,
        points,
        maxError,
        maxCost,
        ops,
        addOps,
        dropOps,
        seedFrom,
        mutation,
        noTuning,
        exhaustive,
        cost,
        rank);
  }

  /** This spec with another target error (null for none). */
  public RunSpec withTargetError(Double targetError) {
    return new RunSpec(
        target,
        params,
        files,
        seed,
        generations,
        evaluations,
        time,
        targetError,
        islands,
        population,
        maxSize,
        points,
        maxError,
        maxCost,
        ops,
        addOps,
        dropOps,
        seedFrom,
        mutation,
        noTuning,
        exhaustive,
        cost,
        rank);
  }

  /** This spec with the digests of the files it reads. */
  public RunSpec withFiles(Map<String, String> files) {
    return new RunSpec(
        target,
        params,
        files,
        seed,
        generations,
        evaluations,
        time,
        targetError,
        islands,
        population,
        maxSize,
        points,
        maxError,
        maxCost,
        ops,
        addOps,
        dropOps,
        seedFrom,
        mutation,
        noTuning,
        exhaustive,
        cost,
        rank);
  }

  /** This spec with another cost model (null for the target's own). */
  public RunSpec withCost(String cost) {
    return new RunSpec(
        target,
        params,
        files,
        seed,
        generations,
        evaluations,
        time,
        targetError,
        islands,
        population,
        maxSize,
        points,
        maxError,
        maxCost,
        ops,
        addOps,
        dropOps,
        seedFrom,
        mutation,
        noTuning,
        exhaustive,
        cost,
        rank);
  }

  /** This spec with another ranking policy (null for none). */
  public RunSpec withRank(RankPolicy rank) {
    return new RunSpec(
        target,
        params,
        files,
        seed,
        generations,
        evaluations,
        time,
        targetError,
        islands,
        population,
        maxSize,
        points,
        maxError,
        maxCost,
        ops,
        addOps,
        dropOps,
        seedFrom,
        mutation,
        noTuning,
        exhaustive,
        cost,
        rank);
  }
}
