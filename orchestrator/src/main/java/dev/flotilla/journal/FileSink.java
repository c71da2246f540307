package dev.flotilla.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends records to {@code <run-id>.jsonl} with unbuffered writes: once a write returns its lines are in
 * the operating system's hands, so killing the orchestrator (even with kill -9) cannot lose them. A record
 * that matters is written before {@link #append} returns, together with the records held back before it;
 * records of tenants found at the target wait ({@link HoldBack}) for the next such record, a group of
 * {@value HoldBack#GROUP} or the close. Only a power loss could lose the last lines before
 * {@link #close()}'s fsync; their tenants then count as not finished and a resume reruns them. Not
 * thread-safe: {@link RecordingJournal} serialises calls.
 */
final class FileSink implements JournalSink {

    private final Path folder;
    private final StringBuilder pending = new StringBuilder();
    private int held;
    private Path file;
    private FileChannel channel;

    FileSink(Path folder) {
        this.folder = folder;
    }

    @Override
    public void create(RunHeader header, String record) {
        file = folder.resolve(RunIds.requireValid(header.runId()) + FileJournalStore.SUFFIX);
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (FileAlreadyExistsException e) {
            throw new JournalException("a journal for run " + header.runId() + " already exists: " + file, e);
        } catch (IOException e) {
            throw new JournalException("cannot create the run journal " + file + ": " + e.getMessage(), e);
        }
        try {
            pending.append(record).append('\n');
            flush();
        } catch (JournalException e) {
            closeQuietly(e);
            throw e;
        }
    }

    @Override
    public void append(String type, String tenant, String outcome, String record) {
        pending.append(record).append('\n');
        held++;
        if (!HoldBack.mayWait(outcome) || held >= HoldBack.GROUP) {
            flush();
        }
    }

    @Override
    public void close() {
        try (FileChannel closing = channel) {
            flush();
            closing.force(true);
        } catch (IOException e) {
            throw new JournalException("cannot finish the run journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void closeQuietly(JournalException failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Writes every pending line; they are dropped even when the write fails, as the journal then stops. */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(pending.toString().getBytes(StandardCharsets.UTF_8));
        pending.setLength(0);
        held = 0;
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new JournalException("cannot write to the run journal " + file + ": " + e.getMessage(), e);
        }
    }
}
