/** JMH benchmarks, run from the command line with {@code ./numevo jmh [REGEX] [JMH options]}. */
package numevo.runs.bench;
