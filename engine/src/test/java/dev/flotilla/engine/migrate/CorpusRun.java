package dev.flotilla.engine.migrate;

import dev.flotilla.engine.revision.Direction;
import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.script.MigrationSet;
import dev.flotilla.engine.script.ScriptException;
import dev.flotilla.engine.script.StepSql;
import dev.flotilla.engine.sql.SqlDialect;

import java.nio.file.Files;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus set run by Flotilla on one dialect, past the files the server rejects, and back down; what
 * each failure was and how the run got past it. The dialect decides how a failure leaves the target
 * ({@link Recovery}): rolled back to the revision before, or dirty at the failing statement.
 */
final class CorpusRun {

    /** How a failure left the target, and how a run gets past it. */
    enum Recovery {
        /**
         * PostgreSQL and SQLite: the step rolled back; the target is clean at the revision before it. The
         * run gets past the file with {@code stamp}, as a person who decides to skip it would.
         */
        ROLLED_BACK,
        /**
         * MariaDB: the statements before the failing one committed; the target is dirty at that statement.
         * The run gets past it with {@code repair --mark-applied}: the person accepts what the file did,
         * which is what the plain client leaves too (it carries on with the next file). A first statement
         * the server refused while checking it changed nothing: the target is clean, as if rolled back.
         */
        DIRTY
    }

    /** A step Flotilla could not run: revision, direction, code as {@link PlainApply.Failure} has it, statement. */
    record Failure(String revision, Direction direction, String code, int statement) {
        String summary() {
            return revision + " " + code;
        }
    }

    private final MigrationSet set;
    private final String dialect;
    private final Migrator migrator;
    private final Recovery recovery;
    private final List<Failure> failures = new ArrayList<>();

    CorpusRun(MigrationSet set, String dialect, Recovery recovery) {
        this.set = set;
        this.dialect = dialect;
        this.recovery = recovery;
        this.migrator = new Migrator(set, MigratorSettings.defaults("corpus@test"), MigrationListener.NONE);
    }

    Migrator migrator() {
        return migrator;
    }

    /** Every failure so far, in the order met. */
    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** The up files the plain client applies, in the set's order: every step with a statement to run. */
    List<PlainApply.File> plainFiles() {
        List<PlainApply.File> files = new ArrayList<>();
        for (Revision revision : set.graph().revisions()) {
            StepSql up = set.sql(revision.id(), Direction.UP, dialect);
            if (Files.isRegularFile(up.file()) && !up.statements(syntax()).isEmpty()) {
                files.add(new PlainApply.File(revision.id(), up.file(), up.runsInTransaction()));
            }
        }
        return files;
    }

    /** Upgrades to heads, getting past each failing step as {@link Recovery} says. */
    void upgradeToHeads(Connection connection) {
        while (true) {
            try {
                migrator.upgrade(connection, null, "heads");
                return;
            } catch (MigrationException e) {
                getPast(connection, e, Direction.UP);
            }
        }
    }

    /**
     * Downgrades to base. A revision without a down file stops the plan before anything runs: the run
     * goes down to it, then stamps below it (the person declares its downgrade done by hand). A down
     * file the server rejects is got past as {@link #upgradeToHeads} does. Returns the revisions that had
     * no down file, newest first.
     */
    List<String> downgradeToBase(Connection connection) {
        List<String> irreversible = new ArrayList<>();
        while (true) {
            List<String> before = current(connection);
            try {
                migrator.downgrade(connection, null, "base");
                return irreversible;
            } catch (MigrationException e) {
                getPast(connection, e, Direction.DOWN);
            } catch (ScriptException e) {
                String revision = firstIrreversibleBelow(before);
                assertThat(e.getMessage()).as("the refusal names the up file of %s", revision)
                        .contains(set.sql(revision, Direction.UP, dialect).file().getFileName().toString());
                irreversible.add(revision);
                assertThat(current(connection)).as("a refused plan changes nothing").isEqualTo(before);
                if (!before.equals(List.of(revision))) {
                    migrator.downgrade(connection, null, revision);
                }
                migrator.stamp(connection, null, List.of(parent(revision)), false);
            }
        }
    }

