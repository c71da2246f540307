package dev.flotilla.run;

import dev.flotilla.config.RunDefaults;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a fleet run fans out and what stops it early. Immutable; every value is checked here.
 *
 * @param concurrency tenants migrated at once in all, at least 1
 * @param perServer   tenants migrated at once on one server, at least 1; a server's own
 *                    {@code max_concurrency} lowers it further
 * @param retry       retries of transient failures that left nothing behind
 * @param circuit     when a server counts as unavailable
 * @param maxFailures failed tenants after which no more are started; 0 for no limit
 * @param canary      tenants (of those with work to do, in selection order) migrated first; 0 for none
 * @param canaryTag   tenants with this tag migrated first instead of the first {@code canary}; empty for none
 * @param waves       tags whose tenants go in that order, each wave after the one before ended, then the rest;
 *                    a wave with a tenant that did not succeed stops the waves after it (as canaries do; see
 *                    {@code Phases})
 * @param grace       how long in-flight tenants may take to finish or roll back once the run is interrupted,
 *                    before their statements are cancelled
 * @param dryRun      plan only: tenants with work to do end {@code planned}, nothing is locked or written
 */
public record RunSettings(int concurrency, int perServer, Retries retry, CircuitSettings circuit, int maxFailures,
                          int canary, Optional<String> canaryTag, List<String> waves, Duration grace, boolean dryRun) {

    /**
     * Retries of one tenant: exponential backoff with jitter.
     *
     * @param attempts   tries in all, the first included; 1 never retries
     * @param backoff    the wait before the first retry (then doubled, with ±50% jitter), at least 1 ms
     * @param maxBackoff the longest wait between two tries
     */
    public record Retries(int attempts, Duration backoff, Duration maxBackoff) {

        public Retries {
            atLeast("retry attempts", attempts, 1);
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (backoff.toMillis() < 1 || maxBackoff.compareTo(backoff) < 0) {
                throw new IllegalArgumentException("retry backoff must be at least 1ms and at most the longest backoff ("
                        + maxBackoff + "), found " + backoff);
            }
        }
    }

    /**
     * A circuit breaker per server over the last {@code window} tenants' connection failures: it opens when
     * at least half of them (and at least {@code minimumCalls}) could not connect, and stays open for
     * {@code openFor}, so that the server's remaining tenants are skipped instead of each timing out.
     */
    public record CircuitSettings(int window, int minimumCalls, Duration openFor) {

        public static final CircuitSettings DEFAULTS = new CircuitSettings(5, 3, Duration.ofMinutes(1));

        public CircuitSettings {
            atLeast("circuit window", window, 1);
            atLeast("circuit minimum calls", minimumCalls, 1);
            if (minimumCalls > window) {
                throw new IllegalArgumentException("circuit minimum calls must be at most the window (" + window
                        + "), found " + minimumCalls);
            }
            Objects.requireNonNull(openFor, "openFor");
            if (openFor.toMillis() < 1) {
                throw new IllegalArgumentException("circuit open time must be at least 1ms, found " + openFor);
            }
        }
    }

    public RunSettings {
        atLeast("concurrency", concurrency, 1);
        atLeast("per-server", perServer, 1);
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(circuit, "circuit");
        atLeast("max-failures", maxFailures, 0);
        atLeast("canary", canary, 0);
        Objects.requireNonNull(canaryTag, "canaryTag");
        waves = List.copyOf(waves);
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("--grace must be 0 or more, not " + grace);
        }
        if (canary > 0 && canaryTag.isPresent()) {
            throw new IllegalArgumentException("give --canary N or --canary-tag T, not both");
        }
        if (waves.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a wave needs a tag name, found a blank one in " + waves);
        }
    }

    /**
     * What a config's {@code defaults:} say: its concurrency, per-server bound, retries (its backoff
     * first, at most 30 s apart), canary count and failure budget; the default circuit, a 30 s grace.
     */
    public static RunSettings from(RunDefaults defaults) {
        Duration backoff = defaults.retry().backoff().toMillis() < 1 ? Duration.ofMillis(1) : defaults.retry().backoff();
        Duration max = backoff.compareTo(Duration.ofSeconds(30)) > 0 ? backoff : Duration.ofSeconds(30);
        return new RunSettings(defaults.concurrency(), defaults.perServer(),
                new Retries(defaults.retry().attempts(), backoff, max), CircuitSettings.DEFAULTS,
                defaults.maxFailures(), defaults.canary(), Optional.empty(), List.of(), Duration.ofSeconds(30), false);
    }

    public static RunSettings defaults() {
        return from(RunDefaults.DEFAULTS);
    }

    public RunSettings withConcurrency(int newConcurrency, int newPerServer) {
        return new RunSettings(newConcurrency, newPerServer, retry, circuit, maxFailures, canary, canaryTag, waves,
                grace, dryRun);
    }

    public RunSettings withRetry(Retries newRetry) {
        return new RunSettings(concurrency, perServer, newRetry, circuit, maxFailures, canary, canaryTag, waves,
                grace, dryRun);
    }

    public RunSettings withCircuit(CircuitSettings newCircuit) {
        return new RunSettings(concurrency, perServer, retry, newCircuit, maxFailures, canary, canaryTag, waves,
                grace, dryRun);
    }

    public RunSettings withMaxFailures(int newMaxFailures) {
        return new RunSettings(concurrency, perServer, retry, circuit, newMaxFailures, canary, canaryTag, waves,
                grace, dryRun);
    }

    /** First {@code count} tenants, or those tagged {@code tag} when it is not null (count is then 0). */
    public RunSettings withCanary(int count, String tag) {
        return new RunSettings(concurrency, perServer, retry, circuit, maxFailures, count, Optional.ofNullable(tag),
                waves, grace, dryRun);
    }

    public RunSettings withWaves(List<String> newWaves) {
        return new RunSettings(concurrency, perServer, retry, circuit, maxFailures, canary, canaryTag, newWaves,
                grace, dryRun);
    }

    public RunSettings withGrace(Duration newGrace) {
        return new RunSettings(concurrency, perServer, retry, circuit, maxFailures, canary, canaryTag, waves,
                newGrace, dryRun);
    }

    public RunSettings withDryRun(boolean newDryRun) {
        return new RunSettings(concurrency, perServer, retry, circuit, maxFailures, canary, canaryTag, waves,
                grace, newDryRun);
    }

    private static void atLeast(String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", found " + value);
        }
    }
}
