package dev.flotilla.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.flotilla.report.run.Results.skipped;
import static org.assertj.core.api.Assertions.assertThat;

class RunReportJsonTest {

    private static final Instant START = Instant.parse("2026-11-26T03:00:00Z");

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void recordsTheRunAndEveryTenantInSelectionOrder() throws Exception {
        TenantResult acme = new TenantResult("acme", "pg1", List.of(), List.of("r2"), List.of("r1", "r2"), 1,
                Duration.ofMillis(41), Outcome.MIGRATED, null);
        TenantResult globex = new TenantResult("globex", "my1", List.of("r1"), List.of("r1"), List.of(), 3,
                Duration.ofMillis(1200), Outcome.FAILED, "relation \"widgets\" already exists\nstatement 2 of r2");
        RunSummary summary = new RunSummary("20261126-030000-ab12", "upgrade", "heads", START,
                START.plusMillis(1500), List.of(acme, globex, skipped("initech", "failure budget spent")),
                Optional.of("failure budget of 1 spent"), false);
        Path file = dir.resolve("reports/run.json");

        new RunReportJson().write(summary, file);

        assertThat(mapper.readTree(file.toFile())).isEqualTo(mapper.readTree("""
                {"report_version": 1,
                 "run": {"id": "20261126-030000-ab12", "command": "upgrade", "target": "heads",
                         "started": "2026-11-26T03:00:00Z", "finished": "2026-11-26T03:00:01.500Z",
                         "elapsed_ms": 1500, "interrupted": false, "stop_reason": "failure budget of 1 spent",
                         "total": 3,
                         "counts": {"migrated": 1, "unchanged": 0, "planned": 0, "failed": 1, "locked": 0, "skipped": 1}},
                 "tenants": [
                   {"id": "acme", "server": "pg1", "from": [], "to": ["r2"], "steps": ["r1", "r2"], "attempts": 1,
                    "duration_ms": 41, "outcome": "migrated", "error": null},
                   {"id": "globex", "server": "my1", "from": ["r1"], "to": ["r1"], "steps": [], "attempts": 3,
                    "duration_ms": 1200, "outcome": "failed",
                    "error": "relation \\"widgets\\" already exists\\nstatement 2 of r2"},
                   {"id": "initech", "server": "my1", "from": ["r1"], "to": ["r1"], "steps": [], "attempts": 0,
                    "duration_ms": 0, "outcome": "skipped", "error": "failure budget spent"}]}
                """));
    }

    @Test
    void replacesAnEarlierReportWholeAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{\"an\": \"older, longer report that must not leave a tail behind\"}");
        RunSummary summary = new RunSummary("r-1", "stamp", "heads", START, START, List.of(), Optional.empty(), true);

        new RunReportJson().write(summary, file);

        JsonNode report = mapper.readTree(file.toFile());
        assertThat(report.get("run").get("interrupted").asBoolean()).isTrue();
        assertThat(report.get("run").get("stop_reason").isNull()).isTrue();
        assertThat(report.get("tenants").size()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("run.json");
        }
    }
}