    private void getPast(Connection connection, MigrationException e, Direction direction) {
        assertThat(e.revision()).as("a failure of a step: %s", e.getMessage()).isNotNull();
        String revision = e.revision();
        failures.add(new Failure(revision, direction, code(e), e.statement()));
        TargetStatus status = migrator.status(connection, null);
        String before = direction == Direction.UP ? parent(revision) : revision;
        if (recovery == Recovery.ROLLED_BACK) {
            assertThat(e.leftDirty()).as("rolled back: %s", e.getMessage()).isFalse();
            assertThat(status.isDirty()).isFalse();
            assertThat(versionsOf(status)).as("clean at the revision before %s", revision).isEqualTo(before);
            migrator.stamp(connection, null, List.of(direction == Direction.UP ? revision : parent(revision)), false);
        } else if (e.statement() == 1 && !e.leftDirty()) {
            // refused before its first statement changed anything (MySqlFailures): clean, as if rolled back
            assertThat(status.isDirty()).as("refused first: %s", e.getMessage()).isFalse();
            assertThat(versionsOf(status)).as("clean at the revision before %s", revision).isEqualTo(before);
            migrator.stamp(connection, null, List.of(direction == Direction.UP ? revision : parent(revision)), false);
        } else {
            assertThat(e.leftDirty()).as("dirty: %s", e.getMessage()).isTrue();
            assertThat(status.dirtyStep()).hasValueSatisfying(step -> {
                assertThat(step.revision()).isEqualTo(revision);
                assertThat(step.statementsDone()).as("dirty at the exact statement").isEqualTo(e.statement() - 1);
            });
            assertThat(versionsOf(status)).isEqualTo(before);
            migrator.repair(connection, null, RepairAction.MARK_APPLIED);
        }
    }

    /** PostgreSQL: SQLSTATE; MySQL/MariaDB: the vendor code; SQLite: the message, as sqlite3 prints it. */
    private String code(MigrationException e) {
        return switch (dialect) {
            case "postgresql" -> e.sqlState();
            case "mysql" -> String.valueOf(e.vendorCode());
            default -> sqliteMessage(e.getCause().getMessage());
        };
    }

    /** xerial's "[SQLITE_ERROR] SQL error or missing database (no such table: x)" → "no such table: x". */
    static String sqliteMessage(String message) {
        int open = message.indexOf(" (");
        return open < 0 || !message.endsWith(")") ? message : message.substring(open + 2, message.length() - 1);
    }

    private String firstIrreversibleBelow(List<String> current) {
        List<Revision> revisions = set.graph().revisions();
        int top = current.isEmpty() ? -1 : indexOf(current.get(0));
        for (int i = top; i >= 0; i--) {
            String id = revisions.get(i).id();
            try {
                set.sql(id, Direction.DOWN, dialect);
            } catch (ScriptException e) {
                return id;
            }
        }
        throw new AssertionError("a downgrade plan was refused, but every revision below " + current
                + " has a down file");
    }

    private int indexOf(String id) {
        List<Revision> revisions = set.graph().revisions();
        for (int i = 0; i < revisions.size(); i++) {
            if (revisions.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id + " is not in the set");
    }

    /** The revision before {@code id} in the set's straight line, or "base". */
    private String parent(String id) {
        List<String> down = set.graph().get(id).downRevisions();
        return down.isEmpty() ? "base" : down.get(0);
    }

    private List<String> current(Connection connection) {
        return migrator.status(connection, null).revisions();
    }

    private static String versionsOf(TargetStatus status) {
        return status.revisions().isEmpty() ? "base" : String.join(",", status.revisions());
    }

    private SqlDialect syntax() {
        return SqlDialect.valueOf(dialect.toUpperCase(Locale.ROOT));
    }
}
