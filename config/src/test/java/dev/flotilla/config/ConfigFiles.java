package dev.flotilla.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes config files into a test's folder and loads them. */
final class ConfigFiles {

    private final Path dir;

    ConfigFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path write(String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProjectConfig load(String yaml) {
        return load(yaml, Map.of());
    }

    ProjectConfig load(String yaml, Map<String, String> env) {
        return ConfigLoader.load(write("flotilla.yaml", yaml), env);
    }

    ConfigException failure(String yaml) {
        return failure(yaml, Map.of());
    }

    ConfigException failure(String yaml, Map<String, String> env) {
        Path file = write("flotilla.yaml", yaml);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ConfigLoader.load(file, env));
        assertThatThrownBy(() -> { throw thrown; }).isInstanceOf(ConfigException.class);
        return (ConfigException) thrown;
    }

    /** Each problem as {@code line:column keyPath: message} (the file is always flotilla.yaml in the test folder). */
    List<String> problems(String yaml) {
        return problems(yaml, Map.of());
    }

    List<String> problems(String yaml, Map<String, String> env) {
        return failure(yaml, env).problems().stream()
                .map(p -> p.line() + ":" + p.column() + " " + p.keyPath() + ": " + p.message())
                .toList();
    }

    /** The smallest valid config, with {@code extra} lines appended at the top level. */
    static String minimal(String extra) {
        return """
                servers:
                  local:
                    url: jdbc:sqlite:data/${tenant.id}.db
                registry:
                  file: tenants.yaml
                """ + extra;
    }
}
