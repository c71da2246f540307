package dev.flotilla.journal;

import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;

import java.util.function.Supplier;

/**
 * The {@link RunJournal} over a {@link JournalSink}: encodes events as records and writes them one at a
 * time under this object's lock. After the first failed write it writes nothing more and keeps the failure
 * for {@link #close()} (see {@link RunJournal} for why the run is not interrupted).
 */
final class RecordingJournal implements RunJournal {

    private final JournalSink sink;
    private final JournalCodec codec;
    private RunHeader header;
    private JournalException failure;
    private boolean closed;

    RecordingJournal(JournalSink sink, JournalCodec codec) {
        this.sink = sink;
        this.codec = codec;
    }

    @Override
    public synchronized void begin(RunHeader header) {
        if (this.header != null || closed) {
            throw new IllegalStateException("journal of run " + header.runId() + " already begun or closed");
        }
        sink.create(header, codec.header(header));
        this.header = header;
    }

    /** The run's own id must be the journal's: a mismatch would record the run under a name nobody resumes. */
    @Override
    public synchronized void runStarted(String runId, String command, int tenants) {
        if (header != null && !header.runId().equals(runId) && failure == null) {
            failure = new JournalException("the run started as " + runId + " but its journal was begun as "
                    + header.runId() + ": give the run the journal's id");
        }
    }

    @Override
    public synchronized void tenantStarted(String tenant, String server) {
        write(JournalCodec.START, tenant, null, () -> codec.start(tenant, server));
    }

    @Override
    public synchronized void tenantFinished(TenantResult result) {
        write(JournalCodec.TENANT, result.tenant(), result.outcome().label(), () -> codec.tenant(result));
    }

    @Override
    public synchronized void runFinished(RunSummary summary) {
        write(JournalCodec.END, null, null, () -> codec.end(summary));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (header != null) {
                sink.close();
            }
        } catch (JournalException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void write(String type, String tenant, String outcome, Supplier<String> record) {
        if (failure != null || closed) {
            return;
        }
        if (header == null) {
            failure = new JournalException("the run reported a result before its journal was begun: "
                    + "call begin(header) before starting the run");
            return;
        }
        try {
            sink.append(type, tenant, outcome, record.get());
        } catch (JournalException e) {
            failure = e;
        }
    }
}
