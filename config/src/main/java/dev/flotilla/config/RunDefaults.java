package dev.flotilla.config;

import java.util.Objects;

/**
 * How a run fans out when the command line says nothing else ({@code defaults:} in
 * {@code flotilla.yaml}); each value has a command-line option that overrides it. Immutable.
 *
 * @param concurrency tenants migrated at once in all, at least 1
 * @param perServer   tenants migrated at once on one server, at least 1 (a server's own
 *                    {@code max_concurrency} may lower it further)
 * @param retry       retries of transient failures
 * @param timeouts    lock wait, lock and statement timeouts
 * @param canary      tenants migrated first, alone, before the rest; 0 for none
 * @param maxFailures failed tenants after which no more are started; 0 for no limit
 */
public record RunDefaults(int concurrency, int perServer, RetrySettings retry, TimeoutSettings timeouts, int canary,
                          int maxFailures) {

    /** concurrency 8, per server 4, {@link RetrySettings#DEFAULTS}, {@link TimeoutSettings#DEFAULTS}, no canary, no failure limit. */
    public static final RunDefaults DEFAULTS =
            new RunDefaults(8, 4, RetrySettings.DEFAULTS, TimeoutSettings.DEFAULTS, 0, 0);

    public RunDefaults {
        Require.atLeast("concurrency", concurrency, 1);
        Require.atLeast("per_server", perServer, 1);
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(timeouts, "timeouts");
        Require.atLeast("canary", canary, 0);
        Require.atLeast("max_failures", maxFailures, 0);
    }
}
