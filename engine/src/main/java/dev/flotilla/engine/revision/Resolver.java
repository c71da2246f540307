package dev.flotilla.engine.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves identifiers to revisions exactly as Alembic's {@code RevisionMap} does
 * ({@code get_revisions}, {@code get_revision}, {@code _walk}, {@code filter_for_lineage}). Lists may
 * hold {@code null} ("nothing": a walk that went too far) and {@link #BASE} (a walk that reached the
 * base), because Alembic's callers tell those two apart.
 */
final class Resolver {

    /** Stands for "below every base" where a walk ends there; never leaves this package. */
    static final Node BASE = new Node(new Revision("base", List.of(), List.of(), List.of(), "", null),
            List.of(), List.of(), List.of(), List.of(), Set.of());

    private final RevisionGraph graph;

    Resolver(RevisionGraph graph) {
        this.graph = graph;
    }

    /** An identifier split into the ids it names and the branch label before its {@code @}. */
    record Resolved(List<String> ids, String branch) {
    }

    Resolved resolveNumber(String identifier) {
        String branch = null;
        String id = identifier;
        if (id != null && id.contains("@")) {
            int at = id.indexOf('@');
            branch = id.substring(0, at);
            id = id.substring(at + 1);
        }
        if ("heads".equals(id)) {
            return new Resolved(branch != null ? filterForLineage(graph.heads(), branch) : graph.resolvedHeads(), branch);
        }
        if ("head".equals(id)) {
            String head = currentHead(branch);
            return new Resolved(head == null ? List.of() : List.of(head), branch);
        }
        if (id == null || "base".equals(id)) {
            return new Resolved(List.of(), branch);
        }
        return new Resolved(List.of(id), branch);
    }

    /** Alembic's {@code get_revisions} over several identifiers, concatenated. */
    List<Node> many(Collection<String> identifiers) {
        List<Node> out = new ArrayList<>();
        for (String identifier : identifiers) {
            out.addAll(many(identifier));
        }
        return out;
    }

    private List<Node> many(String identifier) {
        Resolved r = resolveNumber(identifier);
        if (r.ids().size() == 1) {
            Integer steps = parseInt(r.ids().get(0));
            if (steps != null && steps < 0) {
                List<Node> out = new ArrayList<>();
                for (Node head : many(List.of("heads"))) {
                    if (r.branch() == null || head.labels.contains(r.branch())) {
                        out.add(walk(head, steps, null, true));
                    }
                }
                return out;
            }
        }
        List<Node> out = new ArrayList<>();
        for (String id : r.ids()) {
            out.add(forIdent(id, r.branch()));
        }
        return out;
    }

    /** Alembic's {@code get_revision}: one revision, null for {@code base}. */
    Node single(String identifier) {
        Resolved r = resolveNumber(identifier);
        if (r.ids().size() > 1) {
            throw multipleHeads(r.ids(), identifier);
        }
        return r.ids().isEmpty() ? null : forIdent(r.ids().get(0), r.branch());
    }

    String currentHead(String branch) {
        List<String> heads = branch == null ? graph.heads() : filterForLineage(graph.heads(), branch);
        if (heads.size() > 1) {
            throw multipleHeads(heads, branch == null ? "head" : branch + "@head");
        }
        return heads.isEmpty() ? null : heads.get(0);
    }

    static RevisionException multipleHeads(List<String> heads, String argument) {
        return new MultipleHeads(heads, argument, "Multiple head revisions are present for given argument '" + argument
                + "' (" + String.join(", ", heads) + "); please specify a specific target revision, "
                + "'<branchname>@" + argument + "' to narrow to a specific head, or 'heads' for all heads.");
    }

    private Node resolveBranch(String branch) {
        Map<String, String> labels = graph.labelIndex();
        String id = labels.containsKey(branch) ? labels.get(branch) : graph.nodes().containsKey(branch) ? branch : null;
        if (id != null) {
            return graph.node(id);
        }
        try {
            return forIdent(branch, null);
        } catch (RevisionException e) {
            throw new RevisionException("Can't locate revision identified by '" + branch + "': no such branch: '"
                    + branch + "'.");
        }
    }

    /** Alembic's {@code _revision_for_ident}: exact id or label, else a unique prefix of at least four. */
    Node forIdent(String id, String branch) {
        Node branchRev = branch == null || branch.isEmpty() ? null : resolveBranch(branch);
        Node found = lookupExact(id);
        if (found == null) {
            List<String> candidates = new ArrayList<>();
            Set<Node> targets = new HashSet<>();
            for (String key : keys()) {
                if (key.length() > 3 && key.startsWith(id) && targets.add(lookupExact(key))) {
                    candidates.add(key);
                }
            }
            if (branchRev != null) {
                candidates = filterForLineage(candidates, branch);
            }
            if (candidates.isEmpty()) {
                throw new RevisionException("Can't locate revision identified by '" + id + "': no revision id or "
                        + "branch label matches it" + (id.length() < 4 ? "; please ensure at least four characters "
                        + "are present for partial revision identifier matches" : "") + ".");
            }
            if (candidates.size() > 1) {
                throw new RevisionException("Multiple revisions start with '" + id + "': "
                        + String.join(", ", candidates) + "; give enough characters to name one.");
            }
            found = lookupExact(candidates.get(0));
        }
        if (branchRev != null && !sharesLineage(found, List.of(branchRev), false)) {
            throw new RevisionException("Revision " + found.id() + " is not a member of branch '" + branch + "'.");
        }
        return found;
    }

