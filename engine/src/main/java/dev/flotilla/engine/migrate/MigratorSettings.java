package dev.flotilla.engine.migrate;

import dev.flotilla.engine.dialect.Timeouts;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a {@link Migrator} works on every target. Immutable; start from {@link #defaults()} and change
 * what differs with the {@code with…} methods.
 *
 * @param versionTable    the table holding one row per current head (Alembic's {@code alembic_version})
 * @param historyTable    the table recording every step, its outcome and its progress
 * @param lockWait        how long to wait for another run's lock on the same target before giving up
 * @param timeouts        lock and statement timeouts applied to each target's session
 * @param transactionMode one transaction per step (default) or one for the whole run, as Alembic does
 * @param strictChecksums refuse to run when an applied revision's file has changed since, instead of
 *                        warning
 * @param appliedBy       who runs the migration, recorded in the history ({@code user@host})
 */
public record MigratorSettings(String versionTable, String historyTable, Duration lockWait, Timeouts timeouts,
                               TransactionMode transactionMode, boolean strictChecksums, String appliedBy) {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** Whether a run's steps commit one by one or all together. */
    public enum TransactionMode {
        /** Each step and its version change commit together: a failure keeps the steps before it. */
        PER_STEP,
        /** Every step of the run in one transaction, as Alembic's default: a failure keeps none. */
        WHOLE_RUN
    }

    public MigratorSettings {
        requireTableName("versionTable", versionTable);
        requireTableName("historyTable", historyTable);
        if (versionTable.equalsIgnoreCase(historyTable)) {
            throw new IllegalArgumentException("versionTable and historyTable must differ, both are '"
                    + versionTable + "'");
        }
        Objects.requireNonNull(lockWait, "lockWait");
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("lockWait must be zero or more, not " + lockWait);
        }
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(transactionMode, "transactionMode");
        Objects.requireNonNull(appliedBy, "appliedBy");
    }

    /**
     * {@code flotilla_version}, {@code flotilla_history}, a 30 s lock wait, {@link Timeouts#DEFAULTS},
     * a transaction per step, checksum changes warned about, and {@code appliedBy} as given.
     */
    public static MigratorSettings defaults(String appliedBy) {
        return new MigratorSettings("flotilla_version", "flotilla_history", Duration.ofSeconds(30),
                Timeouts.DEFAULTS, TransactionMode.PER_STEP, false, appliedBy);
    }

    public MigratorSettings withVersionTable(String table) {
        return new MigratorSettings(table, historyTable, lockWait, timeouts, transactionMode, strictChecksums,
                appliedBy);
    }

    public MigratorSettings withHistoryTable(String table) {
        return new MigratorSettings(versionTable, table, lockWait, timeouts, transactionMode, strictChecksums,
                appliedBy);
    }

    public MigratorSettings withLockWait(Duration wait) {
        return new MigratorSettings(versionTable, historyTable, wait, timeouts, transactionMode, strictChecksums,
                appliedBy);
    }

    public MigratorSettings withTimeouts(Timeouts newTimeouts) {
        return new MigratorSettings(versionTable, historyTable, lockWait, newTimeouts, transactionMode,
                strictChecksums, appliedBy);
    }

    public MigratorSettings withTransactionMode(TransactionMode mode) {
        return new MigratorSettings(versionTable, historyTable, lockWait, timeouts, mode, strictChecksums,
                appliedBy);
    }

    public MigratorSettings withStrictChecksums(boolean strict) {
        return new MigratorSettings(versionTable, historyTable, lockWait, timeouts, transactionMode, strict,
                appliedBy);
    }

    /** Plain names only: they are quoted by the dialect, but a name that needs quoting is a typo. */
    private static void requireTableName(String field, String name) {
        Objects.requireNonNull(name, field);
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(field + " must be a plain table name (a letter or _ then up to"
                    + " 62 letters, digits or _), not '" + name + "'");
        }
    }
}
