package dev.flotilla.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.cli.TestCli.Result;
import dev.flotilla.journal.FileJournalStore;
import dev.flotilla.journal.RecordedRun;
import dev.flotilla.run.Outcome;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code kill -9} of a real {@code flotilla upgrade --all} process while tenants of a mixed fleet (PostgreSQL
 * schemas, MariaDB databases) are in the middle of their steps, then a second run. Each of the three steps
 * creates a table, sleeps, and creates another, so the kill finds steps between two statements:
 * <ul>
 *   <li>PostgreSQL: every tenant's recorded version is exactly the DDL it holds (the step in flight rolled
 *       back), and the server drops the killed run's advisory locks;</li>
 *   <li>MariaDB: a tenant killed mid-step holds the first table of that step and a {@code running} history
 *       row at the statement it reached; {@code status} calls it dirty, and the second run refuses it naming
 *       the revision and the statement; every other tenant holds exactly the DDL of its version;</li>
 *   <li>the killed run's journal has no end, names as unfinished every tenant it left part-way, and holds a
 *       result only for tenants the databases show at head;</li>
 *   <li>the second {@code upgrade --all} brings every other tenant to head, applying each step exactly once
 *       across both runs, and exits 1 only for the dirty tenants, which it leaves as they were.</li>
 * </ul>
 */
@DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL})
class FleetCrashTest {

