package dev.flotilla.journal;

import java.util.List;

/**
 * Where run journals live (a folder of files, or a table in the control database), for writing new ones
 * and reading old ones. Implementations are thread-safe.
 */
public interface JournalStore {

    /** A journal for a new run, not yet begun. */
    RunJournal journal();

    /**
     * Reads a run's journal.
     *
     * @throws UnknownRunException when there is no such run; it lists the runs there are
     * @throws JournalException    when the journal cannot be read or is damaged beyond its last line
     */
    RecordedRun read(String runId);

    /** Every recorded run's header, newest first. */
    List<RunHeader> runs();

    /** Where the journals are, for messages: a folder, or a table on a server. */
    String location();
}
