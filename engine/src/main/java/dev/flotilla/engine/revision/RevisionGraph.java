package dev.flotilla.engine.revision;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, validated graph of revisions with Alembic's semantics. STUB: the API is settled, the
 * bodies are being written.
 */
public final class RevisionGraph {

    private RevisionGraph() {
    }

    /** Builds and validates a graph; throws {@link RevisionException} listing every problem. */
    public static RevisionGraph of(Collection<Revision> revisions) {
        throw new UnsupportedOperationException("being written");
    }

    /** Every problem in these revisions, empty when {@link #of} would succeed. */
    public static List<GraphProblem> validate(Collection<Revision> revisions) {
        throw new UnsupportedOperationException("being written");
    }

    /** All revisions in the order given to {@link #of} (file-name order for a versions folder). */
    public List<Revision> revisions() {
        throw new UnsupportedOperationException("being written");
    }

    public boolean isEmpty() {
        throw new UnsupportedOperationException("being written");
    }

    /** The revision with exactly this id. */
    public Optional<Revision> find(String id) {
        throw new UnsupportedOperationException("being written");
    }

    /**
     * One revision by full id, unambiguous id prefix, branch label, or {@code label@rev}; as Alembic's
     * {@code get_revision}. Throws {@link RevisionException} naming the candidates when ambiguous or
     * unknown.
     */
    public Revision get(String identifier) {
        throw new UnsupportedOperationException("being written");
    }

    /**
     * The revisions an identifier names, as Alembic's {@code get_revisions}: {@code heads},
     * {@code head} (an error listing the heads when there are several), {@code base} (empty),
     * {@code label@head}, {@code label@base}, ids and prefixes. Relative forms are not accepted here.
     */
    public List<Revision> revisions(String identifier) {
        throw new UnsupportedOperationException("being written");
    }

    /** Heads by {@code down_revision} alone, in revision order (Alembic's {@code heads}). */
    public List<String> heads() {
        throw new UnsupportedOperationException("being written");
    }

    /** Heads with {@code depends_on} taken into account ({@code heads --resolve-dependencies}). */
    public List<String> resolvedHeads() {
        throw new UnsupportedOperationException("being written");
    }

    /** Revisions with no {@code down_revision}, in revision order. */
    public List<String> bases() {
        throw new UnsupportedOperationException("being written");
    }

    /** Revisions whose {@code down_revision} names this one (Alembic's {@code nextrev}). */
    public List<String> nextRevisions(String id) {
        throw new UnsupportedOperationException("being written");
    }

    /** No revision names this one in its {@code down_revision}. */
    public boolean isHead(String id) {
        throw new UnsupportedOperationException("being written");
    }

    /** No revision names this one in its {@code down_revision} or {@code depends_on}. */
    public boolean isResolvedHead(String id) {
        throw new UnsupportedOperationException("being written");
    }

    /** Two or more revisions name this one in their {@code down_revision}. */
    public boolean isBranchPoint(String id) {
        throw new UnsupportedOperationException("being written");
    }

    /**
     * The branch labels that apply to a revision: its own, and those it inherits along its branch, as
     * Alembic shows them. Sorted.
     */
    public Set<String> branchLabels(String id) {
        throw new UnsupportedOperationException("being written");
    }

    /**
     * Revisions between {@code base} and {@code head}, newest first, as Alembic's
     * {@code walk_revisions} (what {@code history -r base:head} lists). Either bound may be null
     * (meaning {@code base} and {@code heads}), and may be relative ({@code -2}, {@code ae1+1}).
     */
    public List<Revision> walk(String base, String head) {
        throw new UnsupportedOperationException("being written");
    }
}
