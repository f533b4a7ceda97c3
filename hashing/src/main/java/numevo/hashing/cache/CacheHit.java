package numevo.hashing.cache;

import numevo.hashing.Hash128;

/**
 * What {@link EquivalenceCache#lookup} found.
 *
 * @param key the key looked up
 * @param fitness the stored fitness
 * @param representative the program stored with it: the first one scored for this key
 * @param hitNumber how many hits the entry has served, this one included (from 1)
 * @param audit whether the collision audit chose this hit: the caller should score the candidate in
 *     full and report it with {@link EquivalenceCache#recordAudit}
 * @param <V> the fitness type
 * @param <R> the representative type
 */
public record CacheHit<V, R>(
    Hash128 key, V fitness, R representative, long hitNumber, boolean audit) {}
