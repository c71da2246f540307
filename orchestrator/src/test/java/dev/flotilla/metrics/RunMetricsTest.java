package dev.flotilla.metrics;

import dev.flotilla.run.Outcome;
import dev.flotilla.run.RunSummary;
import dev.flotilla.run.TenantResult;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RunMetricsTest {

    static final Instant START = Instant.parse("2026-11-26T03:00:00Z");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RunMetrics metrics = new RunMetrics(registry);

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    @Test
    void everyOutcomeCountsFromZeroBeforeAnyTenantEnds() {
        assertThat(Samples.flotilla(registry.scrape())).contains(
                entry("flotilla_tenants_total{outcome=\"migrated\"}", 0.0),
                entry("flotilla_tenants_total{outcome=\"unchanged\"}", 0.0),
                entry("flotilla_tenants_total{outcome=\"planned\"}", 0.0),
                entry("flotilla_tenants_total{outcome=\"failed\"}", 0.0),
                entry("flotilla_tenants_total{outcome=\"locked\"}", 0.0),
                entry("flotilla_tenants_total{outcome=\"skipped\"}", 0.0),
                entry("flotilla_tenants_in_flight", 0.0),
                entry("flotilla_retries_total", 0.0));
    }

    @Test
    void countsTenantsByOutcomeTimesTenantsAndStepsAndCountsRetries() {
        metrics.runStarted("r-1", "upgrade", 3);
        // As a run does right after it starts: every server's circuit, closed.
        metrics.circuitChanged("pg1", "closed");
        metrics.circuitChanged("my1", "closed");
        metrics.tenantStarted("a", "pg1");
        metrics.stepFinished("a", "pg1", "r1", Duration.ofMillis(250));
        metrics.stepFinished("a", "pg1", "r2", Duration.ofMillis(750));
        metrics.tenantStarted("b", "my1");
        metrics.tenantRetrying("b", "my1", 1, "lock timeout", Duration.ofMillis(100));
        metrics.tenantRetrying("b", "my1", 2, "lock timeout", Duration.ofMillis(200));
        metrics.tenantFinished(result("a", Outcome.MIGRATED, 1, 1500, null));
        metrics.tenantFinished(result("b", Outcome.FAILED, 3, 500, "lock timeout"));
        metrics.tenantFinished(result("c", Outcome.SKIPPED, 0, 0, "server unavailable: my1"));
        metrics.runFinished(new RunSummary("r-1", "upgrade", "heads", START, START.plusSeconds(2), List.of(),
                Optional.empty(), false));

        assertThat(Samples.flotilla(registry.scrape())).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("flotilla_tenants_total{outcome=\"migrated\"}", 1.0),
                entry("flotilla_tenants_total{outcome=\"unchanged\"}", 0.0),
                entry("flotilla_tenants_total{outcome=\"planned\"}", 0.0),
                entry("flotilla_tenants_total{outcome=\"failed\"}", 1.0),
                entry("flotilla_tenants_total{outcome=\"locked\"}", 0.0),
                entry("flotilla_tenants_total{outcome=\"skipped\"}", 1.0),
                entry("flotilla_tenant_duration_seconds_count", 2.0),
                entry("flotilla_tenant_duration_seconds_sum", 2.0),
                entry("flotilla_tenant_duration_seconds_max", 1.5),
                entry("flotilla_step_duration_seconds_count", 2.0),
                entry("flotilla_step_duration_seconds_sum", 1.0),
                entry("flotilla_step_duration_seconds_max", 0.75),
                entry("flotilla_retries_total", 2.0),
                entry("flotilla_circuit_state{server=\"pg1\"}", 0.0),
                entry("flotilla_circuit_state{server=\"my1\"}", 0.0),
                entry("flotilla_tenants_in_flight", 0.0),
                entry("flotilla_run_tenants", 3.0),
                entry("flotilla_run_finished_timestamp_seconds", (double) START.plusSeconds(2).getEpochSecond())));
    }

    @Test
    void inFlightCountsTenantsStartedAndNotYetFinished() {
        metrics.tenantStarted("a", "pg1");
        metrics.tenantStarted("b", "pg1");
        metrics.tenantStarted("c", "pg1");
        metrics.tenantFinished(result("b", Outcome.MIGRATED, 1, 10, null));
        metrics.tenantFinished(result("z", Outcome.SKIPPED, 0, 0, "failure budget spent"));

        assertThat(Samples.flotilla(registry.scrape())).containsEntry("flotilla_tenants_in_flight", 2.0);
    }

    @Test
    void circuitStatePerServerIsZeroClosedOneHalfOpenTwoOpen() {
        metrics.circuitChanged("pg1", "open");
        metrics.circuitChanged("my1", "open");
        metrics.circuitChanged("my1", "half_open");
        metrics.circuitChanged("pg2", "OPEN");
        metrics.circuitChanged("pg2", "closed");
        metrics.circuitChanged("pg3", "no-such-state");

        assertThat(Samples.flotilla(registry.scrape())).containsAllEntriesOf(Map.of(
                "flotilla_circuit_state{server=\"pg1\"}", 2.0,
                "flotilla_circuit_state{server=\"my1\"}", 1.0,
                "flotilla_circuit_state{server=\"pg2\"}", 0.0)).doesNotContainKey("flotilla_circuit_state{server=\"pg3\"}");
    }

    @Test
    void closingRemovesEveryMeterOfTheRun() {
        metrics.circuitChanged("pg1", "open");
        metrics.tenantFinished(result("a", Outcome.MIGRATED, 1, 10, null));

        metrics.close();

        assertThat(registry.getMeters()).isEmpty();
        assertThat(Samples.flotilla(registry.scrape())).isEmpty();
    }

    static TenantResult result(String tenant, Outcome outcome, int attempts, long millis, String error) {
        return new TenantResult(tenant, "pg1", List.of(), List.of(), List.of(), attempts, Duration.ofMillis(millis),
                outcome, error);
    }
}
