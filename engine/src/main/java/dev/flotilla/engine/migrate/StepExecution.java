package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.SessionSettings;
import dev.flotilla.engine.migrate.HistoryEntry.Action;
import dev.flotilla.engine.migrate.HistoryEntry.Outcome;
import dev.flotilla.engine.migrate.StatementRunner.StatementFailure;
import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.Step;
import dev.flotilla.engine.revision.VersionRowChange;
import dev.flotilla.engine.script.StepSql;
import dev.flotilla.engine.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one step on a locked target and records it, in one of the ways a database allows:
 * <ul>
 *   <li>{@link Mode#OWN_TRANSACTION}: statements, version change and history row commit together; a
 *       failure rolls all of it back and records a failed row.</li>
 *   <li>{@link Mode#UNFLUSHED_TRANSACTION}: as {@link Mode#OWN_TRANSACTION}, for a step (or a group of steps
 *       without statements) that another step of the run follows: the commit does not wait for the log to
 *       reach disk where the database allows it ({@link Session#unflushed}); the run's last commit, or the
 *       row that records a failure, flushes it.</li>
 *   <li>{@link Mode#SAVEPOINT}: the same inside the run's enclosing transaction (SQLite's lock).</li>
 *   <li>{@link Mode#RUN_TRANSACTION}: inside the whole run's transaction, committed by the run; a
 *       failure rolls back the whole run.</li>
 *   <li>{@link Mode#AUTOCOMMIT}: each statement commits by itself (MySQL DDL, {@code transaction=false}).
 *       The history row is written first as running, advanced after every statement, and closed with the
 *       version change; a failure or a crash leaves the target dirty at the exact statement.</li>
 * </ul>
 */
final class StepExecution {

    /** How a step's work is made atomic, as far as the database allows. */
    enum Mode { OWN_TRANSACTION, UNFLUSHED_TRANSACTION, SAVEPOINT, RUN_TRANSACTION, AUTOCOMMIT }

    private static final String SAVEPOINT = "flotilla_step";

    private final TargetContext target;
    private final Session session;
    private final StepRecords records;

    StepExecution(TargetContext target, Session session) {
        this.target = target;
        this.session = session;
        this.records = new StepRecords(target.dialect().sql(), target.versions(), target.history());
    }

    /**
     * Runs {@code statements} from index {@code from} (0 for a fresh step, later for {@code repair
     * resume}) and applies {@code changes} to the version table when they all succeed. {@code reposition}:
     * the step before ran statements, which may have moved the connection to another schema or database.
     */
    StepResult run(Step step, StepSql sql, List<SqlStatement> statements, int from, List<VersionRowChange> changes,
                   Mode mode, boolean reposition) {
        return run(step, sql, statements, from, changes, mode, reposition, false);
    }

    /**
     * {@code repair --resume}: runs a dirty step's statements from {@code from}, the first one its row does
     * not record as done, outside a transaction.
     */
    StepResult resume(Step step, StepSql sql, List<SqlStatement> statements, int from, List<VersionRowChange> changes) {
        return run(step, sql, statements, from, changes, Mode.AUTOCOMMIT, false, true);
    }

    private StepResult run(Step step, StepSql sql, List<SqlStatement> statements, int from,
                           List<VersionRowChange> changes, Mode mode, boolean reposition, boolean resuming) {
        target.listener().stepStarted(target.name(), step, statements.size());
        Instant started = target.clock().instant();
        try {
            StepResult result = mode == Mode.AUTOCOMMIT
                    ? autocommit(step, sql, statements, from, changes, started, reposition, resuming)
                    : transactional(step, sql, statements, changes, started, mode, reposition);
            target.listener().stepFinished(target.name(), result);
            return result;
        } catch (MigrationException e) {
            target.listener().stepFailed(target.name(), step, e);
            throw e;
        }
    }

    /** A step without statements and the version changes it makes. */
    record StatementFree(Step step, StepSql sql, List<VersionRowChange> changes) {
    }

    /**
     * Records consecutive steps without statements in one transaction: nothing can half-happen in such a
     * step, so there is no running row, and the group costs one commit instead of one per step (ory-kratos
     * has runs of up to 92 of them). A failure, a version conflict or an error writing a row, rolls back the
     * whole group: the target is then at the revision before its first step. Listeners hear every step start
     * before the rows are written, and finish once they commit. {@code unflushed}: another step
     * of the run follows, whose durable commit flushes this one.
     */
    List<StepResult> runStatementFree(List<StatementFree> steps, boolean unflushed, boolean reposition) {
        Mode mode = unflushed ? Mode.UNFLUSHED_TRANSACTION : Mode.OWN_TRANSACTION;
        Instant started = target.clock().instant();
        List<StepRecords.Applied> rows = new ArrayList<>();
        // No statement runs before the rows are written, so settings folded into them reposition in time.
        Optional<SessionSettings> fold = session.foldable(unflushed);
        try {
            begin(mode, reposition && fold.isEmpty(), fold.isPresent());
            for (StatementFree step : steps) {
                target.listener().stepStarted(target.name(), step.step(), 0);
                rows.add(new StepRecords.Applied(step.changes(), entry(step.step(), step.sql(), started,
                        target.clock().instant(), Outcome.APPLIED, 0, 0, null, null)));
            }
            records.appliedInOrder(target.connection(), rows, fold.orElse(SessionSettings.NONE));
            commit(mode);
        } catch (SQLException e) {
            // Rows are written together (a batch), so a failure is the group's: it is reported on its first step.
            rollBack(mode, e);
            StatementFree first = steps.get(0);
            recordFailure(first.step(), first.sql(), started, 0, 0, e.getMessage());
            MigrationException failure = target.failures().stepFailed(first.step(), e, steps.size() == 1
                    ? Failures.Consequence.STEP_ROLLED_BACK : Failures.Consequence.GROUP_ROLLED_BACK);
            target.listener().stepFailed(target.name(), first.step(), failure);
            throw failure;
        } catch (VersionConflictException e) {
            rollBack(mode, e);
            throw e;
        }
        Duration took = Duration.between(started, target.clock().instant());
        List<StepResult> results = steps.stream().map(step -> new StepResult(step.step(), 0, took)).toList();
        results.forEach(result -> target.listener().stepFinished(target.name(), result));
        return results;
    }

    private StepResult transactional(Step step, StepSql sql, List<SqlStatement> statements,
                                     List<VersionRowChange> changes, Instant started, Mode mode, boolean reposition) {
        Connection connection = target.connection();
        int[] done = {0};
        Optional<SessionSettings> fold = ownTransaction(mode)
                ? session.foldable(mode == Mode.UNFLUSHED_TRANSACTION) : Optional.empty();
        try {
            begin(mode, reposition, fold.isPresent());
            StatementRunner.run(connection, statements, 0, (count, digest) -> done[0] = count);
            Instant finished = target.clock().instant();
            records.applied(connection, changes, entry(step, sql, started, finished, Outcome.APPLIED,
                    statements.size(), statements.size(), StatementRunner.digestOf(statements, statements.size()), null),
                    fold.orElse(SessionSettings.NONE));
            commit(mode);
            return new StepResult(step, statements.size(), Duration.between(started, finished));
        } catch (StatementFailure failure) {
            rollBack(mode, failure.sqlException());
            recordFailure(step, sql, started, statements.size(), failure.index(), failure.sqlException().getMessage());
            throw target.failures().statementFailed(step, sql, statements, failure, consequence(mode));
        } catch (SQLException e) {
            rollBack(mode, e);
            recordFailure(step, sql, started, statements.size(), done[0], e.getMessage());
            throw target.failures().stepFailed(step, e, consequence(mode));
        } catch (VersionConflictException e) {
            rollBack(mode, e);
            throw e;
        }
    }

    private StepResult autocommit(Step step, StepSql sql, List<SqlStatement> statements, int from,
                                  List<VersionRowChange> changes, Instant started, boolean reposition,
                                  boolean resuming) {
        Connection connection = target.connection();
        HistoryTable history = target.history();
        long id;
        int[] done = {from};
        String[] digest = {StatementRunner.digestOf(statements, from)};
        try {
            begin(Mode.AUTOCOMMIT, reposition, false);
            id = history.insert(connection, entry(step, sql, started, null, Outcome.RUNNING, from,
                    statements.size(), digest[0], null));
        } catch (SQLException e) {
            throw target.failures().stepFailed(step, e, Failures.Consequence.STEP_ROLLED_BACK);
        }
        // When the close is one statement, it records the last statement's progress itself: a crash between
        // that statement and the close leaves the row one statement short, as a crash before a separate
        // progress update would; so that update would only add a durable commit.
        boolean oneStatementClose = records.closesInOneStatement(changes);
        try {
            StatementRunner.run(connection, statements, from, (count, newDigest) -> {
                if (!oneStatementClose || count < statements.size()) {
                    history.progress(connection, id, count, newDigest);
                }
                done[0] = count;
                digest[0] = newDigest;
            });
            Instant finished = target.clock().instant();
            if (oneStatementClose) {
                records.closeInOneStatement(connection, changes.get(0), id, finished, millis(started, finished),
                        statements.size(), digest[0]);
            } else {
                closeInTransaction(id, changes, started, finished, statements.size(), digest[0]);
            }
            return new StepResult(step, statements.size() - from, Duration.between(started, finished));
        } catch (StatementFailure failure) {
            if (failedClean(sql, statements, resuming, failure)) {
                // Nothing ran and the failed statement changed nothing: the step failed clean, and may be retried.
                markFailed(id, started, failure.sqlException());
                throw target.failures().statementFailed(step, sql, statements, failure,
                        Failures.Consequence.NOTHING_CHANGED);
            }
            markDirty(id, started, done[0], digest[0], failure.sqlException());
            throw target.failures().statementFailed(step, sql, statements, failure, Failures.Consequence.DIRTY);
        } catch (SQLException e) {
            markDirty(id, started, done[0], digest[0], e);
            throw target.failures().stepFailed(step, e, Failures.Consequence.DIRTY);
        } catch (VersionConflictException e) {
            markDirty(id, started, done[0], digest[0], e);
            throw e;
        }
    }

    /**
     * Whether a step outside a transaction failed with nothing of it done: a fresh step (not a {@code repair
     * --resume}, even from statement 1: the crashed run may have done more than its row recorded), split
     * into statements (a section sent whole runs several on the server), whose first statement the dialect
     * knows changed nothing.
     */
    private boolean failedClean(StepSql sql, List<SqlStatement> statements, boolean resuming,
                                StatementFailure failure) {
        return !resuming && !sql.whole() && failure.index() == 0
                && target.dialect().changedNothing(failure.sqlException(), statements.get(0).text());
    }

    /** Moves the version and closes row {@code id} as applied, together. */
    private void closeInTransaction(long id, List<VersionRowChange> changes, Instant started, Instant finished,
                                    int done, String digest) throws SQLException {
        Connection connection = target.connection();
        connection.setAutoCommit(false);
        try {
            target.versions().apply(connection, changes);
            target.history().finish(connection, id, Outcome.APPLIED, finished, millis(started, finished),
                    done, digest, null);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            quietly(connection::rollback, e);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static Failures.Consequence consequence(Mode mode) {
        return mode == Mode.RUN_TRANSACTION ? Failures.Consequence.RUN_ROLLED_BACK : Failures.Consequence.STEP_ROLLED_BACK;
    }

    /**
     * True when the step commits in a transaction of its own, whose recording statement then also carries the
     * session settings where the dialect can fold them ({@link Session#foldable}): those reposition the
     * connection after the step's statements, so the step after it starts in place.
     */
    static boolean ownTransaction(Mode mode) {
        return mode == Mode.OWN_TRANSACTION || mode == Mode.UNFLUSHED_TRANSACTION;
    }

    /**
     * Puts the connection back on the target when the step before may have moved it, then opens the step's
     * transaction or savepoint. {@code folded}: the commit's settings travel with the step's records instead
     * ({@link Session#foldable}).
     */
    private void begin(Mode mode, boolean reposition, boolean folded) throws SQLException {
        if (reposition) {
            session.reposition();
        }
        switch (mode) {
            case OWN_TRANSACTION -> target.connection().setAutoCommit(false);
            case UNFLUSHED_TRANSACTION -> {
                target.connection().setAutoCommit(false);
                if (!folded) {
                    session.unflushed();
                }
            }
            case SAVEPOINT -> execute("SAVEPOINT " + SAVEPOINT);
            default -> { }
        }
    }

    private void commit(Mode mode) throws SQLException {
        switch (mode) {
            case OWN_TRANSACTION, UNFLUSHED_TRANSACTION -> {
                target.connection().commit();
                target.connection().setAutoCommit(true);
            }
            case SAVEPOINT -> execute("RELEASE " + SAVEPOINT);
            default -> { }
        }
    }

    /**
     * Undoes the step. In {@link Mode#RUN_TRANSACTION} that is the whole run: the failure row is then
     * the only trace of it.
     */
    private void rollBack(Mode mode, Exception primary) {
        Connection connection = target.connection();
        switch (mode) {
            case OWN_TRANSACTION, UNFLUSHED_TRANSACTION, RUN_TRANSACTION -> {
                quietly(connection::rollback, primary);
                quietly(() -> connection.setAutoCommit(true), primary);
            }
            case SAVEPOINT -> {
                quietly(() -> execute("ROLLBACK TO " + SAVEPOINT), primary);
                quietly(() -> execute("RELEASE " + SAVEPOINT), primary);
            }
            default -> { }
        }
    }

    /** A failed step that rolled back leaves a row saying so; if even that fails, the first error wins. */
    private void recordFailure(Step step, StepSql sql, Instant started, int total, int done, String error) {
        quietly(() -> target.history().insert(target.connection(), entry(step, sql, started,
                target.clock().instant(), Outcome.FAILED, done, total, null, error)), null);
    }

    private void markFailed(long id, Instant started, Exception cause) {
        Instant finished = target.clock().instant();
        quietly(() -> target.history().finish(target.connection(), id, Outcome.FAILED, finished,
                millis(started, finished), 0, null, cause.getMessage()), cause);
    }

    private void markDirty(long id, Instant started, int done, String digest, Exception cause) {
        Instant finished = target.clock().instant();
        quietly(() -> target.history().finish(target.connection(), id, Outcome.DIRTY, finished,
                millis(started, finished), done, digest, cause.getMessage()), cause);
    }

    private HistoryEntry entry(Step step, StepSql sql, Instant started, Instant finished, Outcome outcome,
                               int done, int total, String digest, String error) {
        Long duration = finished == null ? null : millis(started, finished);
        Action action = step.direction() == Direction.UP ? Action.UPGRADE : Action.DOWNGRADE;
        return new HistoryEntry(0, target.runId(), step.revision().id(), action, sql.checksum(), started, finished,
                duration, outcome, done, total, digest, error, target.appliedBy());
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = target.connection().createStatement()) {
            statement.execute(sql);
        }
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    /** An action that may fail. */
    interface SqlAction {
        void run() throws SQLException;
    }

    /** Runs cleanup whose failure must not hide the error that made it necessary. */
    static void quietly(SqlAction action, Exception primary) {
        try {
            action.run();
        } catch (SQLException | RuntimeException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            }
        }
    }
}
