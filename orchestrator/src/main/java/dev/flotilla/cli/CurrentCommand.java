package dev.flotilla.cli;

import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.migrate.DirtyTargetException;
import dev.flotilla.engine.migrate.HistoryEntry;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.script.MigrationSet;
import dev.flotilla.status.SkewAnalysis;
import dev.flotilla.status.TenantStatus;
import dev.flotilla.survey.Reading;
import picocli.CommandLine.Command;
import dev.flotilla.TenantMigrations;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code flotilla current}: the revisions the database of {@code --url} is at, as Alembic prints them. */
@Command(name = "current", description = {
        "Display the current revision(s) of the database of --url (with tenants: one '<id>: ...' line per selected tenant, default every active one): one '<rev> (head)' line each, nothing for an"
                + " empty version table, '(uninitialized: ...)' when there is no version table. With tenants, -v adds"
                + " each one's state against the heads and its last history row.",
        "Exit 0; 1 when the database is dirty (the step, statement and error are named), holds a revision the"
                + " scripts lack, or cannot be reached; 2 for invalid input."})
final class CurrentCommand implements Callable<Integer> {

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Mixin
    TenantOptions tenants;

    @Override
    public Integer call() {
        SingleDatabase single = flotilla.singleDatabase();
        if (flotilla.tenantMode(tenants, single)) {
            return onTenants(single);
        }
        TargetDatabase database = single.requireTarget("current");
        MigrationSet migrations = single.migrations();
        TargetStatus status = database.with(false, connection ->
                single.migrator(MigrationListener.NONE).status(connection, database.schema()));
        PrintWriter out = spec.commandLine().getOut();
        if (flotilla.verbose()) {
            out.println("Current revision(s) for " + database.describe() + ":");
        }
        if (!status.initialized()) {
            out.println("(uninitialized: no version table " + single.settings().versionTable() + ")");
            return ExitCodes.OK;
        }
        RevisionFormat format = RevisionFormat.of(migrations);
        List<String> unknown = new ArrayList<>();
        for (String id : status.revisions()) {
            Optional<Revision> revision = migrations.graph().find(id);
            if (revision.isEmpty()) {
                unknown.add(id);
                out.println(id + " (not in the migrations)");
            } else {
                out.println(flotilla.verbose() ? format.logEntry(revision.get()) : format.currentLine(revision.get()));
            }
        }
        out.flush();
        if (status.dirtyStep().isPresent()) {
            throw new DirtyTargetException(database.describe(), status.dirtyStep().get());
        }
        if (!unknown.isEmpty()) {
            throw new EngineException(database.describe() + " is at revision(s) " + String.join(", ", unknown)
                    + " that the migrations in " + migrations.location() + " lack: are these scripts older than"
                    + " the database?", 1, null);
        }
        return ExitCodes.OK;
    }

    /** One line per selected tenant (every active one by default): its revisions, as Alembic prints them. */
    private int onTenants(SingleDatabase single) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MigrationSet migrations = single.migrations();
        RevisionFormat format = RevisionFormat.of(migrations);
        SkewAnalysis analysis = new SkewAnalysis(migrations.graph());
        try (Fleet fleet = flotilla.fleet(single, "current")) {
            return fleet.forEach(fleet.flotilla().select(tenants.selection("current", false)), out, err, tenant -> {
                String line = line(tenant, migrations, format, single.settings().versionTable());
                return flotilla.verbose() ? line + depth(tenant, analysis) : line;
            });
        }
    }

    /** Under {@code -v}: where the tenant stands against the heads, and the newest row of its history table. */
    private static String depth(TenantMigrations tenant, SkewAnalysis analysis) {
        TenantStatus state = analysis.classify(tenant.tenant().server(),
                new Reading.Found(tenant.tenant().id(), tenant.status(), Optional.empty()));
        StringBuilder out = new StringBuilder("\n  state: ").append(state.state().label());
        if (state.behind() != null && state.behind() > 0) {
            out.append(" (").append(state.behind()).append(state.behind() == 1 ? " step" : " steps").append(" to heads)");
        }
        List<HistoryEntry> history = tenant.history();
        if (!history.isEmpty()) {
            out.append("\n  last step:");
            HistoryRows.lines(List.of(history.get(history.size() - 1))).forEach(row -> out.append("\n    ").append(row));
        }
        return out.toString();
    }

    private static String line(TenantMigrations tenant, MigrationSet migrations, RevisionFormat format,
                               String versionTable) {
        TargetStatus status = tenant.status();
        if (status.dirtyStep().isPresent()) {
            throw new DirtyTargetException(tenant.describe(), status.dirtyStep().get(),
                    "repair --tenant " + tenant.tenant().id());
        }
        if (!status.initialized()) {
            return "(uninitialized: no version table " + versionTable + ")";
        }
        List<String> lines = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : status.revisions()) {
            Optional<Revision> revision = migrations.graph().find(id);
            revision.ifPresentOrElse(r -> lines.add(format.currentLine(r)), () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            throw new EngineException(tenant.describe() + " is at revision(s) " + String.join(", ", unknown)
                    + " that the migrations in " + migrations.location() + " lack", 1, null);
        }
        return lines.isEmpty() ? "<base>" : String.join(", ", lines);
    }
}