    private static final int SCHEMAS = 30;
    private static final int DATABASES = 10;
    private static final List<String> REVISIONS = List.of("a1a1a1a1a1a1", "b2b2b2b2b2b2", "c3c3c3c3c3c3");
    private static final List<String> PREFIXES = List.of("a", "b", "c");
    /** MariaDB's sleep is longer, so that the kill surely comes in the middle of one. */
    private static final int MY_SLEEP_MS = 400;
    /** Each step: its first table, a sleep, its second table. */
    private static final int STATEMENTS = 3;

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
    void aKilledRunLeavesEveryVersionMatchingItsDdlAndOnlyMariaDbTenantsCaughtMidStepDirty() throws Exception {
        Process child = start();
        try {
            awaitMidRun(child);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no journal end, no lock released by the client
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ended").isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(128 + 9);
        awaitNoLocksLeft();

        Map<String, TenantState> afterKill = readFleet();
        afterKill.forEach(this::assertConsistent);
        Map<String, TenantState> dirty = filter(afterKill, TenantState::dirty);
        assertThat(dirty.keySet()).isNotEmpty().allMatch(fleet.myTenants()::contains);
        // The kill came with some tenants done and others not yet started.
        assertThat(filter(afterKill, state -> state.version() == REVISIONS.size())).isNotEmpty();
        assertThat(filter(afterKill, state -> !state.touched())).isNotEmpty();

        RecordedRun killed = killedRun();
        assertJournalNamesWhatWasLeftUnfinished(killed, afterKill);
        assertThat(killed.unfinished()).containsAll(dirty.keySet()).anyMatch(fleet.pgTenants()::contains);

        TestCli cli = new TestCli(dir).env("USER", "tester").env("PG_PASSWORD", pg.password())
                .env("MY_PASSWORD", my.password());
        assertStatusShows(cli, afterKill);
        assertSecondRunFinishesAllButTheDirty(cli, afterKill, dirty);
        assertThat(advisoryLocks()).isZero();
        assertThat(namedLocks()).isZero();
    }

    /**
     * The journal of the killed run has no end; every tenant it changed was recorded as started; those it
     * recorded as ended are at head; every one it changed and did not record as ended is unfinished, so a
     * resume takes it again.
     */
    private void assertJournalNamesWhatWasLeftUnfinished(RecordedRun killed, Map<String, TenantState> afterKill) {
        assertThat(killed.end()).isEmpty();
        assertThat(killed.header().tenants()).containsExactlyElementsOf(fleet.tenants());
        // Four workers: at most four tenants were between their start and end records when the kill came.
        assertThat(killed.unfinished()).hasSizeBetween(1, 4);
        assertThat(killed.results()).isNotEmpty().allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.MIGRATED);
            assertThat(result.steps()).containsExactlyElementsOf(REVISIONS);
            assertThat(afterKill.get(result.tenant()).version()).as(result.tenant()).isEqualTo(REVISIONS.size());
        });
        afterKill.values().stream().filter(TenantState::touched).forEach(state -> {
            assertThat(killed.started()).as("started").contains(state.id());
            if (!killed.byTenant().containsKey(state.id())) {
                assertThat(killed.unfinished()).as("unfinished").contains(state.id());
            }
        });
        assertThat(killed.resume()).containsAll(killed.unfinished())
                .doesNotContainAnyElementsOf(killed.byTenant().keySet());
    }

    /**
     * {@code upgrade --all} again: the dirty tenants fail, refused before anything touches them, with the
     * revision and the statement reached; every other tenant ends at head with each step applied exactly once
     * across both runs; exit code 1.
     */
    private void assertSecondRunFinishesAllButTheDirty(TestCli cli, Map<String, TenantState> afterKill,
                                                        Map<String, TenantState> dirty) throws Exception {
        Path reportFile = dir.resolve("second.json");
        Result second = cli.run("upgrade", "--all", "--concurrency", "4", "--report", reportFile.toString());
        assertThat(second.exitCode()).as("stdout:%n%s%nstderr:%n%s", second.out(), second.err()).isEqualTo(1);
        assertThat(second.out().lines().filter(line -> line.endsWith(": failed")))
                .containsExactlyInAnyOrderElementsOf(dirty.keySet().stream().map(id -> id + ": failed").toList());
        assertThat(second.err().lines()).containsExactlyInAnyOrderElementsOf(
                dirty.values().stream().map(state -> "error: " + dirtyRefusal(state)).toList());
        JsonNode report = new ObjectMapper().readTree(reportFile.toFile());
        assertThat(report.get("tenants")).hasSize(SCHEMAS + DATABASES);
        assertThat(report.get("run").get("counts").get("failed").asInt()).isEqualTo(dirty.size());
        Map<String, TenantState> afterSecond = readFleet();
        for (JsonNode tenant : report.get("tenants")) {
            String id = tenant.get("id").asText();
            TenantState before = afterKill.get(id);
            if (before.dirty()) {
                assertThat(tenant.get("outcome").asText()).as(id).isEqualTo("failed");
                assertThat(tenant.get("error").asText()).as(id).isEqualTo(dirtyRefusal(before));
                assertThat(afterSecond.get(id)).as(id).isEqualTo(before);
            } else {
                List<String> remaining = REVISIONS.subList(before.version(), REVISIONS.size());
                assertThat(tenant.get("outcome").asText()).as(id)
                        .isEqualTo(remaining.isEmpty() ? "unchanged" : "migrated");
                assertThat(tenant.get("steps")).extracting(JsonNode::asText).as(id)
                        .containsExactlyElementsOf(remaining);
                assertThat(afterSecond.get(id)).as(id).isEqualTo(TenantState.at(id, REVISIONS.size()));
            }
        }
    }

    /** Status reads the fleet as the databases show it: the MariaDB tenants caught mid-step are dirty. */
    private void assertStatusShows(TestCli cli, Map<String, TenantState> fleet) throws Exception {
        Result status = cli.run("status", "--format", "json", "-v");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(status.out());
        Map<String, String> states = new TreeMap<>();
        Map<String, String> errors = new TreeMap<>();
        for (JsonNode tenant : json.get("tenants")) {
            states.put(tenant.get("id").asText(), tenant.get("state").asText());
            if (tenant.get("state").asText().equals("dirty")) {
                errors.put(tenant.get("id").asText(), tenant.get("error").asText());
            }
        }
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> expectedErrors = new TreeMap<>();
        fleet.values().forEach(state -> {
            expected.put(state.id(), state.statusState());
            if (state.dirty()) {
                HistoryRow step = state.dirtyStep();
                expectedErrors.put(state.id(), "the upgrade of " + step.revision() + " interrupted after statement "
                        + step.done() + " of " + STATEMENTS);
            }
        });
        assertThat(states).isEqualTo(expected);
        assertThat(errors).isEqualTo(expectedErrors);
        assertThat(json.get("summary").get("byState").get("dirty").asInt()).isEqualTo(expectedErrors.size());
    }

    /** What the second run says of a dirty tenant: the revision, the statement reached, what to do. */
    private static String dirtyRefusal(TenantState state) {
        HistoryRow step = state.dirtyStep();
        String where = step.done() == 0 ? "before its first statement completed"
                : "after statement " + step.done() + " of " + STATEMENTS + " completed";
        return "tenant '" + state.id() + "' is dirty: the upgrade of revision " + step.revision()
                + " was interrupted (the process died or lost its connection) " + where + ". Nothing will migrate it"
                + " until it is repaired: check the database, then run 'repair --tenant " + state.id() + " --resume'"
                + " (run the remaining statements), 'repair --tenant " + state.id() + " --mark-applied' (you"
                + " finished the step by hand) or 'repair --tenant " + state.id() + " --mark-not-applied' (you undid it).";
    }

    /**
     * A tenant's DDL is exactly what its version says: the tables of every applied step and no other, one
     * {@code applied} history row per applied step. A MariaDB tenant whose step was killed also holds the
     * tables of the statements its {@code running} row counts, and at most one statement more (the kill may
     * come between a statement and the row's update).
     */
    private void assertConsistent(String id, TenantState state) {
        List<HistoryRow> applied = IntStream.range(0, state.version())
                .mapToObj(i -> new HistoryRow(REVISIONS.get(i), "applied", STATEMENTS)).toList();
        if (!state.dirty()) {
            assertThat(state.history()).as(id).containsExactlyElementsOf(applied);
            assertThat(state.tables()).as(id).isEqualTo(tablesAfter(state.version(), 0));
            return;
        }
        HistoryRow step = state.dirtyStep();
        assertThat(step.revision()).as(id).isEqualTo(REVISIONS.get(state.version()));
        assertThat(state.history().subList(0, state.history().size() - 1)).as(id).containsExactlyElementsOf(applied);
        assertThat(state.tables()).as(id).isIn(tablesAfter(state.version(), step.done()),
                tablesAfter(state.version(), step.done() + 1));
    }

    /** The tables after {@code version} steps and the first {@code statements} statements of the next. */
    private static List<String> tablesAfter(int version, int statements) {
        List<String> tables = new ArrayList<>();
        for (int i = 0; i < version; i++) {
            tables.add(PREFIXES.get(i) + "_first");
            tables.add(PREFIXES.get(i) + "_second");
        }
        if (statements >= 1) {
            tables.add(PREFIXES.get(version) + "_first");
        }
        if (statements >= 3) {
            tables.add(PREFIXES.get(version) + "_second");
        }
        return tables.stream().sorted().toList();
    }

    private void writeRevision(int index) throws Exception {
        String prefix = PREFIXES.get(index);
        String body = "CREATE TABLE " + prefix + "_first (id INTEGER);\n%s\n"
                + "CREATE TABLE " + prefix + "_second (id INTEGER);\n";
        String text = "-- revision: " + REVISIONS.get(index) + "\n"
                + "-- down_revision: " + (index == 0 ? "" : REVISIONS.get(index - 1)) + "\n"
                + "-- message: step " + prefix + "\n"
                + "\n"
                + "-- migrate:upgrade dialect=postgresql\n" + body.formatted("SELECT pg_sleep(0.2);") + "\n"
                + "-- migrate:upgrade dialect=mysql\n" + body.formatted("DO SLEEP(" + MY_SLEEP_MS / 1000.0 + ");")
                + "\n"
                + "-- migrate:downgrade\nDROP TABLE " + prefix + "_second;\nDROP TABLE " + prefix + "_first;\n";
        Path file = dir.resolve("migrations/versions/" + REVISIONS.get(index) + "_step_" + prefix + ".sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Process start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "upgrade", "--all", "--concurrency", "4")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("PG_PASSWORD", pg.password());
        builder.environment().put("MY_PASSWORD", my.password());
        builder.environment().put("USER", "tester");
        builder.environment().remove("DATABASE_URL");
        return builder.start();
    }

    /**
     * Waits until some tenants have ended (in the journal) while a PostgreSQL step and a MariaDB step are
     * sleeping between their two statements, each for less than half its sleep, so that the kill comes before
     * either can finish its step.
     */
    private void awaitMidRun(Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (endedInJournal() < 6
                || count(pg, "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'flotilla' AND datname = '"
                        + pg.name() + "' AND state = 'active' AND query LIKE 'SELECT pg_sleep%'"
                        + " AND now() - query_start < interval '100 milliseconds'") < 1
                || count(my, "SELECT COUNT(*) FROM information_schema.processlist WHERE db LIKE '" + my.name()
                        + "\\_m%' AND info LIKE 'DO SLEEP%' AND time_ms < " + MY_SLEEP_MS / 2) < 1) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                fail("never caught mid-run; stdout: " + Files.readString(dir.resolve("out.txt")) + "\nstderr: "
                        + Files.readString(dir.resolve("err.txt")));
            }
            Thread.sleep(10);
        }
    }

    private long endedInJournal() throws Exception {
        Path runs = dir.resolve(".flotilla/runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(runs)) {
            List<Path> journals = files.filter(file -> file.toString().endsWith(".jsonl")).toList();
            long ended = 0;
            for (Path journal : journals) {
                ended += Files.readAllLines(journal).stream()
                        .filter(line -> line.contains("\"type\":\"tenant\"")).count();
            }
            return ended;
        }
    }

    private RecordedRun killedRun() throws Exception {
        Path runs = dir.resolve(".flotilla/runs");
        List<String> ids;
        try (Stream<Path> files = Files.list(runs)) {
            ids = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jsonl"))
                    .map(name -> name.substring(0, name.length() - ".jsonl".length())).toList();
        }
        assertThat(ids).hasSize(1);
        return new FileJournalStore(runs).read(ids.get(0));
    }

    /**
     * The killed run's sessions end once the servers notice their client is gone (at the end of the sleep
     * in flight at the latest); until then they hold their tenants' locks. Waits for that, bounded.
     */
    private void awaitNoLocksLeft() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while ((advisoryLocks() > 0 || namedLocks() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(advisoryLocks()).as("advisory locks on PostgreSQL").isZero();
        assertThat(namedLocks()).as("GET_LOCK locks on MariaDB").isZero();
    }

    private int advisoryLocks() throws Exception {
        return count(pg, "SELECT COUNT(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                + " WHERE l.locktype = 'advisory' AND d.datname = '" + pg.name() + "'");
    }

    private int namedLocks() throws Exception {
        String held = fleet.myTenants().stream()
                .map(id -> "(IS_USED_LOCK('flotilla:" + fleet.database(id) + ".flotilla_version') IS NOT NULL)")
                .collect(Collectors.joining(" + "));
        return count(my, "SELECT " + held);
    }

    private static int count(TestDatabase db, String sql) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private Map<String, TenantState> readFleet() throws SQLException {
        Map<String, TenantState> states = new LinkedHashMap<>();
        try (Connection connection = pg.connect()) {
            for (String id : fleet.pgTenants()) {
                states.put(id, TenantState.read(connection, id, id, "\""));
            }
        }
        try (Connection connection = my.connect()) {
            for (String id : fleet.myTenants()) {
                states.put(id, TenantState.read(connection, id, fleet.database(id), "`"));
            }
        }
        return states;
    }

    private static Map<String, TenantState> filter(Map<String, TenantState> fleet, Predicate<TenantState> test) {
        Map<String, TenantState> kept = new TreeMap<>();
        fleet.forEach((id, state) -> {
            if (test.test(state)) {
                kept.put(id, state);
            }
        });
        return kept;
    }

    /** One history row: revision, outcome, statements done (all upgrades here). */
    record HistoryRow(String revision, String outcome, int done) {
    }

    /**
     * A tenant as its database shows it.
     *
     * @param initialized whether it has a version table
     * @param version     how many steps its version row says are applied
     * @param tables      its tables other than Flotilla's, sorted
     * @param history     its history rows, oldest first
     */
    record TenantState(String id, boolean initialized, int version, List<String> tables, List<HistoryRow> history) {

        static TenantState at(String id, int version) {
            return new TenantState(id, true, version, tablesAfter(version, 0), IntStream.range(0, version)
                    .mapToObj(i -> new HistoryRow(REVISIONS.get(i), "applied", STATEMENTS)).toList());
        }

        static TenantState read(Connection connection, String id, String place, String quote) throws SQLException {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name")) {
                statement.setString(1, place);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            boolean initialized = tables.remove("flotilla_version");
            boolean hasHistory = tables.remove("flotilla_history");
            tables.sort(null);
            int version = 0;
            List<HistoryRow> history = new ArrayList<>();
            String prefix = quote + place + quote + ".";
            try (Statement statement = connection.createStatement()) {
                if (initialized) {
                    try (ResultSet rows = statement.executeQuery(
                            "SELECT version_num FROM " + prefix + "flotilla_version")) {
                        if (rows.next()) {
                            version = REVISIONS.indexOf(rows.getString(1)) + 1;
                            assertThat(version).as(id + " knows its revision").isPositive();
                            assertThat(rows.next()).as(id + " has one version row").isFalse();
                        }
                    }
                }
                if (hasHistory) {
                    try (ResultSet rows = statement.executeQuery(
                            "SELECT revision, outcome, statements_done, direction FROM "
                            + prefix + "flotilla_history ORDER BY revision, started_at")) {
                        while (rows.next()) {
                            assertThat(rows.getString(4)).isEqualTo("upgrade");
                            history.add(new HistoryRow(rows.getString(1), rows.getString(2), rows.getInt(3)));
                        }
                    }
                }
            }
            return new TenantState(id, initialized, version, tables, history);
        }

        boolean dirty() {
            return history.stream().anyMatch(row -> !row.outcome().equals("applied"));
        }

        HistoryRow dirtyStep() {
            assertThat(history.get(history.size() - 1).outcome()).as(id).isEqualTo("running");
            return history.get(history.size() - 1);
        }

        /** The run reached it: it has Flotilla's tables or any of its own. */
        boolean touched() {
            return initialized || !tables.isEmpty();
        }

        String statusState() {
            if (dirty()) {
                return "dirty";
            }
            if (!initialized) {
                return "uninitialized";
            }
            return version == REVISIONS.size() ? "current" : "behind";
        }
    }
}
