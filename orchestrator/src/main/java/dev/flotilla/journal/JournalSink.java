package dev.flotilla.journal;

/**
 * Where a {@link RecordingJournal} puts its records: a file or a table. Called under the journal's lock,
 * one record at a time. Failures are {@link JournalException}s naming the journal.
 */
interface JournalSink {

    /** Creates the run's journal holding its header; fails if the run already has one. */
    void create(RunHeader header, String record);

    /**
     * Appends one record, durably enough to survive the process being killed once this returns.
     *
     * @param tenant  the tenant of a tenant record, else null
     * @param outcome its outcome label, else null
     */
    void append(String type, String tenant, String outcome, String record);

    /** Releases the file or connection; called once, also after a failure. */
    void close();
}
