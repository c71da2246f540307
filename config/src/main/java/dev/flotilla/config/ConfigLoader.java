package dev.flotilla.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code flotilla.yaml} into a {@link ProjectConfig}: parses it, applies {@code FLOTILLA_*}
 * environment overrides, fills in {@code ${env:…}} and {@code ${file:…}}, and validates every key. The
 * format is described in docs/configuration.md. Stateless and thread-safe; reads no process-wide setting
 * (the environment is a parameter).
 */
public final class ConfigLoader {

    /**
     * {@code FLOTILLA_} variables that are not key overrides: the launcher's and the CLI's own. Variables
     * starting with {@code FLOTILLA_TEST_} (the test suites' databases) are not overrides either. Every
     * other {@code FLOTILLA_} variable must name a key.
     */
    public static final Set<String> NOT_OVERRIDES = Set.of("FLOTILLA_CONFIG", "FLOTILLA_JAVA_OPTS");

    private ConfigLoader() {
    }

    /**
     * Loads and validates {@code file}.
     *
     * @param file the config file; relative paths in it resolve against its folder
     * @param env  the environment variables ({@code System.getenv()} in the CLI, a plain map in tests):
     *             {@code ${env:…}} reads them and {@code FLOTILLA_*} ones override keys
     * @return the config, never null
     * @throws ConfigException with every problem found, when the file cannot be read or is not valid;
     *                         its message never holds a secret's value
     */
    public static ProjectConfig load(Path file, Map<String, String> env) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(env, "env");
        Problems problems = new Problems(file);
        String text = read(file, problems);
        Path folder = file.toAbsolutePath().normalize().getParent();
        Optional<Tree.Mapping> root = YamlReader.read(text, file.toString(), problems);
        if (root.isEmpty()) {
            throw problems.exception();
        }
        Overrides.apply(root.get(), env, problems);
        Section rootSection = Section.root(root.get(), problems, new Interpolator(env, folder));
        Optional<ProjectConfig> config = new ProjectReader(folder, problems).read(rootSection);
        problems.throwIfAny();
        return config.orElseThrow(() -> new IllegalStateException("no config and no problem reported"));
    }

    private static String read(Path file, Problems problems) {
        String why;
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            why = "the file does not exist; expected a flotilla.yaml (flotilla init writes one)";
        } catch (CharacterCodingException e) {
            why = "the file is not UTF-8 text; expected YAML in UTF-8";
        } catch (IOException e) {
            why = Files.isDirectory(file) ? "this is a folder; expected the config file"
                    : "cannot read the file: " + e;
        }
        problems.add(Origin.NOWHERE, "", why);
        throw problems.exception();
    }
}
