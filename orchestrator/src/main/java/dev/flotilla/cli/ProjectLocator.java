package dev.flotilla.cli;

import dev.flotilla.config.ConfigLoader;
import dev.flotilla.config.ProjectConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the migrations folder from the global options, {@code $FLOTILLA_CONFIG} and the working
 * directory, in that order of precedence: {@code --scripts DIR}; the {@code scripts:} key of the
 * config ({@code --config FILE}, else {@code $FLOTILLA_CONFIG}, else {@code ./flotilla.yaml}); else
 * {@code ./migrations} when it exists. A config file is read whole by the config module
 * ({@link ConfigLoader}, with this environment's variables), so an invalid one is an error (exit 2) for
 * every command. Stateless apart from the environment it was given.
 */
final class ProjectLocator {

    static final String CONFIG_VARIABLE = "FLOTILLA_CONFIG";
    static final String CONFIG_FILE = "flotilla.yaml";
    static final String DEFAULT_SCRIPTS = "migrations";

    private final CliEnvironment env;

    ProjectLocator(CliEnvironment env) {
        this.env = env;
    }

    Project locate(GlobalOptions options) {
        Optional<Path> config = configFile(options);
        Optional<ProjectConfig> loaded = config.map(file -> ConfigLoader.load(file, env.variables()));
        Path scripts;
        String origin;
        if (options.scripts != null) {
            scripts = resolve(options.scripts);
            origin = "--scripts";
        } else if (config.isPresent()) {
            scripts = loaded.orElseThrow().scripts();
            origin = "scripts: in " + config.get();
        } else {
            scripts = env.workingDirectory().resolve(DEFAULT_SCRIPTS);
            origin = "the default";
            if (!Files.isDirectory(scripts)) {
                throw new InputException("no " + CONFIG_FILE + " in " + env.workingDirectory()
                        + "; run `flotilla init` or pass --scripts DIR");
            }
        }
        return checked(new Project(scripts, loaded, config), origin);
    }

    private Optional<Path> configFile(GlobalOptions options) {
        if (options.config != null) {
            return Optional.of(existing(resolve(options.config), "--config"));
        }
        Optional<String> fromEnv = env.variable(CONFIG_VARIABLE);
        if (fromEnv.isPresent()) {
            return Optional.of(existing(resolve(Path.of(fromEnv.get())), "$" + CONFIG_VARIABLE));
        }
        Path local = env.workingDirectory().resolve(CONFIG_FILE);
        return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
    }

    private Path resolve(Path path) {
        return env.workingDirectory().resolve(path).normalize();
    }

    private static Path existing(Path config, String origin) {
        if (!Files.isRegularFile(config)) {
            throw new InputException("config file " + config + " (from " + origin + ") does not exist"
                    + (Files.isDirectory(config) ? " as a file; it is a folder" : ""));
        }
        return config;
    }

    private static Project checked(Project project, String origin) {
        if (!Files.isDirectory(project.scriptsDir())) {
            throw new InputException("migrations folder " + project.scriptsDir() + " (from " + origin
                    + ") does not exist; run `flotilla init` or pass --scripts DIR");
        }
        return project;
    }
}
