package dev.flotilla.engine.migrate;

import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.migrate.HistoryEntry.Action;
import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.Planner;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionRange;
import dev.flotilla.engine.revision.Step;
import dev.flotilla.engine.revision.VersionRowChange;
import dev.flotilla.engine.revision.VersionRows;
import dev.flotilla.engine.script.MigrationSet;
import dev.flotilla.engine.script.StepSql;
import dev.flotilla.engine.sql.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Offline mode ({@code --sql}): the exact statements a run would execute on a target, version and history
 * table statements included, as a script for the dialect's own client ({@code psql}, {@code mariadb},
 * {@code sqlite3}). No database is touched, so there is no lock and no dirty-state bookkeeping; the start
 * is given instead of read. Immutable.
 */
public final class OfflineScript {

    private final MigrationSet scripts;
    private final MigratorSettings settings;
    private final Dialect dialect;
    private final String schema;
    private final String runId;
    private final VersionTable versions;
    private final HistoryTable history;

    /**
     * @param schema the schema (PostgreSQL) or database (MySQL) the script positions itself on first;
     *               null to run wherever the client is connected
     * @param runId  the run id written into the history rows
     */
    public OfflineScript(MigrationSet scripts, MigratorSettings settings, Dialect dialect, String schema,
                         String runId) {
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.schema = schema;
        this.runId = Objects.requireNonNull(runId, "runId");
        this.versions = new VersionTable(dialect, schema, settings.versionTable());
        this.history = new HistoryTable(dialect, schema, settings.historyTable());
    }

    /** {@code [FROM:]TO}: from FROM (or a fresh database when it is left out or {@code base}) up to TO. */
    public String upgrade(String range) {
        RevisionRange parsed = range.contains(":") ? RevisionRange.parse(range) : new RevisionRange(null, range);
        if (parsed.to() == null) {
            throw new EngineException("Offline upgrade '" + range + "' needs a destination: FROM:TO or TO.");
        }
        List<String> start = rowsAt(parsed.from());
        List<Step> steps = new Planner(scripts.graph()).upgrade(start, parsed.to());
        return render("upgrade " + range, start, steps);
    }

    /** {@code FROM:TO}: the database's revisions cannot be read offline, so FROM is required. */
    public String downgrade(String range) {
        if (!range.contains(":")) {
            throw new EngineException("Offline downgrade needs FROM:TO (e.g. heads:base), not '" + range
                    + "': without a database the current revision must be given.");
        }
        RevisionRange parsed = RevisionRange.parse(range);
        if (parsed.from() == null || parsed.to() == null) {
            throw new EngineException("Offline downgrade '" + range + "' needs both FROM and TO.");
        }
        List<String> start = rowsAt(parsed.from());
        List<Step> steps = new Planner(scripts.graph()).downgrade(start, parsed.to());
        return render("downgrade " + range, start, steps);
    }

    /** Stamps to {@code destinations}; the first may be {@code FROM:TO} to give the start (Alembic's form). */
    public String stamp(List<String> destinations, boolean purge) {
        List<String> start = List.of();
        List<String> targets = new ArrayList<>();
        for (String destination : destinations) {
            if (destination.contains(":")) {
                RevisionRange parsed = RevisionRange.parse(destination);
                start = rowsAt(parsed.from());
                targets.add(parsed.to() == null ? "base" : parsed.to());
            } else {
                targets.add(destination);
            }
        }
        StringBuilder out = header("stamp " + String.join(" ", destinations));
        List<VersionRowChange> changes = new ArrayList<>();
        if (purge) {
            // The rows are unknown offline: delete whatever is there, as Alembic's --purge does.
            statement(out, "DELETE FROM " + dialect.sql().table(schema, settings.versionTable()));
        }
        changes.addAll(new VersionRows(scripts.graph(), purge ? List.of() : start).stamp(targets));
        transaction(out, () -> {
            versions.literalStatements(changes).forEach(s -> statement(out, s));
            for (VersionRowChange change : changes) {
                statement(out, history.literalInsert(runId, VersionTable.revisionOf(change), Action.STAMP, null, 0,
                        settings.appliedBy()));
            }
        });
        return out.toString();
    }

    private String render(String what, List<String> start, List<Step> steps) {
        StringBuilder out = header(what);
        VersionRows rows = new VersionRows(scripts.graph(), start);
        for (Step step : steps) {
            StepSql sql = scripts.sql(step.revision().id(), step.direction(), dialect.name());
            List<SqlStatement> statements = sql.statements(dialect.syntax());
            List<VersionRowChange> changes = rows.apply(step);
            out.append("\n-- Running ").append(describe(step)).append('\n');
            Runnable body = () -> {
                statements.forEach(s -> statement(out, s.text()));
                versions.literalStatements(changes).forEach(s -> statement(out, s));
                statement(out, history.literalInsert(runId, step.revision().id(),
                        step.direction() == Direction.UP ? Action.UPGRADE : Action.DOWNGRADE, sql.checksum(),
                        statements.size(), settings.appliedBy()));
            };
            if (dialect.transactionalDdl() && sql.runsInTransaction()) {
                transaction(out, body);
            } else {
                body.run();
            }
        }
        return out.toString();
    }

    private StringBuilder header(String what) {
        StringBuilder out = new StringBuilder();
        out.append("-- Flotilla offline script: ").append(what).append(" (").append(dialect.name()).append(")\n");
        out.append("-- run ").append(runId).append("; no lock is taken: run it on one session at a time.\n\n");
        if (schema != null) {
            statement(out, switch (dialect.name()) {
                case "postgresql" -> "SET search_path TO " + dialect.sql().quote(schema);
                case "mysql" -> "USE " + dialect.sql().quote(schema);
                default -> throw new EngineException("A SQLite target is a file; give no schema for it, not '"
                        + schema + "'.");
            });
        }
        versions.createStatements().forEach(s -> statement(out, s));
        history.createStatements().forEach(s -> statement(out, s));
        return out;
    }

    private void transaction(StringBuilder out, Runnable body) {
        statement(out, dialect.sql().beginTransaction());
        body.run();
        statement(out, "COMMIT");
    }

    /**
     * One statement and its terminator. A MySQL statement holding semicolons (a procedure body) is wrapped
     * in a DELIMITER change, as the mysql client needs.
     */
    private void statement(StringBuilder out, String text) {
        String sql = text.strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).stripTrailing();
        }
        if (dialect.name().equals("mysql") && sql.contains(";")) {
            out.append("DELIMITER $$\n").append(sql).append("$$\nDELIMITER ;\n");
        } else {
            out.append(sql).append(";\n");
        }
    }

    private List<String> rowsAt(String from) {
        if (from == null || from.equals("base")) {
            return List.of();
        }
        return scripts.graph().revisions(from).stream().map(Revision::id).toList();
    }

    private static String describe(Step step) {
        Revision revision = step.revision();
        String down = String.join(", ", revision.downRevisions());
        return step.direction() == Direction.UP
                ? "upgrade " + down + " -> " + revision.id() + ", " + revision.message()
                : "downgrade " + revision.id() + " -> " + down + ", " + revision.message();
    }
}
