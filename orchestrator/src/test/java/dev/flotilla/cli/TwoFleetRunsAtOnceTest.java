package dev.flotilla.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real {@code flotilla upgrade --all} processes started at once on one mixed fleet (PostgreSQL schemas,
 * MariaDB databases) whose three steps each create a table, sleep, and create another. MariaDB's DDL is not
 * transactional and its lock is {@code GET_LOCK}, so a step applied twice there would fail on its first table
 * or leave a second history row. The runs must overlap (each starts before the other ends, and tenants one of
 * them set out to migrate were the other's), and still every step is applied exactly once across both, by the
 * run whose report says it migrated that tenant; every tenant ends at head, and no lock is left.
 *
 * <p>The two runs wait differently for a tenant the other holds, and each gives one of the documented answers:
 * <ul>
 *   <li>{@code --lock-wait 30s} (the default) outlasts any tenant here (three steps of a 0.25 s sleep): that
 *       run waits the other out, reads the version again under the lock, finds it at head and ends the tenant
 *       {@code unchanged}; it never reports {@code locked};</li>
 *   <li>{@code --lock-wait 0} gives up at once: a tenant the other has not finished yet is {@code locked}
 *       (a warning, not a failure: exit 0), one it finished meanwhile is {@code unchanged}.</li>
 * </ul>
 */
@DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL})
class TwoFleetRunsAtOnceTest {

    private static final int SCHEMAS = 24;
    private static final int DATABASES = 8;
    private static final List<String> REVISIONS = List.of("a1a1a1a1a1a1", "b2b2b2b2b2b2", "c3c3c3c3c3c3");
    private static final List<String> PREFIXES = List.of("a", "b", "c");
    private static final String HEAD = REVISIONS.get(REVISIONS.size() - 1);

    @TempDir
    Path dir;

    private TestDatabase pg;
    private TestDatabase my;
    private MixedFleet fleet;

    @BeforeEach
    void emptyFleet(TestDatabases servers) throws Exception {
        pg = servers.createExtra(DatabaseKind.POSTGRESQL);
        my = servers.createExtra(DatabaseKind.MYSQL);
        for (int i = 0; i < REVISIONS.size(); i++) {
            writeRevision(i);
        }
        fleet = new MixedFleet(dir, pg, my, SCHEMAS, DATABASES, 0);
        fleet.create();
    }

    @AfterEach
    void dropTenantDatabases() throws Exception {
        if (fleet != null) {
            fleet.dropDatabases();
        }
    }

