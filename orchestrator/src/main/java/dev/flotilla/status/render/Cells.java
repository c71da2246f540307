package dev.flotilla.status.render;

import dev.flotilla.status.SkewReport;
import dev.flotilla.status.TenantStatus;

/** How every format spells a tenant's fields as text. */
final class Cells {

    private Cells() {
    }

    /** The revisions joined with {@code sep}; {@code <base>} for an empty version table, empty when there is none. */
    static String revisions(TenantStatus tenant, String sep) {
        if (!tenant.revisions().isEmpty()) {
            return String.join(sep, tenant.revisions());
        }
        return switch (tenant.state()) {
            case UNINITIALIZED, UNREACHABLE -> "";
            default -> SkewReport.BASE;
        };
    }

    static String behind(TenantStatus tenant) {
        return tenant.behind() == null ? "" : String.valueOf(tenant.behind());
    }

    static String error(TenantStatus tenant) {
        return tenant.error() == null ? "" : tenant.error();
    }

    /** A revision's label in a histogram: its id, marked when it is a head or unknown to the scripts. */
    static String revisionLabel(SkewReport report, String revision) {
        if (report.heads().contains(revision)) {
            return revision + " (head)";
        }
        return revision.equals(SkewReport.BASE) || report.isKnown(revision) ? revision : revision + " (unknown)";
    }
}
