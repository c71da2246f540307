package dev.flotilla.cli;

import dev.flotilla.config.ProjectConfig;
import dev.flotilla.config.TimeoutSettings;
import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.Dialects;
import dev.flotilla.engine.dialect.Timeouts;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.migrate.Migrator;
import dev.flotilla.engine.migrate.MigratorSettings;
import dev.flotilla.engine.migrate.OfflineScript;
import dev.flotilla.engine.script.MigrationSet;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Single-database mode wired from the options, the environment and the project: the target database,
 * the runner's settings, a {@link Migrator} and offline scripts. Lives for one command; the migrations
 * are loaded on first use.
 */
final class SingleDatabase {

    static final String URL_VARIABLE = "DATABASE_URL";
    static final String DEFAULT_VERSION_TABLE = "flotilla_version";

    private final DatabaseOptions options;
    private final CliEnvironment env;
    private final Supplier<Project> locator;
    private Project project;
    private MigrationSet migrations;

    SingleDatabase(DatabaseOptions options, CliEnvironment env, Supplier<Project> locator) {
        this.options = options;
        this.env = env;
        this.locator = locator;
    }

    /** The migrations of the project, loaded once. */
    MigrationSet migrations() {
        if (migrations == null) {
            migrations = project().migrations();
        }
        return migrations;
    }

    /** The project, located once. */
    Project project() {
        if (project == null) {
            project = locator.get();
        }
        return project;
    }

    /** The database {@code --url} (else {@code $DATABASE_URL}) names, if one is named. */
    Optional<TargetDatabase> target() {
        Optional<String> url = Optional.ofNullable(options.url).or(() -> env.variable(URL_VARIABLE));
        if (url.isEmpty()) {
            if (options.schema != null) {
                throw new InputException("--schema needs --url (or $" + URL_VARIABLE + ")");
            }
            return Optional.empty();
        }
        DatabaseUrl parsed = DatabaseUrl.parse(url.get(), env.workingDirectory());
        if (options.schema != null && parsed.isSqlite()) {
            throw new InputException("--schema does not apply to SQLite: the database is the file in the URL ("
                    + parsed.display() + ")");
        }
        return Optional.of(new TargetDatabase(parsed, options.schema, options.user, password()));
    }

    /** The target, or an input error saying that {@code command} needs one. */
    TargetDatabase requireTarget(String command) {
        return target().orElseThrow(() -> new InputException(command + " needs a database: give --url JDBC_URL"
                + " (or set $" + URL_VARIABLE + "), or a project config (flotilla.yaml) and select tenants with"
                + " --tenant ID, --tag TAG or --all"));
    }

    /**
     * The dialect an offline script is written for: {@code --dialect}, else the one of {@code --url} (or
     * {@code $DATABASE_URL}), which is not connected to. Both given and different is an error.
     */
    Dialect offlineDialect() {
        Optional<Dialect> fromUrl = target().map(t -> Dialects.forUrl(t.url().jdbc()));
        if (options.dialect == null) {
            return fromUrl.orElseThrow(() -> new InputException("--sql needs a dialect: give --dialect"
                    + " postgresql|mysql|sqlite, or --url (it is not connected to)"));
        }
        Dialect named = Dialects.named(options.dialect);
        if (fromUrl.isPresent() && !fromUrl.get().name().equals(named.name())) {
            throw new InputException("--dialect " + options.dialect + " contradicts --url, which is "
                    + fromUrl.get().name());
        }
        return named;
    }

    String schema() {
        return options.schema;
    }

    /**
     * The runner's settings: the engine's defaults, changed by the config (its version_table: and its
     * defaults: lock_wait, lock_timeout, statement_timeout), then by the options.
     */
    MigratorSettings settings() {
        MigratorSettings engine = MigratorSettings.defaults(env.user());
        TimeoutSettings configured = project().config().map(config -> config.defaults().timeouts())
                .orElse(TimeoutSettings.DEFAULTS);
        String versionTable = versionTable();
        String historyTable = options.versionTable != null ? historyTableFor(options.versionTable)
                : project().config().map(ProjectConfig::historyTable).orElse(historyTableFor(versionTable));
        Timeouts timeouts = new Timeouts(
                Optional.ofNullable(options.lockTimeout).orElse(configured.lockTimeout()),
                Optional.ofNullable(options.statementTimeout).orElse(configured.statementTimeout()));
        try {
            return engine.withVersionTable(versionTable)
                    .withHistoryTable(historyTable)
                    .withLockWait(Optional.ofNullable(options.lockWait).orElse(configured.lockWait()))
                    .withTimeouts(timeouts)
                    .withTransactionMode(Optional.ofNullable(options.transaction).orElse(engine.transactionMode()))
                    .withStrictChecksums(options.strict);
        } catch (IllegalArgumentException e) {
            throw new InputException("--version-table: " + e.getMessage());
        }
    }

    /** A runner whose clock and run ids come from the environment. */
    Migrator migrator(MigrationListener listener) {
        return new Migrator(migrations(), settings(), listener, env.clock(), this::runId);
    }

    /** An offline script writer for {@link #offlineDialect()}. */
    OfflineScript offline() {
        return new OfflineScript(migrations(), settings(), offlineDialect(), options.schema, runId());
    }

    /** {@code FROM:TO} ranges are for offline scripts only: online, the start is read from the database. */
    static void rejectRange(String command, String target) {
        if (target.contains(":")) {
            throw new InputException(command + " " + target + ": a FROM:TO range is for --sql only; online, the"
                    + " start is read from the database, so give just the target");
        }
    }

    /** {@code x_version} keeps its history in {@code x_history}; any other name {@code n} in {@code n_history}. */
    static String historyTableFor(String versionTable) {
        return versionTable.endsWith("_version")
                ? versionTable.substring(0, versionTable.length() - "_version".length()) + "_history"
                : versionTable + "_history";
    }

    private String versionTable() {
        if (options.versionTable != null) {
            return options.versionTable;
        }
        return project().config().map(ProjectConfig::versionTable).orElse(DEFAULT_VERSION_TABLE);
    }

    private Optional<Secret> password() {
        if (options.passwordVariable == null) {
            return Optional.empty();
        }
        return Optional.of(env.variable(options.passwordVariable).map(Secret::new).orElseThrow(() ->
                new InputException("--password-env " + options.passwordVariable + ": that environment variable is"
                        + " not set")));
    }

    private String runId() {
        return new UUID(env.random().nextLong(), env.random().nextLong()).toString();
    }
}
