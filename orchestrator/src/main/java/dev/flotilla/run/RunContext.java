package dev.flotilla.run;

import dev.flotilla.Flotilla;
import io.github.resilience4j.retry.Retry;

import java.time.Clock;

/**
 * What every tenant task of one run shares. Immutable; its parts are thread-safe.
 *
 * @param runId     the run's id, written into every history row it makes
 * @param flotilla  the project: tenants, migrations, pools
 * @param command   what each tenant is to do
 * @param circuits  a circuit breaker per server
 * @param retry     the retry policy (a context per tenant)
 * @param control   whether the run still schedules
 * @param sleeper   waits between attempts
 * @param listener  hears every event
 * @param clock     times tenants
 * @param inFlight  connections in use, for cancelling
 */
record RunContext(String runId, Flotilla flotilla, FleetCommand command, Circuits circuits, Retry retry, RunControl control,
                  Sleeper sleeper, RunListener listener, Clock clock, InFlight inFlight) {
}
