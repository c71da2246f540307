package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.TargetLockedException;
import dev.flotilla.engine.revision.Step;
import dev.flotilla.engine.script.ScriptDirectory;
import org.sqlite.Function;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A process of its own that runs {@code Migrator.upgrade(heads)} on one target, for the tests that kill it
 * or run two at once. Arguments: {@code <jdbcUrl> <user> <versionsDir>}; the password, if any, comes in
 * the environment variable {@value #PASSWORD} so that it does not show in the process list.
 *
 * <p>Prints {@code applied <n>} and exits 0 when the run finished, exits {@value #LOCKED} when the target
 * was locked, 1 on any other failure. On SQLite, which has no sleep of its own, the connection gets a
 * function {@code test_sleep(millis)} that prints {@value #SLEEPING} and then sleeps, so that a test can
 * see that the child is inside a statement.
 */
public final class UpgradeChild {

    static final String PASSWORD = "FLOTILLA_CHILD_PASSWORD";
    static final String SLEEPING = "sleeping";
    static final int LOCKED = 3;

    private UpgradeChild() {
    }

    public static void main(String[] args) throws SQLException {
        String url = args[0];
        Migrator migrator = new Migrator(ScriptDirectory.load(Path.of(args[2])),
                MigratorSettings.defaults("child@" + ProcessHandle.current().pid()), new Printer());
        String password = System.getenv().getOrDefault(PASSWORD, "");
        try (Connection connection = DriverManager.getConnection(url, args[1], password)) {
            if (url.startsWith("jdbc:sqlite:")) {
                Function.create(connection, "test_sleep", new Sleep());
            }
            System.out.println("applied " + migrator.upgrade(connection, null, "heads").steps().size());
        } catch (TargetLockedException e) {
            System.out.println("locked: " + e.getMessage());
            System.exit(LOCKED);
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    /** Says which step starts, for the test's log. */
    private static final class Printer implements MigrationListener {
        @Override
        public void stepStarted(String target, Step step, int statements) {
            System.out.println("started " + step.revision().id());
        }
    }

    private static final class Sleep extends Function {
        @Override
        protected void xFunc() throws SQLException {
            System.out.println(SLEEPING);
            System.out.flush();
            try {
                Thread.sleep(value_int(0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            result(1);
        }
    }
}
