package dev.flotilla.engine.script;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionException;

import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the {@link Revision} a header declares. {@link Revision}'s constructor is the one place the
 * rules for ids, labels and self-loops live; it is tried field by field so that each problem points
 * at the header line at fault, and all of them are reported at once.
 */
final class HeaderRevision {

    private HeaderRevision() {
    }

    /** The revision, or null when the header lacks a required key or a field breaks a rule (reported). */
    static Revision build(Header header, FileProblems problems) {
        if (!header.has(Header.REVISION) || !header.has(Header.DOWN_REVISION)) {
            return null;
        }
        String id = header.value(Header.REVISION);
        List<String> downRevisions = header.list(Header.DOWN_REVISION);
        List<String> dependsOn = header.list(Header.DEPENDS_ON);
        List<String> branchLabels = header.list(Header.BRANCH_LABELS);
        if (!valid(header, Header.REVISION, problems, () -> new Revision(id, null, null, null, "", null))) {
            return null;
        }
        boolean valid = valid(header, Header.DOWN_REVISION, problems,
                () -> new Revision(id, downRevisions, null, null, "", null));
        valid &= valid(header, Header.DEPENDS_ON, problems, () -> new Revision(id, null, dependsOn, null, "", null));
        valid &= valid(header, Header.BRANCH_LABELS, problems,
                () -> new Revision(id, null, null, branchLabels, "", null));
        if (!valid) {
            return null;
        }
        String source = problems.path().toString();
        return new Revision(id, downRevisions, dependsOn, branchLabels, header.value(Header.MESSAGE), source);
    }

    private static boolean valid(Header header, String key, FileProblems problems, Supplier<Revision> attempt) {
        try {
            attempt.get();
            return true;
        } catch (RevisionException e) {
            problems.add(header.line(key), e.getMessage());
            return false;
        }
    }
}
