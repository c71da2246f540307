package dev.flotilla.cli;

import dev.flotilla.config.ConfigExample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files {@code flotilla init} writes: the config module's commented {@code flotilla.yaml}
 * ({@link ConfigExample#TEXT}), an empty {@code migrations/versions/} and a {@code tenants.yaml} with two SQLite
 * tenants. Refuses to touch a folder that already holds any of them.
 */
final class ProjectScaffold {

    /** The config module's commented example, so that what init writes always loads. */
    static final String CONFIG = ConfigExample.TEXT;

    static final String TENANTS = """
            # The tenants Flotilla migrates; each names a server from flotilla.yaml.
            tenants:
              - {id: acme,   server: local, tags: [canary]}
              - {id: globex, server: local}
            """;

    private final Path root;

    /** @param root the project folder, absolute; it may not exist yet */
    ProjectScaffold(Path root) {
        this.root = root;
    }

    Path configFile() {
        return root.resolve(ProjectLocator.CONFIG_FILE);
    }

    Path tenantsFile() {
        return root.resolve("tenants.yaml");
    }

    /**
     * Creates the project, reporting each folder and file in Alembic's words as it goes. Throws, having
     * written nothing, when the folder is a file or already holds part of a project.
     */
    void create(Consumer<String> report) {
        refuseExisting();
        Path scripts = root.resolve(ProjectLocator.DEFAULT_SCRIPTS);
        Path versions = scripts.resolve("versions");
        for (Path dir : List.of(root, scripts, versions)) {
            if (!Files.isDirectory(dir)) {
                io(() -> Files.createDirectories(dir), dir);
                report.accept("  Creating directory " + dir + " ...  done");
            }
        }
        write(versions.resolve(".gitkeep"), "", report);
        write(configFile(), CONFIG, report);
        write(tenantsFile(), TENANTS, report);
    }

    private void refuseExisting() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new InputException("cannot create a project in " + root + ": it is a file");
        }
        List<Path> existing = Stream.of(configFile(), root.resolve(ProjectLocator.DEFAULT_SCRIPTS), tenantsFile())
                .filter(Files::exists)
                .toList();
        if (!existing.isEmpty()) {
            throw new InputException(existing.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + (existing.size() == 1 ? " already exists" : " already exist")
                    + "; init writes a new project and overwrites nothing. Choose another folder: flotilla init DIR");
        }
    }

    private static void write(Path file, String text, Consumer<String> report) {
        io(() -> Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW), file);
        report.accept("  Generating " + file + " ...  done");
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action, Path path) {
        try {
            action.run();
        } catch (IOException e) {
            throw new InputException("cannot create " + path + ": " + e, ExitCodes.FAILED, e);
        }
    }
}
