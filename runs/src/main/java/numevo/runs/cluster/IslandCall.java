package numevo.runs.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * One island task sent to a member: the run's key, whether the run's islands share scores through
 * the cluster ({@link ClusterSharedScores}), and the task's bytes ({@link
 * numevo.evolver.search.IslandTask#write(boolean)}); the member runs it with its worker for the run
 * (which keeps the island for the next task) and returns the result's bytes.
 */
final class IslandCall implements Callable<byte[]>, Serializable, HazelcastInstanceAware {
  @Serial private static final long serialVersionUID = 1L;

  private final String run;
  private final boolean shared;
  private final byte[] task;
  private transient HazelcastInstance member;

  IslandCall(String run, boolean shared, byte[] task) {
    this.run = run;
    this.shared = shared;
    this.task = task;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance member) {
    this.member = member;
  }

  @Override
  public byte[] call() {
    IslandWorkers workers = (IslandWorkers) member.getUserContext().get(IslandWorkers.KEY);
    if (workers == null) {
      throw new IllegalStateException("member " + member.getName() + " runs no islands");
    }
    return workers.run(run, shared, member, task);
  }
}
