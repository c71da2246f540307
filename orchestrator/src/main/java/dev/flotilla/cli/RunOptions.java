package dev.flotilla.cli;

import dev.flotilla.config.RunDefaults;
import dev.flotilla.run.RunSettings;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a fleet run fans out and stops (docs/fleet.md, "Fleet runs"), mixed into {@code upgrade},
 * {@code downgrade} and {@code stamp}. An option left out takes the config's {@code defaults:}.
 */
final class RunOptions {

    @Option(names = "--concurrency", paramLabel = "N", description = "Tenants migrated at once in all (default: defaults.concurrency, 8).")
    Integer concurrency;

    @Option(names = "--per-server", paramLabel = "N",
            description = "Tenants migrated at once on one server (default: defaults.per_server, 4; never more than the server's max_concurrency).")
    Integer perServer;

    @Option(names = "--max-failures", paramLabel = "N",
            description = "Start no more tenants once N have failed; in-flight ones finish (default: defaults.max_failures; 0 no limit).")
    Integer maxFailures;

    @Option(names = "--canary", paramLabel = "N", description = "Migrate the first N tenants with work to do first; stop unless all succeed.")
    Integer canary;

    @Option(names = "--canary-tag", paramLabel = "TAG", description = "Migrate the tenants with this tag first; stop unless all succeed.")
    String canaryTag;

    @Option(names = "--waves", paramLabel = "TAG", split = ",",
            description = "Tags in order: tenants with the first tag, then the second, ..., then the rest; a wave in which a tenant did not succeed stops the waves after it.")
    List<String> waves = new ArrayList<>();

    @Option(names = "--retries", paramLabel = "N",
            description = "Tries in all for a tenant whose failure is transient and left nothing behind (default: defaults.retry.attempts, 3).")
    Integer attempts;

    @Option(names = "--dry-run", description = "Print each tenant's plan (from -> to, steps), grouped; change nothing.")
    boolean dryRun;

    @Option(names = "--grace", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "After Ctrl-C or SIGTERM, how long tenants in flight may take to finish or roll back their"
                    + " step before their statements are cancelled (e.g. 10s, 2m; default 30s).")
    Duration grace;

    /** The settings: these options over the config's defaults; a bad value is an input error (exit 2). */
    RunSettings settings(RunDefaults defaults) {
        try {
            RunSettings settings = RunSettings.from(defaults);
            settings = settings.withConcurrency(or(concurrency, settings.concurrency()), or(perServer, settings.perServer()));
            settings = settings.withMaxFailures(or(maxFailures, settings.maxFailures()));
            if (attempts != null) {
                settings = settings.withRetry(new RunSettings.Retries(attempts, settings.retry().backoff(),
                        settings.retry().maxBackoff()));
            }
            if (canary != null || canaryTag != null) {
                settings = settings.withCanary(canary == null ? 0 : canary, canaryTag);
            }
            if (grace != null) {
                settings = settings.withGrace(grace);
            }
            return settings.withWaves(waves).withDryRun(dryRun);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    private static int or(Integer given, int fallback) {
        return given == null ? fallback : given;
    }
}
