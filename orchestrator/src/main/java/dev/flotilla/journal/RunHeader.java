package dev.flotilla.journal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The first thing a journal records: which run, what it does, and the tenants it selected. Immutable.
 *
 * @param runId     the run's id (see {@link RunIds})
 * @param command   {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param target    the target as given
 * @param tenants   the selected tenant ids, in the order the run takes them; no duplicates
 * @param startedAt when the run started
 */
public record RunHeader(String runId, String command, String target, List<String> tenants, Instant startedAt) {

    public RunHeader {
        RunIds.requireValid(runId);
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(target, "target");
        tenants = List.copyOf(tenants);
        Objects.requireNonNull(startedAt, "startedAt");
        if (tenants.stream().distinct().count() != tenants.size()) {
            throw new IllegalArgumentException("run " + runId + " selects a tenant twice: " + tenants);
        }
    }

    /** One line for listings: {@code 20261126-032633-7f3a (upgrade heads, 2026-11-26T03:26:33Z, 12 tenants)}. */
    public String describe() {
        return runId + " (" + command + " " + target + ", " + startedAt + ", " + tenants.size()
                + (tenants.size() == 1 ? " tenant)" : " tenants)");
    }
}
