package dev.flotilla.journal;

/**
 * Which records a sink may hold back, and how many: those of tenants found already at the target
 * ({@code unchanged}, and {@code planned} in a dry run). Losing them to a crash is harmless, as
 * {@code --resume} re-reads such a tenant and finds it at the target again; every other record (a tenant
 * that started, moved, failed, was locked or skipped; the end) must be written before its call returns.
 * A no-op run over 10,000 tenants then costs 20 writes instead of 10,000.
 */
final class HoldBack {

    /** Records held back at most before they are written anyway (one multi-row INSERT of the SQL journal). */
    static final int GROUP = 500;

    private HoldBack() {
    }

    /** Whether a record with this outcome (null for a record of no tenant) may wait. */
    static boolean mayWait(String outcome) {
        return "unchanged".equals(outcome) || "planned".equals(outcome);
    }
}
