package dev.flotilla.engine.script;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.revision.RevisionGraph;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a versions folder: list the scripts, parse each once, check that ids are unique, and,
 * when every file is sound, validate the graph they form. Every problem is kept, sorted by path and
 * line.
 */
final class FolderScan {

    private static final Comparator<Problem> BY_PLACE =
            Comparator.comparing((Problem p) -> p.path().toString()).thenComparingInt(Problem::line);

    private final List<MigrationScript> scripts = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private FolderScan() {
    }

    static FolderScan of(Path versionsDir) {
        FolderScan scan = new FolderScan();
        scan.run(versionsDir);
        scan.problems.sort(BY_PLACE);
        return scan;
    }

    /** The scripts that parsed, in file-name order. */
    List<MigrationScript> scripts() {
        return List.copyOf(scripts);
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    private void run(Path versionsDir) {
        List<Path> files = listFiles(versionsDir);
        if (files == null) {
            return;
        }
        for (Path file : files) {
            MigrationScript script = ScriptParser.parse(file, problems);
            if (script != null) {
                scripts.add(script);
            }
        }
        if (problems.isEmpty() && idsAreUnique()) {
            List<Revision> revisions = scripts.stream().map(MigrationScript::revision).toList();
            problems.addAll(new GraphProblems(versionsDir, scripts).locate(RevisionGraph.validate(revisions)));
        }
    }

    /**
     * The {@code *.sql} files directly in the folder, by file name; hidden files (including editors'
     * {@code .#} lock files) are skipped. Null, with a problem reported, when the folder cannot be listed.
     */
    private List<Path> listFiles(Path versionsDir) {
        if (!Files.isDirectory(versionsDir)) {
            String what = Files.exists(versionsDir) ? "is not a folder" : "versions folder not found";
            problems.add(new Problem(versionsDir, 0, what + "; run 'flotilla init' to create one, or point"
                    + " --scripts (or 'scripts' in flotilla.yaml) at the folder that holds versions/"));
            return null;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(versionsDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".sql") && !name.startsWith(".") && Files.isRegularFile(entry)) {
                    files.add(versionsDir.resolve(name));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(versionsDir, 0, "cannot list the folder (" + e.getMessage() + ")"));
            return null;
        }
        files.sort(Comparator.comparing(file -> file.getFileName().toString()));
        return files;
    }

    /** Reports each file that declares an id an earlier file already declared. */
    private boolean idsAreUnique() {
        Map<String, MigrationScript> first = new HashMap<>();
        boolean unique = true;
        for (MigrationScript script : scripts) {
            MigrationScript earlier = first.putIfAbsent(script.revision().id(), script);
            if (earlier != null) {
                unique = false;
                problems.add(new Problem(script.path(), script.headerLine(Header.REVISION), "revision id '"
                        + script.revision().id() + "' is also declared in " + earlier.path() + ":"
                        + earlier.headerLine(Header.REVISION) + "; give one of them a new id"));
            }
        }
        return unique;
    }
}
