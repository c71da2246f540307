package dev.flotilla.engine.script;

import dev.flotilla.engine.script.updown.UpDownNaming;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells which format a migrations folder is in from the names of what it holds: a {@code versions/}
 * folder, Flyway-like files ({@code V1…}, {@code U1…}, {@code R__…}) or up/down-like files
 * ({@code ….up.sql}, {@code ….down.sql}). Names that only look like a format are sorted to it here and
 * reported by that format's reader, so a near miss is an error rather than skipped.
 */
final class FormatDetection {

    /** The format found, and for an up/down folder the naming to read it with. */
    record Detected(ScriptFormat format, UpDownNaming naming) {
    }

    private static final Pattern FLYWAY_LIKE = Pattern.compile("([VU]\\d|R__).*");
    private static final int EXAMPLES = 3;

    private final Path folder;
    private final List<String> flyway = new ArrayList<>();
    private final List<String> upDown = new ArrayList<>();
    private final List<String> other = new ArrayList<>();
    private final List<Path> subfolders;

    private FormatDetection(FolderListing listing, UpDownNaming naming) {
        this.folder = listing.folder();
        this.subfolders = listing.subfolders();
        for (String name : listing.sqlFileNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".up.sql") || lower.endsWith(".down.sql") || (naming != null && naming.fits(name))) {
                upDown.add(name);
            } else if (FLYWAY_LIKE.matcher(name).matches()) {
                flyway.add(name);
            } else {
                other.add(name);
            }
        }
    }

    /** The format and naming to read {@code folder} with; {@link ScriptException} when none fits. */
    static Detected detect(Path folder, FormatOptions options) {
        if (options.format() == ScriptFormat.FLOTILLA || options.format() == ScriptFormat.FLYWAY) {
            return new Detected(options.format(), null);
        }
        List<Problem> found = new ArrayList<>();
        FolderListing listing = FolderListing.read(folder, found);
        if (listing == null) {
            throw new ScriptException(found);
        }
        FormatDetection detection = new FormatDetection(listing, options.naming());
        if (options.format() == ScriptFormat.UP_DOWN) {
            return new Detected(ScriptFormat.UP_DOWN, detection.naming(options.naming()));
        }
        return detection.check(detection.format(), options);
    }

    private ScriptFormat format() {
        boolean versions = Files.isDirectory(folder.resolve("versions"));
        if (versions && (!flyway.isEmpty() || !upDown.isEmpty())) {
            throw fail("mixes migration formats: a versions/ folder (Flotilla's own format) and "
                    + (flyway.isEmpty() ? count(upDown, "up/down file") : count(flyway, "Flyway file"))
                    + "; keep one format per folder");
        }
        if (!flyway.isEmpty() && !upDown.isEmpty()) {
            throw fail("mixes migration formats: " + count(flyway, "Flyway file") + " and "
                    + count(upDown, "up/down file") + "; keep one format per folder, or choose one with the"
                    + " format option");
        }
        if (versions) {
            return ScriptFormat.FLOTILLA;
        }
        if (!flyway.isEmpty()) {
            return ScriptFormat.FLYWAY;
        }
        if (!upDown.isEmpty()) {
            return ScriptFormat.UP_DOWN;
        }
        throw fail("no migrations found: the folder holds " + contents() + "; expected a versions/"
                + " folder (Flotilla's own format), V<version>__<description>.sql files (Flyway) or"
                + " <version>_<name>.up.sql and .down.sql files (up/down pairs)" + hint());
    }

    /** Rejects options that mean nothing for the format found. */
    private Detected check(ScriptFormat format, FormatOptions options) {
        if (options.naming() != null && format != ScriptFormat.UP_DOWN) {
            throw fail("an up/down naming was given, but the folder is in " + format.description());
        }
        if (format == ScriptFormat.FLOTILLA && !options.wholeFiles().globs().isEmpty()) {
            throw fail(FormatOptions.WHOLE_IN_FLOTILLA + " (the folder is in Flotilla's own format)");
        }
        return new Detected(format, format == ScriptFormat.UP_DOWN ? naming(options.naming()) : null);
    }

    /** The given naming, else the first preset every up/down file follows, else popx's (which reports). */
    private UpDownNaming naming(UpDownNaming given) {
        if (given != null) {
            return given;
        }
        return UpDownNaming.PRESETS.stream()
                .filter(n -> upDown.stream().allMatch(n::fits))
                .findFirst()
                .orElse(UpDownNaming.POPX);
    }

    private String contents() {
        List<String> parts = new ArrayList<>();
        if (!other.isEmpty()) {
            parts.add(count(other, "other SQL file"));
        }
        if (!subfolders.isEmpty()) {
            parts.add(count(subfolders.stream().map(p -> p.getFileName().toString()).toList(), "sub-folder"));
        }
        return parts.isEmpty() ? "no SQL files" : String.join(" and ", parts);
    }

    private String hint() {
        if (!subfolders.isEmpty()) {
            return ". If the sub-folders hold one database each, point at one of them";
        }
        return other.isEmpty() ? "" : ". If these are Flotilla scripts, point at the folder that holds versions/";
    }

    private static String count(List<String> names, String what) {
        String shown = String.join(", ", names.subList(0, Math.min(EXAMPLES, names.size())));
        String more = names.size() > EXAMPLES ? ", …" : "";
        return names.size() + " " + what + (names.size() == 1 ? "" : "s") + " (" + shown + more + ")";
    }

    private ScriptException fail(String message) {
        return new ScriptException(List.of(new Problem(folder, 0, message)));
    }
}
