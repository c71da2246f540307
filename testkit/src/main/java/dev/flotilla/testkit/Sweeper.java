package dev.flotilla.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Drops databases that earlier runs created but never dropped (a killed JVM skips every cleanup).
 * Only names older than {@link #MAX_AGE} go, so a concurrent run's databases survive. A database
 * that cannot be dropped is reported and left for the next sweep: sweeping never fails a test run.
 */
final class Sweeper {

    /** Longer than any test run; younger databases may belong to a run still going. */
    static final Duration MAX_AGE = Duration.ofHours(6);

    private final Consumer<String> warnings;

    Sweeper(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** Drops every test database on the server created before {@code cutoff}; returns their names. */
    List<String> sweep(ServerEndpoint server, Instant cutoff) {
        ServerDialect dialect = ServerDialect.of(server.kind());
        List<String> dropped = new ArrayList<>();
        try (Connection admin = server.connectAdmin()) {
            for (String name : dialect.list(admin, DatabaseNames.LIKE_PATTERN)) {
                if (DatabaseNames.createdAt(name).filter(created -> created.isBefore(cutoff)).isPresent()) {
                    dropQuietly(dialect, admin, name).ifPresent(dropped::add);
                }
            }
        } catch (SQLException e) {
            warnings.accept("could not look for stale test databases on " + server.describe() + ": " + Reasons.of(e));
        }
        return dropped;
    }

    private Optional<String> dropQuietly(ServerDialect dialect, Connection admin, String name) {
        try {
            dialect.drop(admin, name);
            return java.util.Optional.of(name);
        } catch (SQLException | IllegalArgumentException e) {
            warnings.accept("could not drop stale test database " + name + ": " + Reasons.of(e));
            return java.util.Optional.empty();
        }
    }
}
