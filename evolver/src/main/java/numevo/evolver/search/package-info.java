/**
 * The search loop: {@link numevo.evolver.search.Search} runs islands of Jenetics engines under one
 * {@link numevo.evolver.search.SearchConfig} and returns a {@link
 * numevo.evolver.search.SearchResult} with the run's Pareto front and per-generation {@link
 * numevo.evolver.search.GenerationStats}. Results are identical for any number of threads.
 */
package numevo.evolver.search;
