/**
 * The search's threads: {@link numevo.evolver.concurrent.Workers}, a fork-join pool shared by the
 * islands and the parallel hashing and scoring loops inside them.
 */
package numevo.evolver.concurrent;
