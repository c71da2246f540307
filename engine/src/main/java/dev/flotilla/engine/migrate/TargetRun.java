package dev.flotilla.engine.migrate;

import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.TargetLock;
import dev.flotilla.engine.migrate.HistoryEntry.Action;
import dev.flotilla.engine.migrate.HistoryEntry.Outcome;
import dev.flotilla.engine.migrate.MigratorSettings.TransactionMode;
import dev.flotilla.engine.migrate.StepExecution.Mode;
import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.Planner;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.revision.Step;
import dev.flotilla.engine.revision.VersionRowChange;
import dev.flotilla.engine.revision.VersionRows;
import dev.flotilla.engine.script.MigrationSet;
import dev.flotilla.engine.script.StepSql;
import dev.flotilla.engine.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operations that change a target, run on a connection that is positioned, locked and has its
 * tables: plan, refuse a dirty target, check checksums, then execute and record each step.
 */
final class TargetRun {

    /** A step with its SQL split ahead of the run, so a script error stops the run before any change. */
    private record Prepared(Step step, StepSql sql, List<SqlStatement> statements) {
    }

    private final TargetContext target;
    private final MigrationSet scripts;
    private final MigratorSettings settings;
    private final TargetLock lock;
    private final Session session;
    private final StepExecution execution;

    TargetRun(TargetContext target, MigrationSet scripts, MigratorSettings settings, TargetLock lock,
              Session session) {
        this.target = target;
        this.scripts = scripts;
        this.settings = settings;
        this.lock = lock;
        this.session = session;
        this.execution = new StepExecution(target, session);
    }

    RunResult upgrade(String destination) throws SQLException {
        List<String> current = readCleanVersions();
        checkChecksums(current);
        return execute(current, new Planner(graph()).upgrade(current, destination));
    }

    RunResult downgrade(String destination) throws SQLException {
        List<String> current = readCleanVersions();
        checkChecksums(current);
        return execute(current, new Planner(graph()).downgrade(current, destination));
    }

    RunResult downgradeFrom(List<String> expected, String destination) throws SQLException {
        List<String> current = readCleanVersions();
        if (!new HashSet<>(current).equals(new HashSet<>(expected))) {
            throw new VersionConflictException(target.name() + " is at " + text(current) + ", not at "
                    + text(expected) + " as expected: nothing was done");
        }
        checkChecksums(current);
        return execute(current, new Planner(graph()).downgrade(current, destination));
    }

    private static String text(List<String> revisions) {
        return revisions.isEmpty() ? "<base>" : String.join(", ", revisions);
    }

    RunResult stamp(List<String> destinations, boolean purge) throws SQLException {
        List<String> current = readCleanVersions();
        VersionRows rows = new VersionRows(graph(), current);
        List<VersionRowChange> changes = new ArrayList<>(purge ? rows.purge() : List.of());
        // History records where the stamp lands; a purge's deletes are part of that one decision.
        List<VersionRowChange> stamped = rows.stamp(destinations);
        changes.addAll(stamped);
        Instant now = target.clock().instant();
        inTransaction(() -> {
            target.versions().apply(target.connection(), changes);
            for (String revision : stamped.stream().map(VersionTable::revisionOf).toList()) {
                target.history().insert(target.connection(), new HistoryEntry(0, target.runId(), revision,
                        Action.STAMP, null, now, now, 0L, Outcome.APPLIED, 0, 0, null, null, target.appliedBy()));
            }
        });
        return new RunResult(target.runId(), current, List.of(), rows.rows());
    }

    RunResult repair(RepairAction action) throws SQLException {
        Optional<HistoryEntry> unfinished = target.history().exists(target.connection())
                ? target.history().unfinished(target.connection()) : Optional.empty();
        HistoryEntry dirty = unfinished.orElseThrow(() -> new EngineException(
                target.name() + " is not dirty: there is nothing to repair. 'current' shows where it stands."));
        List<String> current = target.versions().read(target.connection());
        Direction direction = dirty.action() == Action.DOWNGRADE ? Direction.DOWN : Direction.UP;
        Step step = new Step(graph().get(dirty.revision()), direction);
        VersionRows rows = new VersionRows(graph(), current);
        List<VersionRowChange> changes = action == RepairAction.MARK_NOT_APPLIED ? List.of() : rows.apply(step);
        if (action == RepairAction.RESUME) {
            return resume(dirty, step, current, changes, rows.rows());
        }
        Instant now = target.clock().instant();
        String note = action == RepairAction.MARK_APPLIED
                ? "marked applied by hand after statement " + dirty.statementsDone() + " of " + dirty.statementsTotal()
                : "marked not applied by hand after statement " + dirty.statementsDone() + " of "
                        + dirty.statementsTotal();
        inTransaction(() -> {
            target.versions().apply(target.connection(), changes);
            target.history().markOutcome(target.connection(), dirty.id(), Outcome.REPAIRED);
            target.history().insert(target.connection(), new HistoryEntry(0, target.runId(), dirty.revision(),
                    Action.REPAIR, dirty.checksum(), now, now, 0L, Outcome.APPLIED, 0, 0, null, note,
                    target.appliedBy()));
        });
        return new RunResult(target.runId(), current, List.of(), rows.rows());
    }

