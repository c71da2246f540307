package dev.flotilla.journal;

import dev.flotilla.run.RunListener;

/**
 * Records one run as it goes: {@link #begin} writes the header before the run schedules anything, then
 * each {@code tenantStarted} records that a tenant started (so a crash shows who was in flight), each
 * {@code tenantFinished} that tenant's result, and {@code runFinished} the end. Each record is
 * written before the call returns, so a kill -9 loses at most the record being written. Thread-safe (the
 * run's workers call it concurrently); used for one run, then closed.
 *
 * <p>A write that fails after {@code begin} does not throw into the run's workers: the journal stops
 * writing and {@link #close()} throws the first failure, since a resume from an incomplete journal
 * would rerun (harmlessly) the tenants it misses but an undo would miss them.
 */
public interface RunJournal extends RunListener, AutoCloseable {

    /**
     * Records the run's header; call once, before the run starts.
     *
     * @throws JournalException when it cannot be written, or a journal with this id exists: do not start the run
     */
    void begin(RunHeader header);

    /**
     * Ends writing and releases the file or connection.
     *
     * @throws JournalException when a record could not be written during the run
     */
    @Override
    void close();
}
