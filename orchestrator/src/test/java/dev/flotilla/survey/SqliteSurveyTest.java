package dev.flotilla.survey;

import dev.flotilla.Flotilla;
import dev.flotilla.engine.migrate.HistoryEntry;
import dev.flotilla.engine.migrate.TargetStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.flotilla.cli.SampleProject.R1;
import static dev.flotilla.cli.SampleProject.R2;
import static dev.flotilla.cli.SampleProject.R3;
import static dev.flotilla.survey.SurveyFleet.B1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * File-per-tenant on SQLite: files read in parallel, no more at once than the server's limit; a file
 * that does not exist is uninitialized and is still missing afterwards; a file that is not a database
 * is unreachable with the reason.
 */
class SqliteSurveyTest {

    @TempDir
    Path dir;

    private SurveyFleet fleet;

    @BeforeEach
    void project() {
        fleet = new SurveyFleet(dir).config("""
                files:
                  url: jdbc:sqlite:data/${tenant.id}.db
                  pool_size: 3
                """);
    }

    @Test
    void readsFilesInEveryStateWithoutCreatingMissingOnes() throws Exception {
        List<String> tenants = new ArrayList<>(List.of("{id: heads, server: files}", "{id: first, server: files}",
                "{id: missing, server: files}", "{id: empty, server: files}", "{id: dirty, server: files}",
                "{id: garbage, server: files}"));
        IntStream.range(0, 20).forEach(i -> tenants.add("{id: n" + i + ", server: files}"));
        fleet.tenants(tenants);
        SurveyFleet.CountingConnector connector = new SurveyFleet.CountingConnector();
        try (Flotilla flotilla = fleet.open(Map.of("USER", "tester"))) {
            flotilla.tenant("heads").provision();
            flotilla.tenant("first").upgrade(R1);
            flotilla.tenant("dirty").upgrade(R1);
            for (int i = 0; i < 20; i++) {
                flotilla.tenant("n" + i).upgrade(i % 2 == 0 ? R2 : "heads");
            }
            Files.createFile(dir.resolve("data/empty.db"));
            Files.writeString(dir.resolve("data/garbage.db"), "not a database, but long enough to be read as a header "
                    + "by SQLite, which then refuses it".repeat(4));
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/dirty.db"));
                 Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO flotilla_history (run_id, revision, direction, started_at, outcome,"
                        + " applied_by) VALUES ('run-9', '" + R2 + "', 'upgrade', '2024-05-01 10:00:00', 'running', 'tester')");
            }

            Map<String, Reading> readings = new FleetSurvey(flotilla, SurveySettings.DEFAULTS.withConnector(connector))
                    .read(flotilla.registry().tenants());

            assertThat(((Reading.Found) readings.get("heads")).status().revisions()).containsExactlyInAnyOrder(R3, B1);
            assertThat(((Reading.Found) readings.get("first")).status().revisions()).containsExactly(R1);
            assertThat(readings.get("missing")).isEqualTo(new Reading.Found("missing",
                    new TargetStatus(false, List.of(), Optional.empty()), Optional.empty()));
            assertThat(dir.resolve("data/missing.db")).doesNotExist();
            assertThat(readings.get("empty")).isEqualTo(new Reading.Found("empty",
                    new TargetStatus(false, List.of(), Optional.empty()), Optional.empty()));
            Reading.Found dirty = (Reading.Found) readings.get("dirty");
            assertThat(dirty.status().dirtyStep().map(HistoryEntry::outcome)).contains(HistoryEntry.Outcome.RUNNING);
            assertThat(dirty.status().dirtyStep().map(HistoryEntry::startedAt))
                    .contains(java.time.Instant.parse("2024-05-01T10:00:00Z"));
            assertThat(readings.get("garbage")).isInstanceOfSatisfying(Reading.Unreachable.class, unreachable ->
                    assertThat(unreachable.error()).startsWith("cannot read server 'files' at jdbc:sqlite:")
                            .contains("garbage.db: ").contains("file is not a database"));
            assertThat(PostgresSurveyTest.revisionsCount(withoutGarbage(readings)))
                    .containsEntry(R2, 10L).containsEntry(B1 + "," + R3, 11L);
            assertThat(connector.peak.get()).isBetween(1, 3);
            assertThat(connector.opened.get()).isEqualTo(25); // every file but the missing one
            assertThat(connector.open.get()).isZero();
            SurveyFleet.assertSameAsStatus(flotilla, withoutGarbage(readings));
            SurveyFleet.assertPlanningReadIsStatusWithoutLastRun(flotilla, readings);
            assertThat(dir.resolve("data/missing.db")).doesNotExist();
        }
    }

    private static Map<String, Reading> withoutGarbage(Map<String, Reading> readings) {
        Map<String, Reading> found = new java.util.LinkedHashMap<>(readings);
        found.remove("garbage");
        return found;
    }
}
