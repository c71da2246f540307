package dev.flotilla.engine.dialect;

import dev.flotilla.engine.sql.SqlStatement;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** A connection positioned on a target; closing it restores the state it had before. */
public interface Session extends AutoCloseable {

    /**
     * Puts the connection back on the target it was positioned on, for when a script moved it
     * ({@code SET search_path}, {@code USE}): the runner calls it between steps, so a script's move can
     * never carry the next step into another tenant.
     */
    void reposition() throws SQLException;

    /**
     * Whether running {@code statements} may have moved the connection off the target, so that the runner
     * must {@link #reposition} it before the next step. True for any statement unless the dialect knows
     * better; a false "true" only costs a round trip.
     */
    default boolean movedBy(List<SqlStatement> statements) {
        return !statements.isEmpty();
    }

    /**
     * Lets the open transaction (auto-commit is off) commit without waiting for its log to reach disk,
     * where the database allows that per transaction. The runner asks this only for a transaction that a
     * later durable commit of the same run follows: the log is written in order, so that commit flushes this
     * one too, and after a crash of the server either both are there or the target is consistently at an
     * earlier revision. Where the database has no such commit, the transaction commits as any other.
     */
    default void unflushed() throws SQLException {
    }

    /**
     * What {@link #unflushed} does for the open transaction, and {@link #reposition} for the statements after
     * it, as settings to fold into a statement that the runner sends in that transaction anyway, once the
     * step's own statements have run; empty where the dialect cannot fold them, and the runner then calls
     * those methods instead.
     */
    default Optional<SessionSettings> foldable(boolean unflushed) {
        return Optional.empty();
    }

    /**
     * Makes every commit made so far durable, where {@link #unflushed} can leave some waiting: called when a
     * run ends by an error, which may come after relaxed commits and before any durable one. Nothing to do
     * where the database has no relaxed commits.
     */
    default void flush() throws SQLException {
    }

    /** Restores schema or database, role, timeouts and session variables. */
    @Override
    void close() throws SQLException;
}
