package dev.flotilla.cli;

import dev.flotilla.TenantMigrations;
import dev.flotilla.engine.migrate.HistoryEntry;
import dev.flotilla.engine.migrate.Migrator;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.revision.RevisionRange;
import dev.flotilla.engine.script.MigrationSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code flotilla history}: revisions newest first, as Alembic lists them; with a database ({@code --url}),
 * each with its status there, and under {@code -v} the database's history table.
 */
@Command(name = "history", description = {
        "List changeset scripts in chronological order (newest first).",
        "With --url (or $DATABASE_URL) each line shows the revision's status in that database: (current),"
                + " (applied), (not applied) or (dirty); -v adds the database's history rows.",
        "With --tenant ID the same for that tenant of the config, followed by its history rows."})
final class HistoryCommand implements Callable<Integer> {

    /** What the database says: where it stands and, under {@code -v}, its history rows. */
    private record DatabaseState(TargetStatus status, List<HistoryEntry> rows) {
    }

    @ParentCommand
    FlotillaCommand flotilla;

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE",
            description = "Range of revisions: [start]:[end], [start]: or :[end]; `current` needs --url.")
    String range;

    @Option(names = "--tenant", paramLabel = "ID",
            description = "Show the revisions' status in this tenant of the config, and its history rows.")
    String tenant;

    @Override
    public Integer call() {
        SingleDatabase single = flotilla.singleDatabase();
        if (tenant != null) {
            if (flotilla.database.url != null) {
                throw new InputException("--url names one database and --tenant one tenant of the config; give one of them");
            }
            try (Fleet fleet = flotilla.fleet(single, "history --tenant")) {
                TenantMigrations migrations = fleet.flotilla().tenant(tenant);
                DatabaseState state = new DatabaseState(migrations.status(), migrations.history());
                return print(single, Optional.of(state), migrations.describe(), true);
            }
        }
        Optional<TargetDatabase> database = single.target();
        Optional<DatabaseState> state = database.map(target -> read(single, target));
        return print(single, state, database.map(TargetDatabase::describe).orElse(null), flotilla.verbose());
    }

    /** The revision lines, with their status where {@code state} is known, then the history rows when asked. */
    private int print(SingleDatabase single, Optional<DatabaseState> state, String describe, boolean rows) {
        RevisionRange bounds = range == null ? new RevisionRange(null, null) : RevisionRange.parse(range);
        boolean wantsCurrent = "current".equals(bounds.from()) || "current".equals(bounds.to());
        if (wantsCurrent && state.isEmpty()) {
            throw new InputException("history -r with `current` needs a database (--url);"
                    + " give revisions instead, e.g. -r base:heads");
        }
        MigrationSet migrations = single.migrations();
        if (wantsCurrent) {
            String current = single(state.get().status());
            bounds = new RevisionRange(replaceCurrent(bounds.from(), current), replaceCurrent(bounds.to(), current));
        }
        RevisionFormat format = RevisionFormat.of(migrations);
        Set<String> applied = state.map(s -> applied(migrations.graph(), s.status().revisions())).orElse(Set.of());
        PrintWriter out = spec.commandLine().getOut();
        for (Revision revision : migrations.graph().walk(bounds.from(), bounds.to())) {
            String status = state.map(s -> status(revision.id(), s.status(), applied)).orElse(null);
            out.println(flotilla.verbose() ? format.logEntry(revision, status) : format.historyLine(revision, status));
        }
        if (rows && state.isPresent()) {
            out.println("History of " + describe + " (oldest first):");
            HistoryRows.lines(state.get().rows()).forEach(out::println);
        }
        return ExitCodes.OK;
    }

    private DatabaseState read(SingleDatabase single, TargetDatabase target) {
        Migrator migrator = single.migrator(MigrationListener.NONE);
        return target.with(false, connection -> new DatabaseState(migrator.status(connection, target.schema()),
                flotilla.verbose() ? migrator.history(connection, target.schema()) : List.of()));
    }

    private static String status(String id, TargetStatus status, Set<String> applied) {
        if (status.dirtyStep().map(step -> step.revision().equals(id)).orElse(false)) {
            return "dirty";
        }
        if (status.revisions().contains(id)) {
            return "current";
        }
        return applied.contains(id) ? "applied" : "not applied";
    }

    /** The current revisions and every revision they need: their down revisions and dependencies, transitively. */
    private static Set<String> applied(RevisionGraph graph, List<String> current) {
        Set<String> applied = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(current);
        while (!pending.isEmpty()) {
            String id = pending.pop();
            Optional<Revision> revision = graph.find(id);
            if (revision.isPresent() && applied.add(id)) {
                pending.addAll(revision.get().downRevisions());
                pending.addAll(graph.dependencies(id));
            }
        }
        return applied;
    }

    /** The one revision `current` stands for in a range: {@code base} for none; an error for several. */
    private static String single(TargetStatus status) {
        List<String> revisions = status.revisions();
        if (revisions.size() > 1) {
            throw new InputException("history -r with `current` needs one current revision; the database is at "
                    + String.join(", ", revisions) + ": name one of them instead");
        }
        return revisions.isEmpty() ? "base" : revisions.get(0);
    }

    private static String replaceCurrent(String bound, String current) {
        return "current".equals(bound) ? current : bound;
    }
}
