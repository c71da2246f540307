package dev.flotilla.survey;

import dev.flotilla.Flotilla;
import dev.flotilla.cli.SampleProject;
import dev.flotilla.config.ServerConfig;
import dev.flotilla.engine.EngineException;
import dev.flotilla.engine.dialect.ReadScope;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.registry.Tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A survey test's project: the sample's three revisions plus a second base ({@link #B1}), so that
 * {@code heads} means two version rows; a config and a tenant file written by the test; and a connector
 * that counts the connections a survey opens.
 */
final class SurveyFleet {

    static final String B1 = "b1b2b3b4b5b6";

    private final Path dir;

    SurveyFleet(Path dir) {
        this.dir = dir;
        new SampleProject(dir).create();
        new SampleProject(dir).write(B1, "", "audit branch", "CREATE TABLE audit (id INTEGER);\n", "DROP TABLE audit;\n");
    }

    /** Writes {@code flotilla.yaml} with {@code servers} (YAML under {@code servers:}) and a file registry. */
    SurveyFleet config(String servers) {
        write("flotilla.yaml", "scripts: migrations\nservers:\n" + servers.stripTrailing().indent(2)
                + "registry:\n  file: tenants.yaml\n");
        return this;
    }

    /** Writes {@code tenants.yaml} with one line per tenant, each a YAML flow mapping. */
    SurveyFleet tenants(List<String> lines) {
        StringBuilder text = new StringBuilder("tenants:\n");
        lines.forEach(line -> text.append("  - ").append(line).append('\n'));
        write("tenants.yaml", text.toString());
        return this;
    }

    Flotilla open(Map<String, String> env) {
        return Flotilla.open(dir.resolve("flotilla.yaml"), env);
    }

    private void write(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every tenant's reading is what {@code status()} says of it, one tenant at a time; where status fails
     * because the tenant's schema or database does not exist, the reading is uninitialized.
     *
     * @return the tenants whose status failed
     */
    static Set<String> assertSameAsStatus(Flotilla flotilla, Map<String, Reading> readings) {
        Set<String> missing = new TreeSet<>();
        for (String id : readings.keySet()) {
            Tenant tenant = flotilla.registry().tenant(id);
            TargetStatus status;
            try {
                status = flotilla.tenant(tenant).status();
            } catch (EngineException e) {
                missing.add(id);
                status = new TargetStatus(false, List.of(), Optional.empty());
            }
            TargetStatus expected = status;
            assertThat(readings.get(id)).as(id).isInstanceOfSatisfying(Reading.Found.class,
                    found -> assertThat(found.status()).as(id).isEqualTo(expected));
        }
        return missing;
    }

    /** Opens connections through the drivers, counting those open at once and in all. */
    /**
     * Reads {@code statusReadings}' tenants again for planning and asserts that each reading is the status
     * reading without its last run: the same version rows, the same dirty step, the same failures.
     */
    static void assertPlanningReadIsStatusWithoutLastRun(Flotilla flotilla, Map<String, Reading> statusReadings) {
        List<Tenant> tenants = flotilla.registry().tenants().stream()
                .filter(tenant -> statusReadings.containsKey(tenant.id())).toList();
        Map<String, Reading> planning = new FleetSurvey(flotilla).read(tenants, ReadScope.PLANNING);
        assertThat(planning.keySet()).containsExactlyElementsOf(statusReadings.keySet());
        statusReadings.forEach((id, reading) -> assertThat(planning.get(id)).as(id).isEqualTo(
                reading instanceof Reading.Found found
                        ? new Reading.Found(id, found.status(), Optional.empty()) : reading));
    }

    static final class CountingConnector implements ServerConnector {
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final AtomicInteger opened = new AtomicInteger();

        @Override
        public Connection open(ServerConfig server, String url, Duration timeout) throws SQLException {
            Connection connection = DRIVERS.open(server, url, timeout);
            opened.incrementAndGet();
            peak.accumulateAndGet(open.incrementAndGet(), Math::max);
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && !connection.isClosed()) {
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
