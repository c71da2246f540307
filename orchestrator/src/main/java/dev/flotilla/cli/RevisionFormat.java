package dev.flotilla.cli;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionGraph;
import dev.flotilla.engine.script.MigrationScript;
import dev.flotilla.engine.script.MigrationSet;
import dev.flotilla.engine.script.ScriptDirectory;

import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Alembic's text for a revision, character for character, so that a person (or a script) used to
 * {@code alembic heads}, {@code history}, {@code branches} and {@code show} reads ours the same way.
 * Each method mirrors one of Alembic 1.8's {@code Script} properties: {@code _head_only} with the
 * flags each command passes, {@code log_entry}, {@code longdoc} and {@code doc}. Branch labels are
 * sorted (Alembic prints a set, in no fixed order). Immutable.
 */
final class RevisionFormat {

    /** What the text needs from a revision's file: its path and its {@code create_date} as written. */
    record ScriptFacts(String path, String createDate) {
    }

    private final RevisionGraph graph;
    private final Function<String, ScriptFacts> facts;

    RevisionFormat(RevisionGraph graph, Function<String, ScriptFacts> facts) {
        this.graph = graph;
        this.facts = facts;
    }

    static RevisionFormat of(ScriptDirectory scripts) {
        return new RevisionFormat(scripts.graph(), id -> {
            MigrationScript script = scripts.script(id);
            return new ScriptFacts(script.path().toString(), script.createDate());
        });
    }

    /**
     * For any migration set: Flotilla's own folder as above; another format has no create date, and the
     * path is the revision's source.
     */
    static RevisionFormat of(MigrationSet migrations) {
        if (migrations instanceof ScriptDirectory scripts) {
            return of(scripts);
        }
        RevisionGraph graph = migrations.graph();
        return new RevisionFormat(graph, id -> new ScriptFacts(
                String.valueOf(graph.find(id).map(Revision::source).orElse(migrations.location().toString())), ""));
    }

    /** A line of {@code heads}: {@code rev (labels) (head)}, or {@code (effective head)}. */
    String headLine(Revision revision) {
        return headOnly(revision, false, false, false, null);
    }

    /** A line of {@code current}: {@code rev (head) (branchpoint) (mergepoint)}, without labels, as Alembic. */
    String currentLine(Revision revision) {
        return headOnly(revision, false, false, true, null, false);
    }

    /** A line of {@code history}: {@code down (deps) -> rev (labels) (head) (branchpoint) (mergepoint), doc}. */
    String historyLine(Revision revision) {
        return historyLine(revision, null);
    }

    /**
     * A line of {@code history} against a database: {@code status} ({@code current}, {@code applied}, ...)
     * stands in parentheses where Alembic's {@code history -i} puts {@code (current)}, after the head
     * indicators. A null status adds nothing.
     */
    String historyLine(Revision revision, String status) {
        return headOnly(revision, true, true, true, status);
    }

    /** One revision in {@code branches}: {@code rev (labels) (head) (branchpoint) (mergepoint)}, with its doc if asked. */
    String branchLine(Revision revision, boolean includeDoc) {
        return headOnly(revision, includeDoc, false, true, null);
    }

    /**
     * The block {@code branches} prints for a branch point: the branch point (its log entry when
     * verbose), then one {@code <indent> -> child} line per child, then an empty line.
     */
    String branchBlock(Revision branchPoint, boolean verbose) {
        String head = verbose ? logEntry(branchPoint) : branchLine(branchPoint, false);
        String indent = " ".repeat(branchPoint.id().length());
        String children = graph.nextRevisions(branchPoint.id()).stream()
                .map(id -> indent + " -> " + branchLine(graph.find(id).orElseThrow(), verbose))
                .collect(Collectors.joining("\n"));
        return head + "\n" + children + "\n";
    }

    /** Alembic's {@code log_entry}: the verbose form of every listing and the output of {@code show}. Ends in a newline. */
    String logEntry(Revision revision) {
        return logEntry(revision, null);
    }

    /** {@link #logEntry(Revision)} with a status last on its first line, where Alembic puts {@code (current)}. */
    String logEntry(Revision revision, String status) {
        String id = revision.id();
        StringBuilder entry = new StringBuilder("Rev: ").append(id)
                .append(graph.isHead(id) ? " (head)" : "")
                .append(graph.isBranchPoint(id) ? " (branchpoint)" : "")
                .append(revision.isMergePoint() ? " (mergepoint)" : "")
                .append(status == null ? "" : " (" + status + ")")
                .append('\n');
        entry.append(revision.isMergePoint() ? "Merges: " : "Parent: ").append(downRevisions(revision)).append('\n');
        if (!revision.dependsOn().isEmpty()) {
            entry.append("Also depends on: ").append(comma(revision.dependsOn())).append('\n');
        }
        if (graph.isBranchPoint(id)) {
            entry.append("Branches into: ").append(comma(graph.nextRevisions(id))).append('\n');
        }
        if (!graph.branchLabels(id).isEmpty()) {
            entry.append("Branch names: ").append(comma(graph.branchLabels(id))).append('\n');
        }
        entry.append("Path: ").append(facts.apply(id).path()).append('\n');
        String doc = longDoc(revision).lines().map(line -> "    " + line).collect(Collectors.joining("\n"));
        return entry.append('\n').append(doc).append('\n').toString();
    }

    /** The text Alembic's template puts in a script's docstring, stripped. */
    String longDoc(Revision revision) {
        return (revision.message() + "\n\nRevision ID: " + revision.id()
                + "\nRevises: " + comma(revision.downRevisions())
                + "\nCreate Date: " + facts.apply(revision.id()).createDate()).strip();
    }

    /** The first paragraph of {@link #longDoc}: normally the message. */
    String doc(Revision revision) {
        String longDoc = longDoc(revision);
        int end = longDoc.indexOf("\n\n");
        return end < 0 ? longDoc : longDoc.substring(0, end);
    }

    private String headOnly(Revision revision, boolean includeDoc, boolean includeParents, boolean treeIndicators,
                            String status) {
        return headOnly(revision, includeDoc, includeParents, treeIndicators, status, true);
    }

    private String headOnly(Revision revision, boolean includeDoc, boolean includeParents, boolean treeIndicators,
                            String status, boolean includeBranches) {
        String id = revision.id();
        StringBuilder text = new StringBuilder();
        if (includeParents) {
            text.append(downRevisions(revision));
            if (!revision.dependsOn().isEmpty()) {
                text.append(" (").append(comma(revision.dependsOn())).append(')');
            }
            text.append(" -> ");
        }
        text.append(id);
        if (includeBranches && !graph.branchLabels(id).isEmpty()) {
            text.append(" (").append(comma(graph.branchLabels(id))).append(')');
        }
        if (graph.isResolvedHead(id)) {
            text.append(" (head)");
        } else if (graph.isHead(id)) {
            text.append(" (effective head)");
        }
        if (status != null) {
            text.append(" (").append(status).append(')');
        }
        if (treeIndicators) {
            text.append(graph.isBranchPoint(id) ? " (branchpoint)" : "")
                    .append(revision.isMergePoint() ? " (mergepoint)" : "");
        }
        if (includeDoc) {
            text.append(", ").append(doc(revision));
        }
        return text.toString();
    }

    private static String downRevisions(Revision revision) {
        return revision.isBase() ? "<base>" : comma(revision.downRevisions());
    }

    private static String comma(Collection<String> values) {
        return String.join(", ", values);
    }
}