    private RunResult resume(HistoryEntry dirty, Step step, List<String> current, List<VersionRowChange> changes,
                             List<String> after) throws SQLException {
        StepSql sql = scripts.sql(dirty.revision(), step.direction(), target.dialect().name());
        List<SqlStatement> statements = sql.statements(target.dialect().syntax());
        int done = dirty.statementsDone();
        if (statements.size() < done || !java.util.Objects.equals(
                StatementRunner.digestOf(statements, done), dirty.doneDigest())) {
            throw new EngineException(target.name() + ": cannot resume " + dirty.revision() + ": the "
                    + done + " statement(s) that already ran are no longer the first " + done + " of " + sql.file()
                    + " (the file changed since). Finish the step by hand and use 'repair --mark-applied', or undo"
                    + " it and use 'repair --mark-not-applied'.");
        }
        Instant now = target.clock().instant();
        inTransaction(() -> {
            target.history().markOutcome(target.connection(), dirty.id(), Outcome.REPAIRED);
            target.history().insert(target.connection(), new HistoryEntry(0, target.runId(), dirty.revision(),
                    Action.REPAIR, dirty.checksum(), now, now, 0L, Outcome.APPLIED, 0, 0, null,
                    "resumed from statement " + (done + 1) + " of " + statements.size(), target.appliedBy()));
        });
        StepResult result = execution.resume(step, sql, statements, done, changes);
        return new RunResult(target.runId(), current, List.of(result), after);
    }

    private RunResult execute(List<String> current, List<Step> steps) throws SQLException {
        List<Prepared> prepared = new ArrayList<>();
        for (Step step : steps) {
            StepSql sql = scripts.sql(step.revision().id(), step.direction(), target.dialect().name());
            prepared.add(new Prepared(step, sql, sql.statements(target.dialect().syntax())));
        }
        VersionRows rows = new VersionRows(graph(), current);
        boolean wholeRun = settings.transactionMode() == TransactionMode.WHOLE_RUN
                && target.dialect().transactionalDdl() && !lock.isTransaction();
        Connection connection = target.connection();
        List<StepResult> results = new ArrayList<>();
        // A step's statements may move the connection (SET search_path, USE); the next step puts it back.
        boolean mayBeMoved = false;
        boolean folds = session.foldable(false).isPresent();
        if (wholeRun) {
            connection.setAutoCommit(false);
        }
        try {
            for (int i = 0; i < prepared.size(); ) {
                Prepared step = prepared.get(i);
                Mode mode = mode(step, wholeRun);
                boolean reposition = mayBeMoved;
                if (mode == Mode.OWN_TRANSACTION && step.statements().isEmpty()) {
                    int end = endOfStatementFree(prepared, i);
                    List<StepExecution.StatementFree> group = new ArrayList<>();
                    for (Prepared free : prepared.subList(i, end)) {
                        group.add(new StepExecution.StatementFree(free.step(), free.sql(), rows.apply(free.step())));
                    }
                    // When another step follows, its durable commit flushes this group's.
                    results.addAll(execution.runStatementFree(group, end < prepared.size(), reposition));
                    mayBeMoved = false;
                    i = end;
                    continue;
                }
                if (mode == Mode.AUTOCOMMIT && wholeRun) {
                    connection.commit(); // as Alembic's autocommit_block: what ran so far is kept
                    connection.setAutoCommit(true);
                }
                if (mode == Mode.OWN_TRANSACTION && i + 1 < prepared.size()) {
                    mode = Mode.UNFLUSHED_TRANSACTION; // the run's last commit flushes it
                }
                results.add(execution.run(step.step(), step.sql(), step.statements(), 0, rows.apply(step.step()),
                        mode, reposition));
                mayBeMoved = session.movedBy(step.statements()) && !(folds && StepExecution.ownTransaction(mode));
                if (mode == Mode.AUTOCOMMIT && wholeRun) {
                    connection.setAutoCommit(false);
                }
                i++;
            }
            if (wholeRun) {
                connection.commit();
            }
        } catch (RuntimeException | SQLException e) {
            if (wholeRun && !connection.getAutoCommit()) {
                StepExecution.quietly(connection::rollback, e);
            }
            // Steps before the failure may have committed without flushing (Session#unflushed), and they are
            // reported applied: make them durable before saying so.
            StepExecution.quietly(session::flush, e);
            throw e;
        } finally {
            if (wholeRun) {
                connection.setAutoCommit(true);
            }
        }
        return new RunResult(target.runId(), current, results, rows.rows());
    }

