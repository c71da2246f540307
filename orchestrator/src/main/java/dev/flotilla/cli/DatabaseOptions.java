package dev.flotilla.cli;

import dev.flotilla.engine.migrate.MigratorSettings.TransactionMode;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.time.Duration;

/**
 * The options of single-database mode: which database, how to log in, and how the runner treats it.
 * Mixed into the root command with the other global options, so they may stand before or after the
 * subcommand's name. Every field is null (or false) when not given; {@link SingleDatabase} applies the
 * defaults.
 */
final class DatabaseOptions {

    @Option(names = "--url", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "Single-database mode: this database (jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb:,"
                    + " jdbc:sqlite:); default $DATABASE_URL. jdbc:mariadb: URLs are opened with MySQL Connector/J"
                    + " as jdbc:mysql:. A relative SQLite path is relative to the working directory.")
    String url;

    @Option(names = "--schema", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "With --url: the schema (PostgreSQL) or database (MySQL) to migrate.")
    String schema;

    @Option(names = "--user", paramLabel = "USER", scope = ScopeType.INHERIT,
            description = "With --url: the user to log in as (or give it in the URL).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", scope = ScopeType.INHERIT,
            description = "With --url: the environment variable holding the password (or give it in the URL)."
                    + " Passwords are never printed.")
    String passwordVariable;

    @Option(names = "--dialect", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "With --sql and no --url: postgresql, mysql (mariadb) or sqlite.")
    String dialect;

    @Option(names = "--version-table", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The version table; default the config's version_table:, else flotilla_version."
                    + " Its history table is the same name with _version replaced by _history"
                    + " (or with _history added).")
    String versionTable;

    @Option(names = "--lock-wait", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            converter = DurationConverter.class,
            description = "How long to wait for another run's lock on the database (e.g. 500ms, 30s, 5m;"
                    + " default 30s).")
    Duration lockWait;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            converter = DurationConverter.class,
            description = "How long one statement may wait for a table or row lock (default 10s; 0: no limit).")
    Duration lockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            converter = DurationConverter.class,
            description = "How long one statement may run (default 0: no limit).")
    Duration statementTimeout;

    @Option(names = "--strict", scope = ScopeType.INHERIT,
            description = "Refuse to run when an applied revision's file changed since it ran (default: warn).")
    boolean strict;

    @Option(names = "--transaction", paramLabel = "MODE", scope = ScopeType.INHERIT,
            converter = TransactionModeConverter.class,
            description = "per-step (default: each step commits with its version change) or whole-run (one"
                    + " transaction for the run, as Alembic; where DDL is transactional).")
    TransactionMode transaction;
}
