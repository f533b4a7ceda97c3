/**
 * Functional hashing of kernels. {@link numevo.evolver.hash.ProgramHasher} serves the search: it
 * adapts a {@link numevo.dsl.program.Program} of one genome to the hashing module (through the
 * columnar evaluator) and hashes it on probes drawn from the configured input ranges; {@link
 * numevo.evolver.hash.HashConfig} holds those ranges, the probe and cache settings and the number
 * of same-function retries. {@link numevo.evolver.hash.KernelHash} hashes one kernel of any
 * signature, exact integers and partial functions included (for {@code numevo hash}); {@link
 * numevo.evolver.hash.ProgramEvaluators} offers every DSL engine (interpreter, columnar evaluator,
 * compiled kernel, evaluation modulo a prime) as a hashing evaluator, so that one function hashes
 * the same whichever engine computes it.
 */
package numevo.evolver.hash;