    @Test
    void twoProcessesOnOneFleetAtOnceShareItAndApplyEachStepExactlyOnce() throws Exception {
        Process waitingProcess = start("waiting", "30s");
        Process impatientProcess = start("impatient", "0");
        Report waiting;
        Report impatient;
        try {
            waiting = finished(waitingProcess, "waiting");
            impatient = finished(impatientProcess, "impatient");
        } finally {
            waitingProcess.destroyForcibly();
            impatientProcess.destroyForcibly();
        }

        assertThat(waiting.outcomes()).isSubsetOf("migrated", "unchanged");
        assertThat(impatient.outcomes()).isSubsetOf("migrated", "unchanged", "locked");
        assertOverlapped(waiting, impatient);
        assertThat(Files.readString(dir.resolve("waiting.err"))).isEmpty();
        // The impatient run warns of each tenant it left to the other, and of nothing else.
        assertThat(Files.readString(dir.resolve("impatient.err")).lines()).containsExactlyInAnyOrderElementsOf(
                impatient.tenants().values().stream().filter(tenant -> outcome(tenant).equals("locked"))
                        .map(tenant -> "warning: tenant '" + tenant.get("id").asText() + "': "
                                + tenant.get("error").asText())
                        .toList());

        Map<String, List<String>> history = history();
        for (String id : fleet.tenants()) {
            // Exactly one of the two migrated it, the whole way; the other applied nothing to it.
            Report migrating = outcome(waiting.tenants().get(id)).equals("migrated") ? waiting : impatient;
            Report other = migrating == waiting ? impatient : waiting;
            JsonNode migrated = migrating.tenants().get(id);
            JsonNode left = other.tenants().get(id);
            assertThat(outcome(migrated)).as(id).isEqualTo("migrated");
            assertThat(migrated.get("from")).as(id).isEmpty();
            assertThat(migrated.get("to")).extracting(JsonNode::asText).as(id).containsExactly(HEAD);
            assertThat(migrated.get("steps")).extracting(JsonNode::asText).as(id).containsExactlyElementsOf(REVISIONS);
            assertThat(left.get("steps")).as(id).isEmpty();
            if (outcome(left).equals("unchanged")) {
                assertThat(left.get("to")).extracting(JsonNode::asText).as(id).containsExactly(HEAD);
            } else {
                assertThat(outcome(left)).as(id).isEqualTo("locked");
                assertThat(left.get("error").asText()).as(id).contains(" is locked by another run (waited 0 ms");
            }
            // The database agrees: one applied row per step, each written by the run that reports the tenant
            // migrated; no failed, running or dirty row.
            String run = migrating.runId();
            assertThat(history.get(id)).as(id).containsExactly(
                    REVISIONS.get(0) + " applied by " + run,
                    REVISIONS.get(1) + " applied by " + run,
                    REVISIONS.get(2) + " applied by " + run);
        }
        assertThat(versions()).allSatisfy((id, version) -> assertThat(version).as(id).containsExactly(HEAD));
        assertThat(tables()).allSatisfy((id, tables) -> assertThat(tables).as(id).containsExactly("a_first",
                "a_second", "b_first", "b_second", "c_first", "c_second", "flotilla_history", "flotilla_version"));
        awaitNoLocksLeft();
    }

    /**
     * The two runs were at work at once, on the same tenants: each started before the other finished, the
     * impatient one migrated some tenants, and the waiting one set out to migrate some (they were behind when
     * it planned, so it attempted them) that it then found at head: the other run had taken them first. The
     * waiting run may migrate few tenants or none itself: once behind, it trails the other, waiting on each
     * tenant the other has just taken.
     */
    private void assertOverlapped(Report waiting, Report impatient) {
        assertThat(waiting.started()).isBefore(impatient.finished());
        assertThat(impatient.started()).isBefore(waiting.finished());
        assertThat(impatient.outcomes()).contains("migrated");
        assertThat(waiting.tenants().values()).filteredOn(tenant -> outcome(tenant).equals("unchanged"))
                .extracting(tenant -> tenant.get("attempts").asInt()).contains(1);
    }

