/**
 * Seeded random generation of valid programs and of hard literal values, for property tests across
 * the modules: {@link numevo.dsl.random.RandomProgramConfig} says what to generate, {@link
 * numevo.dsl.random.RandomPrograms} generates it, {@link numevo.dsl.random.RandomLiterals} supplies
 * the edge values.
 */
package numevo.dsl.random;
