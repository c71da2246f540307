package dev.flotilla.journal;

/** A run journal could not be written or read; the message names the journal and what to do. */
public class JournalException extends RuntimeException {

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
