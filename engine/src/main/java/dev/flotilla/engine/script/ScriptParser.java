package dev.flotilla.engine.script;

import dev.flotilla.engine.revision.Revision;

import java.nio.file.Path;
import java.util.List;

/** Reads one migration file into a {@link MigrationScript}, or into every problem that stops it. */
final class ScriptParser {

    private ScriptParser() {
    }

    /** The script, or null when the file has problems; these are added to {@code found}. */
    static MigrationScript parse(Path path, List<Problem> found) {
        FileProblems problems = new FileProblems(path);
        MigrationScript script = parse(problems);
        found.addAll(problems.list());
        return script;
    }

    private static MigrationScript parse(FileProblems problems) {
        ScriptText text = ScriptText.read(problems);
        if (text == null) {
            return null;
        }
        Header header = Header.parse(text, problems);
        List<ParsedSection> sections = SectionParser.parse(text, header.endLine(), problems);
        Revision revision = HeaderRevision.build(header, problems);
        if (problems.any()) {
            return null;
        }
        return new MigrationScript(revision, problems.path(), text.checksum(), header, sections);
    }
}
