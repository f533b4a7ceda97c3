/**
 * Functional hashing of kernels for the search: {@link numevo.evolver.hash.ProgramHasher} adapts a
 * {@link numevo.dsl.program.Program} to the hashing module's evaluator interface (through the
 * columnar evaluator) and hashes it on probes drawn from the configured input ranges; {@link
 * numevo.evolver.hash.HashConfig} holds those ranges, the probe and cache settings and the number
 * of same-function retries.
 */
package numevo.evolver.hash;
