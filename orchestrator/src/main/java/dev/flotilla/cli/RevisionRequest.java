package dev.flotilla.cli;

import java.util.List;

/**
 * What {@code revision} and {@code merge} ask for, as typed: Alembic's {@code generate_revision}
 * arguments.
 *
 * @param revId        the new id, or null to generate one
 * @param message      the message, or null for Alembic's "empty message"
 * @param heads        the identifiers whose revisions become the parents ({@code head}, {@code base},
 *                     {@code heads}, ids, {@code LABEL@head}, ...)
 * @param splice       allow a parent that is not a head (start a new branch)
 * @param branchLabels labels the new revision starts
 * @param dependsOn    revisions or branch labels the new revision depends on
 */
record RevisionRequest(
        String revId,
        String message,
        List<String> heads,
        boolean splice,
        List<String> branchLabels,
        List<String> dependsOn) {

    RevisionRequest {
        heads = List.copyOf(heads);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }
}
