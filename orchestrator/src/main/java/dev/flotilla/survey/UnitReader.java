package dev.flotilla.survey;

import dev.flotilla.config.Secret;
import dev.flotilla.connect.ConnectFailures;
import dev.flotilla.engine.dialect.Dialect;
import dev.flotilla.engine.dialect.Dialects;
import dev.flotilla.engine.dialect.ReadScope;
import dev.flotilla.engine.dialect.TargetRows;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.template.JdbcUrl;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads one {@link ReadUnit} over one connection and answers a reading per tenant. A missing SQLite
 * file, a missing schema or database is uninitialized; any other failure makes every tenant of the unit
 * unreachable with a message naming the server, without the password. Thread-safe: each call uses its
 * own connection.
 */
final class UnitReader {

    private final SurveySettings settings;
    private final Readings readings;
    private final String versionTable;
    private final String historyTable;
    private final ReadScope scope;
    private final Executor timeouts;

    UnitReader(SurveySettings settings, Readings readings, String versionTable, String historyTable,
               ReadScope scope, Executor timeouts) {
        this.settings = settings;
        this.readings = readings;
        this.versionTable = versionTable;
        this.historyTable = historyTable;
        this.scope = scope;
        this.timeouts = timeouts;
    }

    /** Reads {@code unit}; {@code open} holds its connection while it is open, so a watchdog can abort it. */
    Map<String, Reading> read(ReadUnit unit, AtomicReference<Connection> open) {
        if (unit.how() == ReadUnit.How.SQLITE_FILE && !Files.isRegularFile(unit.file())) {
            if (Files.exists(unit.file())) {
                return unreachable(unit, "cannot read " + unit.file() + ": it is not a file (a folder?);"
                        + " move it away or correct the server's URL");
            }
            return Map.of(unit.tenants().get(0).id(), Readings.uninitialized(unit.tenants().get(0).id()));
        }
        Dialect dialect = Dialects.forUrl(unit.url());
        try (Connection connection = settings.connector().open(unit.server(), unit.url(), settings.connectTimeout())) {
            open.set(connection);
            if (unit.how() != ReadUnit.How.SQLITE_FILE) {
                connection.setNetworkTimeout(timeouts, (int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis()));
            }
            List<String> places = unit.how() == ReadUnit.How.CURRENT_SCHEMA
                    ? current(dialect, connection) : unit.places();
            List<TargetRows> rows = places.isEmpty() ? List.of()
                    : dialect.reader().read(connection, places, versionTable, historyTable, scope);
            return found(unit, rows);
        } catch (SQLException e) {
            if (unit.how() == ReadUnit.How.CURRENT_SCHEMA && ConnectFailures.databaseMissing(e)) {
                return Map.of(unit.tenants().get(0).id(), Readings.uninitialized(unit.tenants().get(0).id()));
            }
            return unreachable(unit, failure(unit, e));
        } catch (RuntimeException e) {
            return unreachable(unit, failure(unit, e));
        } finally {
            open.set(null);
        }
    }

    /** Every tenant of {@code unit} unreachable for {@code error}. */
    static Map<String, Reading> unreachable(ReadUnit unit, String error) {
        Map<String, Reading> result = new LinkedHashMap<>();
        unit.tenants().forEach(tenant -> result.put(tenant.id(), new Reading.Unreachable(tenant.id(), error)));
        return result;
    }

    /** The current schema, none when the search_path names no existing one (the tenant is then uninitialized). */
    private static List<String> current(Dialect dialect, Connection connection) throws SQLException {
        String schema = dialect.catalog().currentSchema(connection);
        return schema == null ? List.of() : List.of(schema);
    }

    private Map<String, Reading> found(ReadUnit unit, List<TargetRows> rows) {
        Map<String, Reading> result = new LinkedHashMap<>();
        for (int i = 0; i < unit.tenants().size(); i++) {
            Tenant tenant = unit.tenants().get(i);
            result.put(tenant.id(), rows.isEmpty() ? Readings.uninitialized(tenant.id())
                    : readings.found(tenant.id(), rows.get(i)));
        }
        return result;
    }

    /** The sentence every tenant of a failed unit carries: server, masked URL, cause, SQLSTATE, what to do. */
    static String failure(ReadUnit unit, Exception e) {
        String raw = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        if (e.getCause() != null && e.getCause().getMessage() != null && !raw.contains(e.getCause().getMessage())) {
            raw += ": " + e.getCause().getMessage().strip();
        }
        String state = e instanceof SQLException sql && sql.getSQLState() != null
                ? " [SQLSTATE " + sql.getSQLState() + "]" : "";
        return scrub(unit, "cannot read server '" + unit.server().name() + "' at " + unit.masked() + ": " + raw
                + state + "; check that the server is up and reachable with the configured user");
    }

    /** {@code text} without the server's password, wherever a driver may have echoed it. */
    static String scrub(ReadUnit unit, String text) {
        String masked = JdbcUrl.mask(text);
        return unit.server().credentials().password().map((Secret secret) -> secret.scrub(masked)).orElse(masked);
    }

    static Duration limit(SurveySettings settings) {
        return settings.connectTimeout().plus(settings.readTimeout());
    }
}
