/**
 * {@code numevo oeis}: numevo over a collection of integer sequences, under the OEIS protocol of
 * {@code sequences.md} (the last terms held out; a sequence is solved only if the recurrence chosen
 * on the training terms alone predicts every held-out term exactly).
 *
 * <p>Per sequence a cascade ({@link SequenceSolver}): the classical guessers (Berlekamp-Massey,
 * then the P-recursive guesser), then numevo's exact form fits ({@code RecurrenceFitter}), then an
 * evolutionary search for the rest of the time budget. <b>Decision: a stage that finds a recurrence
 * reproducing every training term ends the cascade</b>, whether or not it then predicts the
 * held-out terms: which recurrence is chosen depends on the training terms only, never on the
 * held-out ones. {@link OeisRun} runs the sequences in parallel, each search seeded from the run's
 * seed and the sequence's id (so a verdict depends on the time budget, never on scheduling), and
 * keeps an append-only {@link Journal} so that a rerun with the same {@code --out} continues;
 * {@link OeisReport} writes the report and the per-sequence verdicts.
 */
package numevo.runs.oeis;
