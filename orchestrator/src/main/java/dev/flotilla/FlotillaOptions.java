package dev.flotilla;

import dev.flotilla.config.ProjectConfig;
import dev.flotilla.config.TimeoutSettings;
import dev.flotilla.connect.PoolSettings;
import dev.flotilla.engine.dialect.Timeouts;
import dev.flotilla.engine.migrate.MigratorSettings;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How a {@link Flotilla} runs: the runner's settings, the pools', the clock and run ids. Immutable.
 *
 * @param migrator the runner's settings (tables, lock wait, timeouts, who applies)
 * @param pools    pool bounds and leak detection
 * @param clock    the time history rows are stamped with
 * @param runIds   a new id per run
 */
public record FlotillaOptions(MigratorSettings migrator, PoolSettings pools, Clock clock, Supplier<String> runIds) {

    public FlotillaOptions {
        Objects.requireNonNull(migrator, "migrator");
        Objects.requireNonNull(pools, "pools");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(runIds, "runIds");
    }

    /**
     * What the config says: its version and history tables, its {@code defaults:} lock wait and timeouts;
     * default pools, the system clock and random run ids.
     */
    public static FlotillaOptions from(ProjectConfig config, String appliedBy) {
        TimeoutSettings timeouts = config.defaults().timeouts();
        MigratorSettings settings = MigratorSettings.defaults(appliedBy)
                .withVersionTable(config.versionTable())
                .withHistoryTable(config.historyTable())
                .withLockWait(timeouts.lockWait())
                .withTimeouts(new Timeouts(timeouts.lockTimeout(), timeouts.statementTimeout()));
        return new FlotillaOptions(settings, PoolSettings.DEFAULTS, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    public FlotillaOptions withMigrator(MigratorSettings newMigrator) {
        return new FlotillaOptions(newMigrator, pools, clock, runIds);
    }

    public FlotillaOptions withPools(PoolSettings newPools) {
        return new FlotillaOptions(migrator, newPools, clock, runIds);
    }

    public FlotillaOptions withClock(Clock newClock, Supplier<String> newRunIds) {
        return new FlotillaOptions(migrator, pools, newClock, newRunIds);
    }
}
