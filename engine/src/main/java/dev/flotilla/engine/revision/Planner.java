package dev.flotilla.engine.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans the steps between a database's current revisions and a target, in Alembic's order: the same
 * revisions, in the same sequence, that {@code alembic upgrade}/{@code downgrade} would run. Targets use
 * Alembic's syntax: {@code heads}, {@code head}, {@code base}, ids and prefixes, {@code label@head},
 * {@code +N}/{@code -N} relative to the current revisions, {@code REV+N}/{@code REV-N},
 * {@code label@+N}. Stateless apart from the graph; thread-safe.
 */
public final class Planner {

    /** Alembic's {@code _relative_destination}, matched at the start of the target only. */
    private static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)",
            Pattern.UNICODE_CHARACTER_CLASS);

    private final RevisionGraph graph;
    private final Resolver resolver;

    public Planner(RevisionGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.resolver = graph.resolver();
    }

    /**
     * The steps that take a database at {@code current} (its version rows; empty for a fresh one) up to
     * {@code target}, in the order they run. Other branches that the target does not need are left
     * alone; revisions the target needs on other branches, including dependencies, are applied too.
     */
    public List<Step> upgrade(Collection<String> current, String target) {
        return upgrade(Lower.of(current), target);
    }

    /** As {@link #upgrade(Collection, String)} from a single symbolic start, e.g. the FROM of FROM:TO. */
    public List<Step> upgradeFrom(String from, String target) {
        return upgrade(Lower.scalar(from), target);
    }

    private List<Step> upgrade(Lower current, String target) {
        Collected c;
        try {
            c = collectUpgrade(target, current, false, true, true);
        } catch (RangeNotAncestor e) {
            throw new RevisionException("Destination " + target + " is not a valid upgrade target from current "
                    + "head(s) " + current + ": it is not a descendant of them.");
        }
        List<Node> order = new TopologicalOrder(graph).sort(c.revisions(), c.heads());
        Collections.reverse(order);
        return steps(order, Direction.UP);
    }

    /**
     * The steps that take a database at {@code current} down to {@code target}, in the order they run:
     * every applied revision that depends on the target's descendants is taken back, newest first.
     */
    public List<Step> downgrade(Collection<String> current, String target) {
        Collected c;
        try {
            c = collectDowngrade(Lower.of(current), target, false, false, true);
        } catch (RangeNotAncestor e) {
            throw new RevisionException("Destination " + target + " is not a valid downgrade target from current "
                    + "head(s) " + Lower.of(current) + ".");
        }
        return steps(new TopologicalOrder(graph).sort(c.revisions(), c.heads()), Direction.DOWN);
    }

    /** Alembic's {@code walk_revisions(base, head)}: newest first, both ends included. */
    List<Revision> walk(String base, String head) {
        Collected c;
        try {
            c = collectUpgrade(head, Lower.scalar(base), true, false, false);
        } catch (RangeNotAncestor e) {
            throw new RevisionException("Requested range " + base + ":" + head
                    + " does not refer to ancestor/descendant revisions along the same branch.");
        }
        List<Revision> out = new ArrayList<>();
        for (Node n : new TopologicalOrder(graph).sort(c.revisions(), c.heads())) {
            out.add(n.revision);
        }
        return out;
    }

    private static List<Step> steps(List<Node> nodes, Direction direction) {
        List<Step> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            out.add(new Step(n.revision, direction));
        }
        return out;
    }

    /**
     * The lower end of a walk: a database's version rows (a tuple) or one symbolic identifier. Alembic
     * treats the two differently in one place ({@code label@...} as a lower bound), so we keep the form.
     */
    private record Lower(List<String> ids, boolean scalar) {
        static Lower of(Collection<String> ids) {
            return new Lower(List.copyOf(ids), false);
        }

        static Lower scalar(String id) {
            return new Lower(id == null ? List.of() : List.of(id), true);
        }

        String text() {
            return scalar && !ids.isEmpty() ? ids.get(0) : null;
        }

        @Override
        public String toString() {
            return ids.isEmpty() ? "(none)" : String.join(", ", ids);
        }
    }

    private record Collected(Set<Node> revisions, Collection<Node> heads) {
    }

    /** Alembic's {@code RangeNotAncestorError}: each caller words it for its own command. */
    private static final class RangeNotAncestor extends RuntimeException {
        RangeNotAncestor() {
            super(null, null, false, false);
        }
    }

    // ---- upgrade ----

    private Collected collectUpgrade(String upper, Lower lower, boolean inclusive, boolean implicitBase,
            boolean assertRelativeLength) {
        List<Node> targets = new ArrayList<>();
        for (Node n : parseUpgradeTarget(lower, upper, assertRelativeLength)) {
            if (n == null) {
                throw new RevisionException("Relative revision " + upper + " walked past the end of the graph.");
            }
            if (n != Resolver.BASE) {
                targets.add(n);
            }
        }
        String lowerText = lower.text();
        if (lowerText != null && lowerText.contains("@")) {
            String branch = lowerText.substring(0, lowerText.indexOf('@'));
            Node branchRev = resolver.single(branch);
            if (branchRev != null && branchRev.id().equals(branch)) {
                if (branchRev.labels.size() != 1) {
                    throw new RevisionException("Revision " + branch + " used as a branch in '" + lowerText
                            + "' carries " + branchRev.labels.size() + " branch labels; name the label instead.");
                }
                branch = branchRev.labels.iterator().next();
            }
            String label = branch;
            targets.removeIf(t -> !t.labels.contains(label));
        }
        Set<Node> required = new HashSet<>(graph.ancestorsChecked(targets));
        required.addAll(targets);

        List<Node> current = resolver.many(lower.ids());
        if (!implicitBase) {
            for (Node n : current) {
                if (n != null && !required.contains(n)) {
                    throw new RangeNotAncestor();
                }
            }
        }
        Lower effectiveLower = lower;
        if (!current.isEmpty() && current.get(0) == null) {
            Node rev = parseDowngradeTarget(Lower.of(List.of()), lowerText, assertRelativeLength).revision();
            if (rev == null || rev == Resolver.BASE) {
                current = List.of();
                effectiveLower = Lower.scalar(null);
            } else {
                current = List.of(rev);
                effectiveLower = Lower.scalar(rev.id());
            }
        }
        current = withoutBase(current);
        Set<Node> currentSet = new HashSet<>(graph.ancestorsChecked(current));
        currentSet.addAll(current);

        Set<Node> needs = new LinkedHashSet<>(required);
        needs.removeAll(currentSet);
        if (inclusive) {
            needs.addAll(withoutBase(resolver.many(effectiveLower.ids())));
        }
        if (!current.isEmpty() && !implicitBase) {
            needs.retainAll(graph.descendantsChecked(current));
        }
        return new Collected(needs, targets);
    }

    private List<Node> parseUpgradeTarget(Lower current, String target, boolean assertRelativeLength) {
        Matcher m = RELATIVE.matcher(target);
        if (!m.lookingAt()) {
            return resolver.many(List.of(target));
        }
        String branch = m.group(1);
        String symbol = m.group(2);
        int relative = relativeSteps(m.group(3));
        if (relative > 0) {
            if (symbol != null) {
                return single(resolver.walk(resolver.single(symbol), relative, branch, assertRelativeLength));
            }
            List<Node> starts = startsForRelativeUpgrade(current, branch);
            if (starts.size() > 1) {
                throw new RevisionException("Ambiguous upgrade from multiple current revisions ("
                        + ids(starts) + "); name a branch, e.g. 'label@+" + relative + "'.");
            }
            Node rev = resolver.walk(starts.get(0), relative, branch, assertRelativeLength);
            if (rev == null) {
                throw notEnough(m.group(3));
            }
            return single(rev);
        }
        if (symbol == null) {
            throw notEnough(m.group(3));
        }
        Node start = resolver.single(branch == null ? symbol : branch + "@" + symbol);
        return single(resolver.walk(start, relative, null, assertRelativeLength));
    }

    /** Where a relative upgrade such as {@code +2} or {@code label@+2} starts walking from. */
    private List<Node> startsForRelativeUpgrade(Lower current, String branch) {
        List<String> ids = current.ids();
        if (branch == null) {
            if (ids.isEmpty()) {
                return single(null);
            }
            if (ids.size() > 1) {
                return resolver.many(ids);
            }
            return single(resolver.many(ids).isEmpty() ? null : resolver.single(ids.get(0)));
        }
        List<Node> onBranch = resolver.filterNodesForLineage(withoutBase(resolver.many(ids)), branch, false);
        if (!onBranch.isEmpty()) {
            return onBranch;
        }
        // The branch has no current head: start from the tip of what is applied on it.
        List<Node> active = resolver.filterNodesForLineage(
                new ArrayList<>(graph.ancestors(withoutBase(resolver.many(ids)), true)), branch, false);
        Set<String> parents = new HashSet<>();
        active.forEach(n -> parents.addAll(n.normalizedDown()));
        List<Node> tips = new ArrayList<>();
        for (Node n : active) {
            if (!parents.contains(n.id())) {
                tips.add(n);
            }
        }
        return tips.isEmpty() ? single(null) : tips;
    }

    // ---- downgrade ----

    private record DowngradeTarget(String branch, Node revision) {
    }

    private DowngradeTarget parseDowngradeTarget(Lower current, String target, boolean assertRelativeLength) {
        if (target == null) {
            return new DowngradeTarget(null, null);
        }
        Matcher m = RELATIVE.matcher(target);
        if (m.lookingAt()) {
            String branch = m.group(1);
            String symbol = m.group(2);
            int relative = relativeSteps(m.group(3));
            if (relative >= 0) {
                if (symbol == null) {
                    throw notEnough(m.group(3));
                }
                Node rev = resolver.walk(resolver.single(symbol), relative, branch, assertRelativeLength);
                if (rev == null) {
                    throw new RevisionException("Walked too far: " + target + " goes past the heads.");
                }
                return new DowngradeTarget(branch, rev);
            }
            boolean fromCurrent = symbol == null;
            if (fromCurrent) {
                if (branch != null) {
                    symbol = currentOnBranch(current, branch);
                } else {
                    if (current.ids().isEmpty()) {
                        throw notEnough(m.group(3));
                    }
                    symbol = current.ids().get(0);
                    branch = symbol;
                }
            }
            Node start = resolver.single(branch == null ? symbol : branch + "@" + symbol);
            Node rev = resolver.walk(start, relative, null, assertRelativeLength);
            if (rev == null) {
                throw fromCurrent ? notEnough(m.group(3))
                        : new RevisionException("Walked too far: " + target + " goes below base.");
            }
            return new DowngradeTarget(branch, rev);
        }
        int at = target.lastIndexOf('@');
        String branch = at > 0 ? target.substring(0, at) : null;
        return new DowngradeTarget(branch, resolver.single(target.substring(at + 1)));
    }

    /** The one current revision on a branch, for {@code label@-N}. */
    private String currentOnBranch(Lower current, String branch) {
        List<String> onBranch = resolver.filterForLineage(current.ids(), branch);
        if (onBranch.isEmpty()) {
            List<Node> all = resolver.filterNodesForLineage(resolver.allCurrent(current.ids()), branch, false);
            onBranch = ids(all);
        }
        if (onBranch.size() != 1) {
            throw new RevisionException("Branch '" + branch + "' has " + (onBranch.isEmpty() ? "no" : "several")
                    + " current revisions" + (onBranch.isEmpty() ? "" : " (" + String.join(", ", onBranch) + ")")
                    + "; a relative downgrade on it needs exactly one.");
        }
        return onBranch.get(0);
    }

    private Collected collectDowngrade(Lower upper, String target, boolean inclusive, boolean implicitBase,
            boolean assertRelativeLength) {
        DowngradeTarget parsed = parseDowngradeTarget(upper, target, assertRelativeLength);
        Node targetRev = parsed.revision() == Resolver.BASE ? null : parsed.revision();
        List<Node> roots;
        if (targetRev == null) {
            roots = graph.baseNodes();
        } else if (inclusive) {
            roots = List.of(targetRev);
        } else {
            roots = withoutBase(resolver.many(targetRev.next));
        }
        if (parsed.branch() != null && roots.size() > 1) {
            Node branchRev = resolver.single(parsed.branch());
            Set<Node> ancestors = graph.ancestors(List.of(branchRev), false);
            roots = roots.stream().filter(ancestors::contains).toList();
            if (roots.isEmpty()) {
                throw new RevisionException("Not a valid downgrade target from current heads: " + target
                        + " is not on branch '" + parsed.branch() + "'.");
            }
        }
        List<Node> heads = withoutBase(resolver.many(upper.ids()));
        Set<Node> drop = new LinkedHashSet<>(graph.descendants(roots, true));
        Set<Node> active = graph.ancestors(heads, true);
        drop.retainAll(active);
        if (implicitBase) {
            Set<Node> others = new LinkedHashSet<>(active);
            others.removeAll(graph.ancestors(roots, true));
            drop.addAll(others);
        }
        if (targetRev != null && drop.isEmpty() && !heads.contains(targetRev)) {
            throw new RangeNotAncestor();
        }
        return new Collected(drop, heads);
    }

    // ---- small helpers ----

    private static int relativeSteps(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RevisionException("Relative step " + text + " is too large.");
        }
    }

    private static RevisionException notEnough(String relative) {
        int n = Math.abs(relativeSteps(relative));
        return new RevisionException("Relative revision " + relative + " didn't produce " + n + " migration"
                + (n == 1 ? "" : "s") + ".");
    }

    private static List<Node> single(Node n) {
        List<Node> out = new ArrayList<>(1);
        out.add(n);
        return out;
    }

    private static List<Node> withoutBase(List<Node> nodes) {
        List<Node> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            if (n != null && n != Resolver.BASE) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> ids(Collection<Node> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n == null ? "<none>" : n.id()));
        return out;
    }
}
