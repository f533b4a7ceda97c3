/**
 * Functional hashing: a 128-bit hash of what a candidate computes, not of how it is written.
 *
 * <p>A {@link numevo.hashing.Signature} describes a function's inputs and outputs without reference
 * to any program representation. From it and a {@link numevo.hashing.ProbeConfig} a {@link
 * numevo.hashing.Hasher} derives a deterministic {@link numevo.hashing.ProbeSet} (random points of
 * each input domain plus the values where number formats misbehave: zeros of both signs,
 * subnormals, overflow, infinities, NaN). Anything that implements {@link numevo.hashing.Evaluator}
 * (an interpreted program, a compiled class, a lambda) is run once over all probe points as a
 * {@link numevo.hashing.Batch} of primitive columns, and the exact output bits are hashed to a
 * {@link numevo.hashing.Hash128}. Two candidates with equal hashes compute the same function on
 * every probe point; the converse holds except for random 128-bit collisions.
 *
 * <p>This package depends on nothing else in numevo: a number format is described to it by a {@link
 * numevo.hashing.FloatFormat} (a rounding function, an encoder and three limits).
 */
package numevo.hashing;
