package dev.flotilla.survey;

import dev.flotilla.Flotilla;
import dev.flotilla.engine.dialect.ReadScope;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.migrate.MigratorSettings;
import dev.flotilla.registry.Tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Reads where many tenants stand (their version rows, dirty step and last run) without migrating them,
 * in a few batched queries per server rather than a connection per tenant:
 *
 * <ul>
 *   <li>schema-per-tenant (PostgreSQL) and database-per-tenant MySQL/MariaDB: the tenants of one server
 *       are read over one connection per {@link SurveySettings#tenantsPerConnection()} tenants, up to the
 *       server's limit, by the engine's {@code TargetReader};</li>
 *   <li>database-per-tenant PostgreSQL: a connection per tenant's database, the server's limit at once;</li>
 *   <li>SQLite files: each read directly, the limit at once; a file that does not exist is uninitialized
 *       and is not created.</li>
 * </ul>
 *
 * Every server is read at the same time, each through at most as many connections as a run may hold on
 * it ({@code max_concurrency}, lowered by {@code defaults.per_server}, or by the run's own per-server limit). A tenant whose schema, database or
 * file does not exist is {@link Reading.Found} uninitialized; a server that fails or does not answer
 * within the connect and read timeouts makes its tenants {@link Reading.Unreachable} with the reason
 * (never its password). The connections are the survey's own, opened and closed within {@link #read};
 * the {@link Flotilla}'s pools are not used, so a survey may run beside other work. Thread-safety: one
 * call at a time.
 */
public final class FleetSurvey {

    private final Flotilla flotilla;
    private final SurveySettings settings;

    public FleetSurvey(Flotilla flotilla) {
        this(flotilla, SurveySettings.DEFAULTS);
    }

    public FleetSurvey(Flotilla flotilla, SurveySettings settings) {
        this.flotilla = flotilla;
        this.settings = settings;
    }

    /** One reading per tenant, in the order given: version rows, dirty step and last run (what status reports). */
    public Map<String, Reading> read(List<Tenant> tenants) {
        return read(tenants, ReadScope.STATUS);
    }

    /**
     * One reading per tenant, in the order given, with as much of each history table as {@code scope} asks:
     * {@link ReadScope#PLANNING} reads the version rows and the dirty step (every {@link Reading.Found#lastRun()}
     * is then empty), which is all a run needs to tell the tenants already at their target from the rest.
     */
    public Map<String, Reading> read(List<Tenant> tenants, ReadScope scope) {
        return read(tenants, scope, flotilla.config().defaults().perServer());
    }

    /**
     * As {@link #read(List, ReadScope)}, holding at most {@code perServer} connections on each server (fewer
     * where its {@code max_concurrency} is lower): a run reads with its own {@code --per-server}, so that the
     * survey never holds more connections on a server than the run's tenants may.
     */
    public Map<String, Reading> read(List<Tenant> tenants, ReadScope scope, int perServer) {
        if (perServer < 1) {
            throw new IllegalArgumentException("perServer must be at least 1, found " + perServer);
        }
        Map<String, List<ReadUnit>> units = SurveyPlan.units(flotilla, tenants, settings.tenantsPerConnection(),
                perServer);
        Map<String, Integer> limits = new LinkedHashMap<>();
        units.keySet().forEach(server -> limits.put(server,
                SurveyPlan.limit(flotilla.config().server(server).orElseThrow(), perServer)));
        MigratorSettings tables = flotilla.migrator(MigrationListener.NONE).settings();
        Executor timeouts = Runnable::run;
        UnitReader reader = new UnitReader(settings, new Readings(flotilla.migrations().graph()),
                tables.versionTable(), tables.historyTable(), scope, timeouts);
        Map<String, Reading> found = new Fanout(reader, UnitReader.limit(settings)).read(units, limits);
        Map<String, Reading> readings = new LinkedHashMap<>();
        tenants.forEach(tenant -> readings.put(tenant.id(), found.get(tenant.id())));
        return readings;
    }
}
