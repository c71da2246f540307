package dev.flotilla.survey;

import dev.flotilla.engine.migrate.HistoryEntry;
import dev.flotilla.engine.migrate.TargetStatus;

import java.util.Objects;
import java.util.Optional;

/** What a survey found for one tenant: its version rows, or why they could not be read. Immutable. */
public sealed interface Reading permits Reading.Found, Reading.Unreachable {

    /** The tenant id. */
    String tenant();

    /**
     * The tenant answered.
     *
     * @param status  its version rows ({@code initialized == false}: no version table) and its dirty step
     * @param lastRun the newest row of its history table, if it has one
     */
    record Found(String tenant, TargetStatus status, Optional<HistoryEntry> lastRun) implements Reading {
        public Found {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(lastRun, "lastRun");
        }
    }

    /** The tenant's server or file could not be read; {@code error} says why and holds no password. */
    record Unreachable(String tenant, String error) implements Reading {
        public Unreachable {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(error, "error");
        }
    }
}
