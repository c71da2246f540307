package dev.flotilla.engine.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable, validated graph of revisions with Alembic's semantics: heads, bases, branch points,
 * branch labels (inherited along their branch), and {@code depends_on}. Identifiers are resolved as
 * Alembic resolves them: full ids, unambiguous prefixes, branch labels, {@code head}, {@code heads},
 * {@code base}, {@code label@head} and the relative forms. Planning lives in {@link Planner}.
 *
 * <p>Revision order is the order given to {@link #of}: for a versions folder, file-name order, the same
 * order Alembic reads its version files in. Where Alembic's own order depends on Python's set iteration
 * we use revision order, which makes every answer deterministic. Thread-safe.
 */
public final class RevisionGraph {

    private final Map<String, Node> nodes;
    private final Map<String, String> labels;
    private final List<String> heads;
    private final List<String> resolvedHeads;
    private final List<String> bases;
    private final Resolver resolver;

    private RevisionGraph(Map<String, Node> nodes, Map<String, String> labels) {
        this.nodes = Collections.unmodifiableMap(nodes);
        this.labels = Collections.unmodifiableMap(labels);
        this.heads = nodes.values().stream().filter(n -> n.next.isEmpty()).map(Node::id).toList();
        this.resolvedHeads = nodes.values().stream().filter(n -> n.allNext.isEmpty()).map(Node::id).toList();
        this.bases = nodes.values().stream().filter(n -> n.revision.isBase()).map(Node::id).toList();
        this.resolver = new Resolver(this);
    }

    /** Builds and validates a graph; throws {@link RevisionException} listing every problem. */
    public static RevisionGraph of(Collection<Revision> revisions) {
        List<GraphProblem> problems = validate(revisions);
        if (!problems.isEmpty()) {
            throw new RevisionException(problems.size() == 1 ? problems.get(0).message()
                    : problems.size() + " problems in the revision graph:\n" + problems.stream()
                    .map(p -> "  " + p.message()).collect(Collectors.joining("\n")));
        }
        return GraphBuilder.build(revisions);
    }

    /** Every problem in these revisions, empty when {@link #of} would succeed. */
    public static List<GraphProblem> validate(Collection<Revision> revisions) {
        return GraphValidator.validate(revisions);
    }

    static RevisionGraph fromNodes(Map<String, Node> nodes, Map<String, String> labels) {
        return new RevisionGraph(nodes, labels);
    }

    /** All revisions in the order given to {@link #of} (file-name order for a versions folder). */
    public List<Revision> revisions() {
        return nodes.values().stream().map(n -> n.revision).toList();
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The revision with exactly this id. */
    public Optional<Revision> find(String id) {
        Node n = nodes.get(id);
        return n == null ? Optional.empty() : Optional.of(n.revision);
    }

    /**
     * One revision by full id, unambiguous id prefix, branch label, or {@code label@rev}; as Alembic's
     * {@code get_revision}. {@code head} names the single head. Throws {@link RevisionException} naming
     * the candidates when ambiguous or unknown, or the heads when {@code head} is not unique; returns
     * null for {@code base}.
     */
    public Revision get(String identifier) {
        Node n = resolver.single(identifier);
        return n == null ? null : n.revision;
    }

    /**
     * The revisions an identifier names, as Alembic's {@code get_revisions}: {@code heads},
     * {@code head} (an error listing the heads when there are several), {@code base} (empty),
     * {@code label@head}, {@code label@base}, ids, prefixes, and {@code -N}/{@code label@-N} walked down
     * from the heads.
     */
    public List<Revision> revisions(String identifier) {
        List<Revision> out = new ArrayList<>();
        for (Node n : resolver.many(List.of(identifier))) {
            if (n != null && n != Resolver.BASE) {
                out.add(n.revision);
            }
        }
        return out;
    }

    /** Heads by {@code down_revision} alone, in revision order (Alembic's {@code heads}). */
    public List<String> heads() {
        return heads;
    }

    /** Heads with {@code depends_on} taken into account ({@code heads --resolve-dependencies}). */
    public List<String> resolvedHeads() {
        return resolvedHeads;
    }

    /** Revisions with no {@code down_revision}, in revision order. */
    public List<String> bases() {
        return bases;
    }

    /** Revisions whose {@code down_revision} names this one (Alembic's {@code nextrev}). */
    public List<String> nextRevisions(String id) {
        return node(id).next;
    }

    /** The revisions {@code depends_on} names, branch labels resolved to ids. */
    public List<String> dependencies(String id) {
        return node(id).resolvedDependencies;
    }

    /** No revision names this one in its {@code down_revision}. */
    public boolean isHead(String id) {
        return node(id).next.isEmpty();
    }

    /** No revision names this one in its {@code down_revision} or {@code depends_on}. */
    public boolean isResolvedHead(String id) {
        return node(id).allNext.isEmpty();
    }

    /** Two or more revisions name this one in their {@code down_revision}. */
    public boolean isBranchPoint(String id) {
        return node(id).isBranchPoint();
    }

    /**
     * The branch labels that apply to a revision: its own, and those it inherits along its branch, as
     * Alembic shows them. Sorted.
     */
    public Set<String> branchLabels(String id) {
        return new TreeSet<>(node(id).labels);
    }

    /** The revision that declares a branch label, if any. */
    public Optional<Revision> labelled(String label) {
        String id = labels.get(label);
        return id == null ? Optional.empty() : Optional.of(nodes.get(id).revision);
    }

    /**
     * Revisions between {@code base} and {@code head}, newest first, as Alembic's
     * {@code walk_revisions} (what {@code history -r base:head} lists). Either bound may be null
     * (meaning {@code base} and {@code heads}), and may be relative ({@code -2}, {@code ae1+1}).
     */
    public List<Revision> walk(String base, String head) {
        return new Planner(this).walk(base == null || base.isEmpty() ? "base" : base,
                head == null || head.isEmpty() ? "heads" : head);
    }

    // ---- package-private machinery shared with Resolver and Planner ----

    Node node(String id) {
        Node n = nodes.get(id);
        if (n == null) {
            throw new RevisionException("No such revision '" + id + "'.");
        }
        return n;
    }

    Map<String, Node> nodes() {
        return nodes;
    }

    Map<String, String> labelIndex() {
        return labels;
    }

    Resolver resolver() {
        return resolver;
    }

    List<Node> nodes(Collection<String> ids) {
        List<Node> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(node(id));
        }
        return out;
    }

    List<Node> headNodes() {
        return nodes(heads);
    }

    List<Node> resolvedHeadNodes() {
        return nodes(resolvedHeads);
    }

    List<Node> baseNodes() {
        return nodes(bases);
    }

    /** Ancestors of the targets, targets included; through dependencies when asked. */
    Set<Node> ancestors(Collection<Node> targets, boolean includeDependencies) {
        return related(targets, includeDependencies ? this::normalizedDownNodes : n -> nodes(n.down()), false);
    }

    /** Descendants of the targets, targets included; through dependants when asked. */
    Set<Node> descendants(Collection<Node> targets, boolean includeDependencies) {
        return related(targets, includeDependencies ? n -> nodes(n.allNext) : n -> nodes(n.next), false);
    }

    /** As {@link #ancestors}, failing when one target lies below another (Alembic's {@code check}). */
    Set<Node> ancestorsChecked(Collection<Node> targets) {
        return related(targets, this::normalizedDownNodes, true);
    }

    /** As {@link #descendants} without dependants, failing when one target lies above another. */
    Set<Node> descendantsChecked(Collection<Node> targets) {
        return related(targets, n -> nodes(n.next), true);
    }

    private List<Node> normalizedDownNodes(Node n) {
        return nodes(n.normalizedDown());
    }

    /**
     * Depth-first walk in Alembic's order (a stack: the last child pushed is visited first), so that
     * callers that care which node comes last see what Alembic sees.
     */
    private static Set<Node> related(Collection<Node> targets, Function<Node, List<Node>> edges, boolean check) {
        Set<Node> seen = new LinkedHashSet<>();
        for (Node target : targets) {
            Deque<Node> todo = new ArrayDeque<>();
            Set<Node> perTarget = check ? new HashSet<>() : null;
            todo.push(target);
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                if (check) {
                    perTarget.add(n);
                }
                if (!seen.add(n)) {
                    continue;
                }
                for (Node next : edges.apply(n)) {
                    todo.push(next);
                }
            }
            if (check) {
                List<String> overlaps = new ArrayList<>();
                for (Node other : targets) {
                    if (other != target && perTarget.contains(other)) {
                        overlaps.add(other.id());
                    }
                }
                if (!overlaps.isEmpty()) {
                    throw new RevisionException("Requested revision " + target.id()
                            + " overlaps with other requested revisions " + String.join(", ", overlaps) + ".");
                }
            }
        }
        return seen;
    }
}
