package numevo.runs.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * One island task sent to a member: the run's key, the bound of the scores the run's islands share
 * through the cluster ({@link ClusterSharedScores}; 0: none), and the task's bytes ({@link
 * numevo.evolver.search.IslandTask#write(boolean)}); the member runs it with its worker for the run
 * (which keeps the island for the next task) and returns the result's bytes.
 */
final class IslandCall implements Callable<byte[]>, Serializable, HazelcastInstanceAware {
  @Serial private static final long serialVersionUID = 1L;

  private final String run;
  private final int sharedEntries;
  private final byte[] task;
  private transient HazelcastInstance member;

  IslandCall(String run, int sharedEntries, byte[] task) {
    this.run = run;
    this.sharedEntries = sharedEntries;
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
    return workers.run(run, sharedEntries, member, task);
  }
}