    /** The index after the run of steps without statements that starts at {@code from}. */
    private static int endOfStatementFree(List<Prepared> prepared, int from) {
        int end = from;
        while (end < prepared.size() && prepared.get(end).statements().isEmpty()) {
            end++;
        }
        return end;
    }

    private Mode mode(Prepared step, boolean wholeRun) {
        if (lock.isTransaction()) {
            return Mode.SAVEPOINT; // SQLite: every step inside the lock's exclusive transaction
        }
        if (step.statements().isEmpty()) {
            // Nothing can half-happen in a step without statements, on any database: its version change and
            // history row commit together, without a running row first (MySQL) or leaving the run's transaction.
            return wholeRun ? Mode.RUN_TRANSACTION : Mode.OWN_TRANSACTION;
        }
        if (!target.dialect().transactionalDdl() || !step.sql().runsInTransaction()) {
            return Mode.AUTOCOMMIT;
        }
        return wholeRun ? Mode.RUN_TRANSACTION : Mode.OWN_TRANSACTION;
    }

    /** The version rows, ordered as the graph orders revisions; refuses a dirty target. */
    private List<String> readCleanVersions() throws SQLException {
        Optional<HistoryEntry> dirty = target.history().unfinished(target.connection());
        if (dirty.isPresent()) {
            throw new DirtyTargetException(target.name(), dirty.get());
        }
        return Migrator.inGraphOrder(graph(), target.versions().read(target.connection()));
    }

    /** Warns about (or, when strict, refuses) applied revisions whose files changed since they ran. */
    private void checkChecksums(List<String> current) throws SQLException {
        List<ChecksumChange> changed = checksumChanges(target, scripts, current);
        if (changed.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(target.name() + ": " + changed.size()
                + " applied revision(s) changed since they ran:");
        changed.forEach(change -> message.append("\n  ").append(change.describe()));
        if (settings.strictChecksums()) {
            throw new EngineException(message + "\nRefused (strict checksums). Restore the files, or"
                    + " run without --strict to go on.", 1, null);
        }
        target.listener().warning(target.name(), message.toString());
    }

    /**
     * The revisions applied now (every one a downgrade to base would take back) whose newest applied
     * upgrade ran with another checksum than their file has. A revision taken back since it ran is not
     * applied, so a change to its file is no one's concern until it runs again.
     */
    static List<ChecksumChange> checksumChanges(TargetContext target, MigrationSet scripts, List<String> current)
            throws SQLException {
        RevisionGraph graph = scripts.graph();
        if (current.isEmpty() || !current.stream().allMatch(row -> graph.find(row).isPresent())) {
            return List.of(); // nothing applied, or rows this folder lacks: planning reports those
        }
        java.util.Set<String> appliedNow = new java.util.HashSet<>();
        new Planner(graph).downgrade(current, "base").forEach(step -> appliedNow.add(step.revision().id()));
        Map<String, String> applied = new TreeMap<>(target.history().appliedChecksums(target.connection()));
        List<ChecksumChange> changed = new ArrayList<>();
        for (Map.Entry<String, String> entry : applied.entrySet()) {
            if (appliedNow.contains(entry.getKey())) {
                String now = scripts.checksum(entry.getKey());
                if (!now.equals(entry.getValue())) {
                    changed.add(new ChecksumChange(entry.getKey(), entry.getValue(), now));
                }
            }
        }
        return changed;
    }

    private void inTransaction(StepExecution.SqlAction work) throws SQLException {
        Connection connection = target.connection();
        if (lock.isTransaction()) {
            work.run();
            return;
        }
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            StepExecution.quietly(connection::rollback, e);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private RevisionGraph graph() {
        return scripts.graph();
    }
}
