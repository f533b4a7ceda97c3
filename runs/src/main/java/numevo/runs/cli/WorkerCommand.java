package numevo.runs.cli;

import com.hazelcast.core.HazelcastInstance;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import numevo.runs.cluster.ClusterOptions;
import numevo.runs.cluster.Members;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code numevo worker --join HOST:PORT [--port P] [--interface IP] [--cluster-name NAME]
 * [--threads N]}: a cluster member that runs the islands of the searches coordinated by {@code
 * numevo search --cluster}, until Ctrl-C or SIGTERM.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Joins a numevo cluster and runs islands of its searches until stopped (Ctrl-C).",
      "Start the coordinator with 'numevo search TARGET --cluster ...' first; its first line",
      "names the address to join. The worker listens on --interface only (loopback by default)."
    })
final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--join",
      required = true,
      paramLabel = "HOST:PORT",
      split = ",",
      description = "the members to join (the coordinator's address)")
  List<String> join;

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "the first port to listen on; default: 5701 (the next free one is taken)")
  int port = ClusterOptions.DEFAULT_PORT;

  @Option(
      names = "--interface",
      paramLabel = "IP",
      description = "the only interface to listen on; default: 127.0.0.1")
  String host = ClusterOptions.DEFAULT_HOST;

  @Option(
      names = "--cluster-name",
      paramLabel = "NAME",
      description = "the cluster's name; default: numevo")
  String clusterName = ClusterOptions.DEFAULT_NAME;

  @Option(names = "--threads", paramLabel = "N", description = "threads; default: the cores")
  Integer threads;

  @Override
  public Integer call() throws InterruptedException {
    int th = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    ClusterOptions o = ClusterOptions.of(host, port, join, clusterName, th);
    HazelcastInstance hz = Members.start(o);
    Thread hook = new Thread(hz::shutdown, "numevo-worker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter w = spec.commandLine().getOut();
    var a = hz.getCluster().getLocalMember().getAddress();
    w.println(
        "worker: member "
            + a.getHost()
            + ":"
            + a.getPort()
            + " of cluster "
            + clusterName
            + ", "
            + Plural.of(hz.getCluster().getMembers().size(), "member")
            + ", on "
            + Plural.of(th, "thread")
            + "; Ctrl-C stops it");
    w.flush();
    while (hz.getLifecycleService().isRunning()) {
      Thread.sleep(500);
    }
    return 0;
  }
}
