package numevo.runs.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import numevo.evolver.search.IslandWorker;
import numevo.runs.exec.RunPlan;
import numevo.runs.store.RunSpec;

/**
 * The island workers of one member, one per run it has run islands of: built on the first task of a
 * run from the run's specification in the cluster's map ({@link Members#SPECS}), as a resume builds
 * its search ({@link RunPlan}), and kept for the next tasks. A member keeps the workers of the last
 * {@value #KEPT} runs.
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

  /** The worker of run {@code key}, built from its specification on first use. */
  synchronized IslandWorker of(String key, HazelcastInstance member) {
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
    w = IslandWorker.of(plan.config(), plan.scorer());
    workers.put(key, w);
    while (workers.size() > KEPT) {
      Iterator<IslandWorker> it = workers.values().iterator();
      it.next().close();
      it.remove();
    }
    return w;
  }
}
