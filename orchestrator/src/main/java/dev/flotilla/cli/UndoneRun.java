package dev.flotilla.cli;

import dev.flotilla.Flotilla;
import dev.flotilla.journal.JournalStore;
import dev.flotilla.journal.RecordedRun;
import dev.flotilla.journal.RunIds;
import dev.flotilla.journal.TenantUndo;
import dev.flotilla.run.FleetCommand;
import dev.flotilla.run.Undo;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work of {@code downgrade --undo RUN}, read from that run's journal: every tenant the run applied steps
 * to, in the run's order, each to go back to where the run found it. Stateless.
 */
final class UndoneRun {

    private UndoneRun() {
    }

    /** Refuses a selection and a run that was not an upgrade; warns of the tenants whose steps are unknown. */
    static TenantRun.Work work(Flotilla project, JournalStore journals, PrintWriter err, String runId,
                               TenantOptions tenants) {
        if (tenants.given()) {
            throw new InputException("--undo takes its tenants from the run it names; leave out --tenant, --tag,"
                    + " --all, --exclude, --shard and --state");
        }
        RecordedRun recorded = journals.read(RunIds.requireValid(runId));
        String command = recorded.header().command();
        if (!command.equals("upgrade")) {
            throw new InputException("run " + runId + " was a " + command + ", not an upgrade; --undo takes back"
                    + " upgrade runs only");
        }
        recorded.warnings().forEach(warning -> err.println("warning: " + warning));
        if (recorded.end().isEmpty()) {
            // The journal cannot tell a killed run from one still going; a run still going moves more tenants.
            err.println("warning: run " + runId + " has no end record: it was killed, or it still runs (then undo it"
                    + " once it has ended: the tenants it moves from now on are not in this undo)");
        }
        recorded.unfinished().forEach(tenant -> err.println("warning: tenant '" + tenant + "' was in flight when run "
                + runId + " stopped without recording it, so which of its steps went in is unknown and it is not"
                + " undone; check it with `flotilla status`"));
        Map<String, Undo> undos = undos(recorded);
        if (undos.isEmpty()) {
            err.println("run " + runId + " applied no step to any tenant: there is nothing to undo");
        }
        List<String> ids = List.copyOf(undos.keySet());
        return new TenantRun.Work(FleetCommand.undo(runId, undos), TenantRun.registered(project, ids, "undone", err));
    }

    /**
     * The tenants the run applied steps to, in its order. Tenants whose revisions changed without a step of
     * this run (another run moved them while this one waited for their lock) are not this run's to undo.
     */
    private static Map<String, Undo> undos(RecordedRun recorded) {
        Map<String, Undo> undos = new LinkedHashMap<>();
        for (TenantUndo undo : recorded.undo()) {
            if (!undo.steps().isEmpty()) {
                undos.put(undo.tenant(), new Undo(undo.from(), undo.to(), undo.steps()));
            }
        }
        return undos;
    }
}
