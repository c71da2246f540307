package dev.flotilla.engine.script;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a migrations folder holds directly: its SQL files and its sub-folders, each sorted by name.
 * Hidden entries (names starting with {@code .}, editors' {@code .#} lock files among them) are left
 * out, and so are files that do not end in {@code .sql} in any letter case ({@code README.md},
 * {@code .gitkeep}). Shared by the format readers and by format detection. Immutable.
 *
 * @param sqlFiles   the files whose names end in {@code .sql}, ignoring case, so that {@code V1__x.SQL}
 *                   is reported as a bad name rather than ignored
 * @param subfolders the folders
 */
public record FolderListing(Path folder, List<Path> sqlFiles, List<Path> subfolders) {

    private static final Comparator<Path> BY_NAME = Comparator.comparing(p -> p.getFileName().toString());

    public FolderListing {
        sqlFiles = List.copyOf(sqlFiles);
        subfolders = List.copyOf(subfolders);
    }

    /**
     * Lists a folder. Null, with a problem added, when it does not exist, is not a folder, or cannot be
     * listed.
     */
    public static FolderListing read(Path folder, List<Problem> found) {
        if (!Files.isDirectory(folder)) {
            found.add(new Problem(folder, 0, Files.exists(folder) ? "is not a folder; point at the folder that"
                    + " holds the migrations" : "migrations folder not found; check the path"));
            return null;
        }
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    folders.add(folder.resolve(name));
                } else if (name.toLowerCase(Locale.ROOT).endsWith(".sql") && Files.isRegularFile(entry)) {
                    files.add(folder.resolve(name));
                }
            }
        } catch (IOException e) {
            found.add(new Problem(folder, 0, "cannot list the folder (" + e.getMessage() + ")"));
            return null;
        }
        files.sort(BY_NAME);
        folders.sort(BY_NAME);
        return new FolderListing(folder, files, folders);
    }

    /**
     * One problem per sub-folder that holds SQL files. The Flyway and up/down readers read only the
     * folder itself, so such files would otherwise be skipped without a word.
     */
    public List<Problem> subfoldersWithSql(String format) {
        List<Problem> problems = new ArrayList<>();
        for (Path subfolder : subfolders) {
            FolderListing inner = read(subfolder, problems);
            if (inner != null && !inner.sqlFiles().isEmpty()) {
                problems.add(new Problem(subfolder, 0, "sub-folder with " + inner.sqlFiles().size() + " SQL file(s);"
                        + " Flotilla reads only the files directly in " + format + " folder: move them up, or, if"
                        + " the sub-folders are one per database, point at the one for your database"));
            }
        }
        return problems;
    }

    /** The file names, for matching and messages. */
    public List<String> sqlFileNames() {
        return sqlFiles.stream().map(p -> p.getFileName().toString()).toList();
    }
}
