/**
 * The kernel program model: typed straight-line SSA programs as immutable records, and the one
 * checker that every program, parsed or built in memory, passes.
 */
package numevo.dsl.program;