    private Node lookupExact(String key) {
        Node n = graph.nodes().get(key);
        if (n != null) {
            return n;
        }
        String id = graph.labelIndex().get(key);
        return id == null ? null : graph.node(id);
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>(graph.nodes().keySet());
        keys.addAll(graph.labelIndex().keySet());
        return keys;
    }

    /** The targets that share lineage (are ancestors or descendants) with what {@code against} names. */
    List<String> filterForLineage(Collection<String> targets, String against) {
        List<Node> nodes = new ArrayList<>();
        for (String t : targets) {
            nodes.add(forIdent(t, null));
        }
        List<String> out = new ArrayList<>();
        for (Node n : filterNodesForLineage(nodes, against, false)) {
            out.add(n.id());
        }
        return out;
    }

    /**
     * As Alembic, {@code against} is parsed even when there are no targets ({@code head} may fail), but
     * the revisions it names are looked up only when there is a target to test.
     */
    List<Node> filterNodesForLineage(Collection<Node> targets, String against, boolean includeDependencies) {
        Resolved r = resolveNumber(against);
        if (targets.isEmpty()) {
            return List.of();
        }
        List<String> shares = new ArrayList<>();
        if (r.branch() != null) {
            shares.add(r.branch());
        }
        shares.addAll(r.ids());
        List<Node> testAgainst = new ArrayList<>();
        for (String s : shares) {
            testAgainst.add(forIdent(s, null));
        }
        List<Node> out = new ArrayList<>();
        for (Node t : targets) {
            if (sharesLineage(t, testAgainst, includeDependencies)) {
                out.add(t);
            }
        }
        return out;
    }

    boolean sharesLineage(Node target, List<Node> against, boolean includeDependencies) {
        if (against.isEmpty()) {
            return true;
        }
        Set<Node> line = new HashSet<>(graph.descendants(List.of(target), includeDependencies));
        line.addAll(graph.ancestors(List.of(target), includeDependencies));
        for (Node a : against) {
            if (line.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Alembic's {@code _walk}: {@code steps} up (positive) or down (negative) from {@code start}
     * (null: below every base when walking up, the heads when walking down). Returns null when the walk
     * runs out and {@code noOverwalk} is set, else stays where it stopped.
     */
    Node walk(Node start, int steps, String branch, boolean noOverwalk) {
        Node at = start;
        for (int i = 0; i < Math.abs(steps); i++) {
            List<Node> children;
            if (steps > 0) {
                if (at == BASE) {
                    throw new RevisionException("Cannot walk up from base.");
                }
                List<Node> up = many(at == null ? graph.bases() : at.next);
                children = branch == null || branch.isEmpty() ? up : filterNodesForLineage(up, branch, false);
            } else if (at == BASE) {
                children = List.of();
            } else {
                children = many(at == null ? graph.heads() : at.down());
                if (children.isEmpty()) {
                    children = List.of(BASE);
                }
            }
            if (children.isEmpty()) {
                return noOverwalk ? null : at;
            }
            if (children.size() > 1) {
                throw new RevisionException("Ambiguous walk: " + describe(at) + " has several "
                        + (steps > 0 ? "children (" : "parents (") + ids(children)
                        + "); name a branch, e.g. 'label@+1', or an explicit revision.");
            }
            at = children.get(0);
        }
        return at;
    }

    /** Alembic's {@code _get_all_current}: the branch heads among these revisions and their ancestors. */
    Set<Node> allCurrent(Collection<String> ids) {
        Set<Node> top = new LinkedHashSet<>();
        for (Node n : many(ids)) {
            if (n != null && n != BASE) {
                top.add(n);
            }
        }
        top.addAll(graph.ancestors(new ArrayList<>(top), true));
        Set<Node> out = new LinkedHashSet<>(top);
        for (Node n : top) {
            Set<Node> below = new HashSet<>(graph.descendants(List.of(n), false));
            below.remove(n);
            below.retainAll(out);
            if (!below.isEmpty()) {
                out.remove(n);
            }
        }
        return out;
    }

    private static String describe(Node n) {
        return n == null ? "the start" : n == BASE ? "base" : "revision " + n.id();
    }

    private static String ids(List<Node> nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(n -> ids.add(n == null ? "<none>" : n.id()));
        return String.join(", ", ids);
    }

    /** Python's {@code int()} on an id: an optional sign and digits, else null. */
    static Integer parseInt(String s) {
        if (s == null || !s.matches("[+-]?\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(s);
    }
}
