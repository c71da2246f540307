package dev.flotilla.status;

import java.util.List;

/**
 * A deploy pipeline's condition on the report ({@code --fail-on-skew}, {@code --min-revision},
 * {@code --max-behind}): the command exits 1 when any gate names a tenant. Unreachable and dirty tenants
 * fail every gate: one cannot be vouched for, the other cannot be migrated until it is repaired.
 */
public interface SkewGate {

    /** The option as the command line spells it, with its value, e.g. {@code --max-behind 2}. */
    String option();

    /** One {@code <id>: <why>} line per tenant that fails this gate, in report order; empty when it passes. */
    List<String> failures(SkewReport report);

    /** Whether a tenant that cannot be vouched for (unreachable or dirty): it fails every gate. */
    static boolean unknowable(TenantStatus tenant) {
        return tenant.state() == TenantState.UNREACHABLE || tenant.state() == TenantState.DIRTY;
    }

    /** {@code <id>: <state>}, with the steps or the error where there is one. */
    static String describe(TenantStatus tenant) {
        String text = tenant.id() + ": " + tenant.state().label();
        if (tenant.state() == TenantState.BEHIND || tenant.state() == TenantState.UNINITIALIZED) {
            text += " (" + tenant.behind() + (tenant.behind() == 1 ? " step" : " steps") + " to heads)";
        }
        return tenant.error() == null ? text : text + ": " + tenant.error();
    }
}
