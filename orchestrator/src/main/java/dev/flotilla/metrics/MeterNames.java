package dev.flotilla.metrics;

/**
 * The names of a fleet run's meters, in Micrometer's dotted form; the comment on each gives the name
 * Prometheus shows (Micrometer adds {@code _total} to counters and {@code _seconds} to timers).
 */
public final class MeterNames {

    /** Counter, tag {@code outcome}: {@code flotilla_tenants_total{outcome="migrated"}}. */
    public static final String TENANTS = "flotilla.tenants";
    /** Timer of tenants that ran, first attempt to end: {@code flotilla_tenant_duration_seconds_count|sum|max}. */
    public static final String TENANT_DURATION = "flotilla.tenant.duration";
    /** Timer of steps applied or taken back: {@code flotilla_step_duration_seconds_count|sum|max}. */
    public static final String STEP_DURATION = "flotilla.step.duration";
    /** Counter of failed attempts that will be retried: {@code flotilla_retries_total}. */
    public static final String RETRIES = "flotilla.retries";
    /** Gauge, tag {@code server}, 0 closed, 1 half-open, 2 open: {@code flotilla_circuit_state{server="pg1"}}. */
    public static final String CIRCUIT_STATE = "flotilla.circuit.state";
    /** Gauge of tenants started and not yet finished: {@code flotilla_tenants_in_flight}. */
    public static final String IN_FLIGHT = "flotilla.tenants.in.flight";
    /** Gauge of tenants the run selected: {@code flotilla_run_tenants}. */
    public static final String RUN_TENANTS = "flotilla.run.tenants";
    /** Gauge, Unix time the run ended, 0 before: {@code flotilla_run_finished_timestamp_seconds}. */
    public static final String RUN_FINISHED = "flotilla.run.finished.timestamp";

    private MeterNames() {
    }
}
