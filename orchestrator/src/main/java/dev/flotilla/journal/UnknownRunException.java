package dev.flotilla.journal;

import java.util.List;

/** {@code --resume RUN} or {@code --undo RUN} named a run no journal has; the message lists those that exist. */
public final class UnknownRunException extends JournalException {

    /** How many runs the message lists before "… and N more". */
    static final int LISTED = 10;

    private final String runId;
    private final List<RunHeader> available;

    public UnknownRunException(String runId, String where, List<RunHeader> available) {
        super(message(runId, where, available));
        this.runId = runId;
        this.available = List.copyOf(available);
    }

    /** The id that was asked for. */
    public String runId() {
        return runId;
    }

    /** The runs that are recorded, newest first. */
    public List<RunHeader> available() {
        return available;
    }

    private static String message(String runId, String where, List<RunHeader> available) {
        if (available.isEmpty()) {
            return "no run '" + runId + "' in " + where + ": no runs have been recorded there yet";
        }
        StringBuilder message = new StringBuilder("no run '" + runId + "' in " + where
                + "; runs recorded there, newest first:");
        available.stream().limit(LISTED).forEach(run -> message.append("\n  ").append(run.describe()));
        if (available.size() > LISTED) {
            message.append("\n  … and ").append(available.size() - LISTED).append(" more");
        }
        return message.toString();
    }
}
