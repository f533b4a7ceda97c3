package numevo.runs.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts the embedded Hazelcast member of a coordinator or a worker. */
public final class Members {
  /** The executor island tasks run on. */
  static final String EXECUTOR = "numevo-islands";

  /** The map of run specifications (JSON) by run key, which workers read once per run. */
  static final String SPECS = "numevo-specs";

  // Kept, so that the level set on it is not lost when the logger is collected.
  private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

  private Members() {}

  /**
   * Starts a member: TCP-IP join to {@code options.members()} only, bound to {@code options.host()}
   * only, phone-home off, Hazelcast's logging at errors only (a member leaving is not one).
   */
  public static HazelcastInstance start(ClusterOptions options) {
    System.setProperty("hazelcast.logging.type", "jdk");
    HAZELCAST_LOG.setLevel(Level.SEVERE);
    Config config = new Config();
    config.setClusterName(options.clusterName());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.health.monitoring.level", "OFF");
    // A member killed with SIGKILL is noticed within seconds, so its islands move soon.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    // Workers whose coordinator died are a cluster of their own: they look for the members they
    // were told of every few seconds (Hazelcast's split-brain merge), so a coordinator restarted
    // on the same address (numevo resume --cluster) gets them back.
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    // A member joining a running cluster waits briefly for others starting with it.
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.getJetConfig().setEnabled(false);
    NetworkConfig net = config.getNetworkConfig();
    net.setPort(options.port()).setPortAutoIncrement(true).setPortCount(ClusterOptions.PORT_COUNT);
    net.getInterfaces().setEnabled(true).addInterface(options.host());
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(options.members());
    // A member runs as many islands at once as it has threads (the others wait in its queue), so
    // that --threads bounds its work as it does in one process.
    config.getExecutorConfig(EXECUTOR).setPoolSize(options.threads());
    ConcurrentMap<String, Object> context = new ConcurrentHashMap<>();
    context.put(IslandWorkers.KEY, new IslandWorkers(options.threads()));
    config.setUserContext(context);
    return Hazelcast.newHazelcastInstance(config);
  }
}
