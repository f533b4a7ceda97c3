/**
 * The sequence target {@code seq}: find a short recurrence that reproduces an integer sequence and
 * predicts the terms held back.
 *
 * <p><b>Convention.</b> A recurrence is a DSL kernel whose inputs are all {@code int}: optionally
 * {@code n} first (the index of the term computed, the sequence's offset included), then {@code a1
 * .. ak}, where {@code a1} is {@code a(n-1)} and {@code ak} is {@code a(n-k)}; its one {@code int}
 * output is {@code a(n)}. The input named {@code n} is recognised by its name and position; every
 * other input is a previous term, in order, whatever its name ({@link
 * numevo.targets.seq.RecurrenceShape}). The first {@code start >= k} terms come from the data
 * ({@link numevo.targets.seq.Recurrence}); the kernel computes each later one. Arithmetic is exact
 * (the DSL's {@code int}: unbounded, {@code div} exact or invalid).
 *
 * <p><b>Data.</b> {@link numevo.targets.seq.SequenceFiles} reads a term list, an OEIS
 * stripped-format file or a table like {@code ../shared/data/sequences/dev.tsv}; {@link
 * numevo.targets.seq.SequenceSplit} holds back the last terms. <b>Scoring.</b> {@link
 * numevo.targets.seq.SeqScorer} counts the training terms reproduced from the start, then the
 * held-out terms predicted, within a bit-length bound that keeps every evaluation cheap.
 * <b>Classical solvers.</b> {@link numevo.targets.seq.BerlekampMassey} (linear, constant
 * coefficients) and {@link numevo.targets.seq.PRecursiveGuesser} (polynomial coefficients) return a
 * kernel in the convention or say that they found none ({@link numevo.targets.seq.SolverResult}).
 * <b>Form fitting.</b> {@link numevo.targets.seq.RecurrenceFitter} fits {@link
 * numevo.targets.seq.RecurrenceForm}s, {@code a(n) = N / D} with the divisor {@code D} none, a
 * polynomial in {@code n} or an earlier term, exactly to the training terms (modular linear
 * algebra, lifted and checked exactly), and writes each fit as a kernel ({@code FormKernels}); a
 * search of the target starts from its fits.
 */
package numevo.targets.seq;
