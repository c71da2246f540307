package dev.flotilla.engine.script;

import dev.flotilla.engine.revision.Revision;
import dev.flotilla.engine.script.Section.Direction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One parsed migration file: the revision its header declares, its checksum, and its upgrade and
 * downgrade sections. Immutable and thread-safe. Obtain one from {@link ScriptDirectory} or
 * {@link #read(Path)}.
 */
public final class MigrationScript {

    /** The map key of a generic section. */
    private static final String GENERIC = "";

    private final Revision revision;
    private final Path path;
    private final String checksum;
    private final Header header;
    private final Map<String, ParsedSection> upgrades = new HashMap<>();
    private final Map<String, ParsedSection> downgrades = new HashMap<>();

    MigrationScript(Revision revision, Path path, String checksum, Header header, List<ParsedSection> sections) {
        this.revision = revision;
        this.path = path;
        this.checksum = checksum;
        this.header = header;
        for (ParsedSection section : sections) {
            Marker marker = section.marker();
            Map<String, ParsedSection> byDialect = marker.direction() == Direction.UPGRADE ? upgrades : downgrades;
            byDialect.put(marker.dialect() == null ? GENERIC : marker.dialect(), section);
        }
    }

    /**
     * Reads and checks one file on its own (the revision graph is not consulted). Throws
     * {@link ScriptException} with every problem in the file.
     */
    public static MigrationScript read(Path file) {
        List<Problem> problems = new ArrayList<>();
        MigrationScript script = ScriptParser.parse(file, problems);
        if (script == null) {
            throw new ScriptException(problems);
        }
        return script;
    }

    /** The revision this file declares (its {@code source} is the file's path). */
    public Revision revision() {
        return revision;
    }

    /** The file, as given to {@link #read} or resolved against the versions folder given to it. */
    public Path path() {
        return path;
    }

    /** SHA-256 of the file's text with line endings normalised to LF, lower-case hex. */
    public String checksum() {
        return checksum;
    }

    /** The {@code create_date} header as written, or empty. */
    public String createDate() {
        return header.value(Header.CREATE_DATE);
    }

    /**
     * The upgrade section for a dialect ({@code postgresql}, {@code mysql}, {@code sqlite}, or
     * {@code mariadb} for mysql): the dialect's own section, else the generic one. Throws
     * {@link ScriptException} naming the file when there is neither, and {@link IllegalArgumentException}
     * for a dialect name no dialect has.
     */
    public Section upgradeFor(String dialect) {
        String name = Dialects.require(dialect);
        ParsedSection section = find(upgrades, name);
        if (section == null) {
            throw new ScriptException(List.of(new Problem(path, 0, "revision " + revision.id()
                    + " has no upgrade section for " + name + " (it has " + upgradeDialects() + "); add a '-- migrate:upgrade"
                    + " dialect=" + name + "' section, or a generic '-- migrate:upgrade' one")));
        }
        return section.toSection();
    }

    /**
     * What undoes this revision on a dialect: the dialect's own downgrade section, else the generic one,
     * each either written or marked irreversible; or {@link Downgrade.Absent} when there is neither.
     * Throws {@link IllegalArgumentException} for a dialect name no dialect has.
     */
    public Downgrade downgradeFor(String dialect) {
        String name = Dialects.require(dialect);
        ParsedSection section = find(downgrades, name);
        if (section == null) {
            return new Downgrade.Absent(revision.id(), path, name);
        }
        if (section.marker().irreversible()) {
            return new Downgrade.Irreversible(revision.id(), path, section.marker().line(), section.reason());
        }
        return new Downgrade.Written(section.toSection());
    }

    /** The line of a header key, or of the {@code revision} line when the key is absent. */
    int headerLine(String key) {
        int line = header.line(key);
        return line > 0 ? line : header.line(Header.REVISION);
    }

    private static ParsedSection find(Map<String, ParsedSection> byDialect, String dialect) {
        ParsedSection own = byDialect.get(dialect);
        return own != null ? own : byDialect.get(GENERIC);
    }

    private String upgradeDialects() {
        List<String> names = new ArrayList<>();
        for (String dialect : new TreeSet<>(upgrades.keySet())) {
            names.add("dialect=" + dialect);
        }
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return "MigrationScript[" + revision.id() + " at " + path + "]";
    }
}
