package dev.flotilla.engine.script.updown;

import dev.flotilla.engine.script.FolderListing;
import dev.flotilla.engine.script.Problem;
import dev.flotilla.engine.script.SqlFile;
import dev.flotilla.engine.script.WholeFiles;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pass over an up/down folder: parse every SQL file's name, group the files by version number,
 * read the files of Flotilla's dialects, and keep every problem. Not thread-safe: one per load.
 */
final class UpDownScan {

    /** A version's files as they are found. */
    private static final class Found {
        final UpDownName first;
        final Map<String, UpDownFile> files = new HashMap<>();

        Found(UpDownName first) {
            this.first = first;
        }
    }

    private final List<Problem> problems = new ArrayList<>();
    private final Map<BigInteger, Found> versions = new TreeMap<>();

    private UpDownScan() {
    }

    static UpDownScan of(Path dir, UpDownNaming naming, WholeFiles whole) {
        UpDownScan scan = new UpDownScan();
        FolderListing listing = FolderListing.read(dir, scan.problems);
        if (listing != null) {
            scan.run(listing, naming, whole);
        }
        return scan;
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The versions in numeric order; complete only when there are no problems. */
    List<UpDownVersion> versions() {
        return versions.values().stream()
                .map(f -> new UpDownVersion(f.first.version(), f.first.name(), f.first.file(), f.files))
                .toList();
    }

    private void run(FolderListing listing, UpDownNaming naming, WholeFiles whole) {
        problems.addAll(listing.subfoldersWithSql("an up/down"));
        for (Path file : listing.sqlFiles()) {
            UpDownName name = UpDownName.parse(file, naming, problems);
            if (name != null && fitsItsVersion(name) && !FileDialect.IGNORED.equals(name.dialect())) {
                SqlFile sql = SqlFile.read(file, problems);
                if (sql != null) {
                    add(new UpDownFile(name, sql, whole.matches(file.getFileName())));
                }
            }
        }
        problems.addAll(whole.unmatched(listing.folder(), listing.sqlFiles().stream().map(Path::getFileName).toList()));
    }

    /** The first file of a version sets its spelling and name; the others must agree. */
    private boolean fitsItsVersion(UpDownName name) {
        Found found = versions.computeIfAbsent(name.number(), n -> new Found(name));
        UpDownName first = found.first;
        if (!first.version().equals(name.version())) {
            problems.add(new Problem(name.file(), 0, "version " + name.version() + " is the same number as "
                    + first.version() + " in " + first.file() + ", spelled differently; spell it alike in both"
                    + " files, or give one of them another version"));
            return false;
        }
        if (!first.name().equals(name.name())) {
            problems.add(new Problem(name.file(), 0, "version " + name.version() + " is named '" + name.name()
                    + "' here but '" + first.name() + "' in " + first.file() + "; the files of one version share"
                    + " its name: rename one, or give it another version"));
            return false;
        }
        return true;
    }

    private void add(UpDownFile file) {
        UpDownName name = file.name();
        String key = UpDownVersion.key(name.dialect(), name.direction());
        UpDownFile earlier = versions.get(name.number()).files.putIfAbsent(key, file);
        if (earlier != null) {
            String which = name.dialect() == null ? "generic" : name.dialect();
            problems.add(new Problem(name.file(), 0, "a second " + which + " " + name.direction().name().toLowerCase()
                    + " file for version " + name.version() + " (the first is " + earlier.name().file()
                    + "); keep one of them"));
        }
    }
}
