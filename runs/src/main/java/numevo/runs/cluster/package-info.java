/**
 * Cluster mode: a search's islands run on the members of a Hazelcast cluster (Community Edition,
 * embedded members). {@code numevo search --cluster} starts a member that coordinates the run: it
 * owns the run store and replays the islands' generations at each barrier, as a search in one
 * process does; {@code numevo worker --join HOST:PORT} starts a member that runs islands. Between
 * barriers each island is one task ({@link numevo.evolver.search.IslandTask}: its state at the last
 * barrier and the migrants it receives) sent through Hazelcast's executor to a member, which
 * rebuilds the island from the task alone and sends back its generations and new state; a task
 * whose member left is sent to another member and gives the same result. Membership is explicit
 * (TCP-IP join to the listed members, no multicast, no auto-detection), members bind to the
 * configured interface only (loopback by default), the cluster name is checked, phone-home is off
 * and Hazelcast logs errors only, through java.util.logging.
 */
package numevo.runs.cluster;
