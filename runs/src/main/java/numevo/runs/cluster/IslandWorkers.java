package numevo.runs.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import numevo.evolver.search.IslandWorker;
import numevo.evolver.search.SharedScores;
import numevo.runs.exec.RunPlan;
import numevo.runs.store.RunSpec;

/**
 * The island workers of one member, one per run it has run islands of: built on the first task of a
 * run from the run's specification in the cluster's map ({@link Members#SPECS}), as a resume builds
 * its search ({@link RunPlan}), and kept for the next tasks, with the islands they hold. A member
 * keeps the workers of the last {@value #KEPT} runs.
 */
final class IslandWorkers {
  /** The key of a member's island workers in its user context. */
  static final String KEY = "numevo.islandWorkers";

  private static final int KEPT = 2;
  static final ObjectMapper JSON = new ObjectMapper();

  private final int threads;
  private final Map<String, IslandWorker> workers = new LinkedHashMap<>();

  IslandWorkers(int threads) {
    this.threads = threads;
  }

  /** The map where each member publishes its shared-scores counters, by run and member. */
  static final String COUNTS = "numevo-shared-counts";

  /**
   * Runs a task of run {@code key} on the run's worker, and publishes the member's shared-scores
   * counters for the run after it.
   */
  byte[] run(String key, int sharedEntries, HazelcastInstance member, byte[] task) {
    IslandWorker w = of(key, sharedEntries, member);
    byte[] r = w.run(task);
    if (w.shared() instanceof ClusterSharedScores s) {
      SharedScores.Counts c = s.counts();
      member
          .<String, long[]>getMap(COUNTS)
          .setAsync(
              key + "/" + member.getCluster().getLocalMember().getUuid(),
              new long[] {
                c.lookups(),
                c.hits(),
                c.foreignHits(),
                c.offered(),
                s.remoteLookups(),
                s.offerCalls()
              });
    }
    return r;
  }

  /**
   * The worker of run {@code key}, built from its specification on first use, its islands sharing
   * at most {@code sharedEntries} scores through the cluster (0: none).
   */
  synchronized IslandWorker of(String key, int sharedEntries, HazelcastInstance member) {
    IslandWorker w = workers.get(key);
    if (w != null) {
      return w;
    }
    String json = member.<String, String>getMap(Members.SPECS).get(key);
    if (json == null) {
      throw new IllegalStateException("no run " + key + " in the cluster");
    }
    RunSpec spec;
    try {
      spec = JSON.readValue(json, RunSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("run " + key + ": unreadable specification", e);
    }
    RunPlan plan = RunPlan.of(spec, threads);
    w =
        sharedEntries > 0
            ? IslandWorker.of(
                plan.config(), plan.scorer(), new ClusterSharedScores(member, key, sharedEntries))
            : IslandWorker.of(plan.config(), plan.scorer());
    workers.put(key, w);
    while (workers.size() > KEPT) {
      Iterator<IslandWorker> it = workers.values().iterator();
      it.next().close();
      it.remove();
    }
    return w;
  }
}
