package dev.flotilla.engine.script;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.PatternSyntaxException;

/**
 * Which files of a Flyway or up/down folder must reach the server whole, unsplit (a MySQL procedure
 * body the splitter should not touch): glob patterns ({@code *}, {@code ?}, {@code [..]}, {@code {a,b}})
 * matched against the file name relative to the folder. Such a step runs outside a transaction. In
 * Flotilla's own format a section says it with the {@code whole} marker option instead. Immutable.
 *
 * @param globs the patterns, none blank; empty for none
 */
public record WholeFiles(List<String> globs) {

    /** No file is sent whole. */
    public static final WholeFiles NONE = new WholeFiles(List.of());

    public WholeFiles {
        globs = List.copyOf(Objects.requireNonNull(globs, "globs"));
        for (String glob : globs) {
            if (glob.isBlank()) {
                throw new IllegalArgumentException("a whole-file pattern must not be blank");
            }
            if (glob.startsWith("/") || glob.contains("\\")) {
                throw new IllegalArgumentException("whole-file pattern '" + glob + "' must be relative to the"
                        + " migrations folder and use '/', e.g. V7__procedures.sql or *_procedures.*.sql");
            }
            try {
                matcher(glob);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("whole-file pattern '" + glob + "' is not a valid glob: "
                        + e.getDescription());
            }
        }
    }

    public static WholeFiles of(String... globs) {
        return new WholeFiles(List.of(globs));
    }

    /** True when a pattern matches {@code relative}, a file's path relative to the migrations folder. */
    public boolean matches(Path relative) {
        return globs.stream().anyMatch(glob -> matcher(glob).matches(relative));
    }

    /**
     * One problem (on the folder) for each pattern that matches none of {@code files}, which are paths
     * relative to {@code folder}: a pattern that matches nothing is most likely a typo, and ignoring it
     * would split a file that was meant to go whole.
     */
    public List<Problem> unmatched(Path folder, Collection<Path> files) {
        List<Problem> problems = new ArrayList<>();
        for (String glob : globs) {
            PathMatcher matcher = matcher(glob);
            if (files.stream().noneMatch(matcher::matches)) {
                problems.add(new Problem(folder, 0, "whole-file pattern '" + glob + "' matches no migration file"
                        + " in the folder; fix the pattern or remove it"));
            }
        }
        return problems;
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }
}
