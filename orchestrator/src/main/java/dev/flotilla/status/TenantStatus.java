package dev.flotilla.status;

import java.util.List;
import java.util.Objects;

/**
 * One tenant's line of the skew report. Immutable.
 *
 * @param id        the tenant id
 * @param server    the name of its server
 * @param revisions its version rows, as read (empty for {@code <base>} and when there are none to read)
 * @param state     where it stands
 * @param behind    the upgrade steps it lacks to reach the heads; null where that cannot be known
 *                  ({@code ahead}, {@code unreachable}); never negative
 * @param error     why it is not current when a reason needs words (the dirty step, the unknown
 *                  revisions, the connection error); null otherwise. Holds no password.
 */
public record TenantStatus(String id, String server, List<String> revisions, TenantState state, Integer behind,
                           String error) {

    public TenantStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(server, "server");
        revisions = List.copyOf(revisions);
        Objects.requireNonNull(state, "state");
        if (behind != null && behind < 0) {
            throw new IllegalArgumentException("tenant '" + id + "': behind must be 0 or more, found " + behind);
        }
        if (state == TenantState.CURRENT && (behind == null || behind != 0)) {
            throw new IllegalArgumentException("tenant '" + id + "': a current tenant is 0 steps behind, found " + behind);
        }
        if (state == TenantState.BEHIND && (behind == null || behind == 0)) {
            throw new IllegalArgumentException("tenant '" + id + "': a behind tenant lacks at least 1 step, found " + behind);
        }
    }

    public boolean isCurrent() {
        return state == TenantState.CURRENT;
    }
}
