/**
 * The functional-equivalence cache: fitness remembered by {@link numevo.hashing.Hash128} of what a
 * candidate computes, so that a function already scored is not scored again however it is written.
 *
 * <p>{@link numevo.hashing.cache.EquivalenceCache} is a thread-safe LRU bounded by entries and
 * bytes, with AutoML-Zero's option to forget an entry after a number of hits, and a collision
 * audit: a deterministic sample of hits is re-scored in full and disagreements are counted as false
 * hits, so the cost of trusting a finite probe set is measured rather than assumed away. Its
 * settings are one {@link numevo.hashing.cache.CacheConfig}; its counters are read as an immutable
 * {@link numevo.hashing.cache.CacheStats}.
 */
package numevo.hashing.cache;
