/**
 * Local tuning of kernel constants: {@link numevo.evolver.tune.ConstantTuner} fits the float
 * literals of a kernel with CMA-ES, then hill-climbs them in ULP steps; {@link
 * numevo.evolver.tune.TuningConfig} sets how often and how hard.
 */
package numevo.evolver.tune;
