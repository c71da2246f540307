package dev.flotilla.journal;

import java.util.List;
import java.util.Objects;

/**
 * What {@code downgrade --undo RUN} does to one tenant: bring it from where the run left it back to where
 * the run found it. Immutable.
 *
 * @param tenant the tenant id
 * @param server its server
 * @param from   its revisions before the run: the downgrade's target (empty: base)
 * @param to     its revisions after the run
 * @param steps  the revisions the run applied, in the order applied; to be taken back in reverse
 */
public record TenantUndo(String tenant, String server, List<String> from, List<String> to, List<String> steps) {

    public TenantUndo {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(server, "server");
        from = List.copyOf(from);
        to = List.copyOf(to);
        steps = List.copyOf(steps);
    }

    /** The downgrade target: the revisions it was at before the run. */
    public List<String> target() {
        return from;
    }
}
