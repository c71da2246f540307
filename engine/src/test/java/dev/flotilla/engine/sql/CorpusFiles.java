package dev.flotilla.engine.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the corpus is and which dialects read each of its files. Public for the corpus tests of other
 * packages (the script formats).
 */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    /** {@code <repository root>/../shared/corpus}, or null when it is not there. */
    public static Path locate() {
        Path candidate = expectedLocation();
        return candidate != null && Files.isDirectory(candidate) ? candidate : null;
    }

    /**
     * The repository root is the nearest folder above the working directory (the module) that holds
     * {@code .git}, or failing that the topmost one that holds a {@code pom.xml}.
     */
    public static Path expectedLocation() {
        Path topmostPom = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir.resolveSibling("shared").resolve("corpus");
            }
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                topmostPom = dir;
            }
        }
        return topmostPom == null ? null : topmostPom.resolveSibling("shared").resolve("corpus");
    }

    static List<Path> sqlFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }

    /**
     * kratos: {@code .postgres.} (and {@code .cockroach.}, which PostgreSQL's lexical rules fit),
     * {@code .mysql.}, {@code .sqlite3.} or {@code .sqlite.}, and generic files read as all three;
     * authelia and kestra: the folder. Kestra's {@code h2} folder is read as none.
     */
    static List<SqlDialect> dialectsOf(Path relative) {
        String path = relative.toString().replace('\\', '/');
        String name = relative.getFileName().toString();
        if (path.contains("/postgres/")) {
            return List.of(SqlDialect.POSTGRESQL);
        }
        if (path.contains("/mysql/")) {
            return List.of(SqlDialect.MYSQL);
        }
        if (path.contains("/sqlite/")) {
            return List.of(SqlDialect.SQLITE);
        }
        if (path.contains("/h2/")) {
            return List.of();
        }
        if (name.contains(".postgres.") || name.contains(".cockroach.")) {
            return List.of(SqlDialect.POSTGRESQL);
        }
        if (name.contains(".mysql.")) {
            return List.of(SqlDialect.MYSQL);
        }
        if (name.contains(".sqlite3.") || name.contains(".sqlite.")) {
            return List.of(SqlDialect.SQLITE);
        }
        return List.of(SqlDialect.values());
    }
}
