package dev.flotilla.engine.script.flyway;

import dev.flotilla.engine.script.FolderListing;
import dev.flotilla.engine.script.Problem;
import dev.flotilla.engine.script.SqlFile;
import dev.flotilla.engine.script.WholeFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pass over a Flyway folder: parse every SQL file's name, read it, pair undo files with their
 * versions, and keep every problem. Not thread-safe: one per load.
 */
final class FlywayScan {

    /** A file whose name parsed, with its text. */
    private record Named(FlywayName name, SqlFile file) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final Map<FlywayVersion, Named> versioned = new TreeMap<>();
    private final Map<FlywayVersion, Named> undos = new TreeMap<>();
    private final List<FlywayMigration> migrations = new ArrayList<>();

    private FlywayScan() {
    }

    static FlywayScan of(Path dir, WholeFiles whole) {
        FlywayScan scan = new FlywayScan();
        FolderListing listing = FolderListing.read(dir, scan.problems);
        if (listing != null) {
            scan.run(listing, whole);
        }
        return scan;
    }

    /** The migrations in version order; complete only when there are no problems. */
    List<FlywayMigration> migrations() {
        return List.copyOf(migrations);
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    private void run(FolderListing listing, WholeFiles whole) {
        // Flyway reads sub-folders too; Flotilla does not, so say so rather than skip them
        problems.addAll(listing.subfoldersWithSql("a Flyway"));
        for (Path file : listing.sqlFiles()) {
            FlywayName name = FlywayName.parse(file, problems);
            SqlFile text = name == null ? null : SqlFile.read(file, problems);
            if (text != null) {
                add(name.undo() ? undos : versioned, new Named(name, text));
            }
        }
        for (Named undo : undos.values()) {
            if (!versioned.containsKey(undo.name().version())) {
                problems.add(new Problem(undo.file().path(), 0, "undo file for version " + undo.name().version().id()
                        + ", but no V file has that version; rename it to match its V file or remove it"));
            }
        }
        problems.addAll(whole.unmatched(listing.folder(), listing.sqlFiles().stream().map(Path::getFileName).toList()));
        for (Named v : versioned.values()) {
            Named u = undos.get(v.name().version());
            SqlFile undo = u == null ? null : u.file();
            migrations.add(new FlywayMigration(v.name(), v.file(), undo, whole.matches(v.file().path().getFileName()),
                    undo != null && whole.matches(undo.path().getFileName())));
        }
    }

    /** Two files of one kind whose versions compare equal ({@code 1.0} and {@code 1}) are an error. */
    private void add(Map<FlywayVersion, Named> byVersion, Named named) {
        Named earlier = byVersion.putIfAbsent(named.name().version(), named);
        if (earlier != null) {
            problems.add(new Problem(named.file().path(), 0, "version " + named.name().version().id()
                    + " is also the version of " + earlier.file().path() + " (Flyway compares versions number by"
                    + " number, so 1.0 = 1 = 01); give one of them another version"));
        }
    }
}
