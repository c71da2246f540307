package dev.flotilla.engine.revision;

/**
 * One thing wrong with a set of revisions, found while building a {@link RevisionGraph}.
 *
 * @param revisionId the revision whose header is wrong
 * @param field      the header key at fault: {@code revision}, {@code down_revision},
 *                   {@code depends_on} or {@code branch_labels}, so that a caller holding the file
 *                   can point at the line
 * @param message    a sentence a person can act on; it names the revisions and their sources
 */
public record GraphProblem(String revisionId, String field, String message) {
}