    /** Waits for a run to end; it exits 0 with a report of every tenant, none failed or skipped. */
    private Report finished(Process child, String name) throws Exception {
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(name + " ended").isTrue();
        assertThat(child.exitValue()).as("%s exit code; stdout:%n%s%nstderr:%n%s", name,
                Files.readString(dir.resolve(name + ".out")), Files.readString(dir.resolve(name + ".err"))).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve(name + ".json").toFile());
        JsonNode run = report.get("run");
        assertThat(run.get("counts").get("failed").asInt()).as(name).isZero();
        assertThat(run.get("counts").get("skipped").asInt()).as(name).isZero();
        Map<String, JsonNode> tenants = new LinkedHashMap<>();
        report.get("tenants").forEach(tenant -> tenants.put(tenant.get("id").asText(), tenant));
        assertThat(tenants.keySet()).as(name).containsExactlyElementsOf(fleet.tenants());
        return new Report(run.get("id").asText(), Instant.parse(run.get("started").asText()),
                Instant.parse(run.get("finished").asText()), tenants);
    }

    /** What one run's {@code --report} says: its id, when it ran, and each tenant's entry by id. */
    private record Report(String runId, Instant started, Instant finished, Map<String, JsonNode> tenants) {

        List<String> outcomes() {
            return tenants.values().stream().map(TwoFleetRunsAtOnceTest::outcome).toList();
        }
    }

    private static String outcome(JsonNode tenant) {
        return tenant.get("outcome").asText();
    }

    private Process start(String name, String lockWait) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "upgrade", "--all", "--concurrency", "4",
                "--lock-wait", lockWait, "--report", name + ".json")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().put("PG_PASSWORD", pg.password());
        builder.environment().put("MY_PASSWORD", my.password());
        builder.environment().put("USER", "tester");
        builder.environment().remove("DATABASE_URL");
        return builder.start();
    }

    private void writeRevision(int index) throws Exception {
        String prefix = PREFIXES.get(index);
        String body = "CREATE TABLE " + prefix + "_first (id INTEGER);\n%s\n"
                + "CREATE TABLE " + prefix + "_second (id INTEGER);\n";
        String text = "-- revision: " + REVISIONS.get(index) + "\n"
                + "-- down_revision: " + (index == 0 ? "" : REVISIONS.get(index - 1)) + "\n"
                + "-- message: step " + prefix + "\n"
                + "\n"
                + "-- migrate:upgrade dialect=postgresql\n" + body.formatted("SELECT pg_sleep(0.25);") + "\n"
                + "-- migrate:upgrade dialect=mysql\n" + body.formatted("DO SLEEP(0.25);") + "\n"
                + "-- migrate:downgrade\nDROP TABLE " + prefix + "_second;\nDROP TABLE " + prefix + "_first;\n";
        Path file = dir.resolve("migrations/versions/" + REVISIONS.get(index) + "_step_" + prefix + ".sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Every tenant's history rows as {@code <revision> <outcome> by <run id>}, by revision. */
    private Map<String, List<String>> history() throws SQLException {
        return perTenant((name, place) -> "SELECT revision, outcome, run_id FROM " + place + "flotilla_history"
                + " ORDER BY revision, id", rows -> rows.getString(1) + " " + rows.getString(2) + " by "
                + rows.getString(3));
    }

    private Map<String, List<String>> versions() throws SQLException {
        return perTenant((name, place) -> "SELECT version_num FROM " + place + "flotilla_version",
                rows -> rows.getString(1));
    }

    private Map<String, List<String>> tables() throws SQLException {
        return perTenant((name, place) -> "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + name + "' ORDER BY table_name", rows -> rows.getString(1));
    }

    private interface Row {
        String read(ResultSet rows) throws SQLException;
    }

    /** A query of one tenant: {@code name} is its schema or database, {@code place} that quoted, with a dot. */
    private interface Query {
        String of(String name, String place);
    }

    /** One query's rows in every tenant. */
    private Map<String, List<String>> perTenant(Query query, Row row) throws SQLException {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String id : fleet.pgTenants()) {
            all.put(id, rows(pg, query.of(id, "\"" + id + "\"."), row));
        }
        for (String id : fleet.myTenants()) {
            all.put(id, rows(my, query.of(fleet.database(id), "`" + fleet.database(id) + "`."), row));
        }
        return all;
    }

    private static List<String> rows(TestDatabase db, String sql, Row row) throws SQLException {
        List<String> read = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                read.add(row.read(rows));
            }
        }
        return read;
    }

    /**
     * No advisory lock on PostgreSQL, no {@code GET_LOCK} on MariaDB. Both processes have exited, but a server
     * ends a session a moment after its client closed it, so this waits a little for that, bounded.
     */
    private void awaitNoLocksLeft() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((advisoryLocks() > 0 || namedLocks() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(advisoryLocks()).as("advisory locks on PostgreSQL").isZero();
        assertThat(namedLocks()).as("GET_LOCK locks on MariaDB").isZero();
    }

    private int advisoryLocks() throws SQLException {
        return Integer.parseInt(rows(pg, "SELECT COUNT(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                + " WHERE l.locktype = 'advisory' AND d.datname = '" + pg.name() + "'", rows -> rows.getString(1))
                .get(0));
    }

    private int namedLocks() throws SQLException {
        String held = fleet.myTenants().stream()
                .map(id -> "(IS_USED_LOCK('flotilla:" + fleet.database(id) + ".flotilla_version') IS NOT NULL)")
                .collect(Collectors.joining(" + "));
        return Integer.parseInt(rows(my, "SELECT " + held, rows -> rows.getString(1)).get(0));
    }
}
