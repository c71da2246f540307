package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewRevisionTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 25, 22, 4, 28, 123_456_000, ZoneOffset.UTC);

    private static NewRevision spec(String id, List<String> down, String message) {
        return new NewRevision(id, down, List.of(), List.of(), message, NOW);
    }

    @Test
    void aBlankOrNullMessageBecomesEmptyMessageAndOthersAreStripped() {
        assertThat(spec("a", List.of(), null).message()).isEqualTo("empty message");
        assertThat(spec("a", List.of(), "   ").message()).isEqualTo("empty message");
        assertThat(spec("a", List.of(), "  add t ").message()).isEqualTo("add t");
    }

    @Test
    void idsAreCheckedByTheRevisionRules() {
        assertThatThrownBy(() -> spec(" ", List.of(), "m"))
                .isInstanceOf(RevisionException.class)
                .hasMessage("A revision id must not be empty.");
        assertThatThrownBy(() -> spec("a+1", List.of(), "m"))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Character '+' is not allowed in revision id 'a+1'; ids may not contain whitespace or any of @-+:,.");
        assertThatThrownBy(() -> spec("a", List.of("a"), "m"))
                .hasMessage("Revision a names itself as its down_revision (a self-loop); point it at the revision it follows.");
    }

    @Test
    void listEntriesMustSurviveTheCommaSeparatedHeader() {
        assertThatThrownBy(() -> spec("b", List.of("a,c"), "m"))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Entry 'a,c' in down_revision of new revision b contains ','; the header lists revision ids"
                        + " and branch labels separated by commas.");
        assertThatThrownBy(() -> new NewRevision("b", List.of(), List.of(), List.of("x y"), "m", NOW))
                .hasMessage("Entry 'x y' in depends_on of new revision b contains whitespace; the header lists"
                        + " revision ids and branch labels separated by commas.");
    }

    @Test
    void anIdMustNameAFileInsideTheVersionsFolder() {
        for (String id : List.of("../up", "a/b", "a\\b", ".hidden")) {
            assertThatThrownBy(() -> spec(id, List.of(), "m"))
                    .isInstanceOf(RevisionException.class)
                    .hasMessage("Revision id '" + id + "' cannot name a file in the versions folder; ids may not"
                            + " contain / or \\ or start with a dot.");
        }
    }

    @Test
    void aMessageMustBeOneLine() {
        assertThatThrownBy(() -> spec("a", List.of(), "one\ntwo"))
                .isInstanceOf(RevisionException.class)
                .hasMessage("The message of new revision a has a line break; the header holds one line: give a"
                        + " one-line message.");
    }

    @Test
    void nullListsAndDateAreRejectedByName() {
        assertThatThrownBy(() -> spec("a", null, "m"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("downRevisions (use List.of() for a base revision)");
        assertThatThrownBy(() -> new NewRevision("a", List.of(), List.of(), List.of(), "m", null))
                .hasMessage("createDate");
    }

    @Test
    void itDescribesTheRevisionItsFileWillDeclare() {
        NewRevision spec = new NewRevision("m", List.of("a", "b"), List.of("x"), List.of("lib"), "merge", NOW);

        assertThat(spec.toRevision("v/m_merge.sql"))
                .isEqualTo(new Revision("m", List.of("a", "b"), List.of("lib"), List.of("x"), "merge", "v/m_merge.sql"));
    }
}
