/**
 * Cluster mode: a search's islands run on the members of a Hazelcast cluster (Community Edition,
 * embedded members). {@code numevo search --cluster} starts a member that coordinates the run: it
 * owns the run store and replays the islands' generations at each barrier, as a search in one
 * process does; {@code numevo worker --join HOST:PORT} starts a member that runs islands. Islands
 * stay on the member that ran them: at each barrier a task ({@link
 * numevo.evolver.search.IslandTask}: the migrants an island receives, the generations to run) goes
 * through Hazelcast's executor to the island's holder, which runs it and sends back the
 * generations' records; a member that does not hold the island (it joined, or the holder died) gets
 * the task with the island's rebuild (its last base and the migrants since) and gives the same
 * result. With {@code --shared-cache}, islands share scores through a distributed map ({@link
 * ClusterSharedScores}, a near cache on each member), which changes no result. Membership is
 * explicit (TCP-IP join to the listed members, no multicast, no auto-detection), members bind to
 * the configured interface only (loopback by default), the cluster name is checked, phone-home is
 * off and Hazelcast logs errors only, through java.util.logging.
 */
package numevo.runs.cluster;
