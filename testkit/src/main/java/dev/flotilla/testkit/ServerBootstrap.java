package dev.flotilla.testkit;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** Finds a kind's server for the whole test run, clears out stale databases, and says what it did. */
final class ServerBootstrap {

    private ServerBootstrap() {
    }

    /**
     * @param info routine news, such as which server is used
     * @param warn what a person must see: why tests will be skipped, databases that would not drop
     */
    static Resolution open(DatabaseKind kind, TestkitSettings settings, Clock clock,
            Consumer<String> info, Consumer<String> warn) {
        Resolution resolution = ServerResolver.resolve(kind, ServerResolver.sources(kind, settings));
        if (resolution instanceof Resolution.Available available) {
            List<String> swept = new Sweeper(warn).sweep(
                    available.server().endpoint(), clock.instant().minus(Sweeper.MAX_AGE));
            info.accept(kind.displayName() + " tests use " + available.server().origin()
                    + (swept.isEmpty() ? "" : "; dropped " + swept.size() + " stale test databases " + swept));
        } else if (resolution instanceof Resolution.Unavailable unavailable) {
            warn.accept(unavailable.reason());
        }
        return resolution;
    }
}
