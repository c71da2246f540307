package dev.flotilla.cli;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the two keys of {@code flotilla.yaml} the command line needs before the config module reads the
 * whole file: {@code scripts:} and {@code version_table:}. Other keys are left alone here (not
 * rejected): the config module owns them. Errors name the file and line.
 */
final class ConfigSettings {

    private ConfigSettings() {
    }

    /** The migrations folder the config names, resolved against the config file's folder. */
    static Path scripts(Path configFile) {
        return topLevel(configFile, "scripts", "the migrations folder, e.g. `scripts: migrations`")
                .map(found -> folder(configFile, found.getValue(), line(found)))
                .orElseGet(() -> folder(configFile, ProjectLocator.DEFAULT_SCRIPTS, 0));
    }

    /**
     * The version table the config names ({@code version_table:}), if it names one. The name itself is
     * checked where it is used (the runner's settings), so an error names this file and line.
     */
    static Optional<Setting> versionTable(Path configFile) {
        return topLevel(configFile, "version_table", "the version table, e.g. `version_table: flotilla_version`")
                .map(found -> new Setting(found.getValue(), configFile + ":" + line(found)));
    }

    /** A value read from the config and where it was read, {@code file:line}, for messages. */
    record Setting(String value, String origin) {
    }

    private static Optional<ScalarNode> topLevel(Path configFile, String name, String expected) {
        Optional<Node> root = compose(configFile);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            throw at(configFile, root.get(), "expected a mapping of keys (scripts:, servers:, ...) at the top level");
        }
        ScalarNode found = null;
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && name.equals(key.getValue())) {
                if (found != null) {
                    throw at(configFile, key, "key " + name + " is given twice (first on line " + line(found) + ")");
                }
                found = scalar(configFile, name, expected, tuple.getValueNode());
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<Node> compose(Path configFile) {
        String text;
        try {
            text = Files.readString(configFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("cannot read config file " + configFile + ": " + e.getMessage(), 2, e);
        }
        LoadSettings settings = LoadSettings.builder().setLabel(configFile.toString()).build();
        try {
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new InputException(configFile + ":" + line + ": not valid YAML: " + e.getProblem(), 2, e);
        } catch (YamlEngineException e) {
            throw new InputException(configFile + ": not valid YAML: " + e.getMessage(), 2, e);
        }
    }

    private static ScalarNode scalar(Path configFile, String name, String expected, Node value) {
        if (!(value instanceof ScalarNode scalar) || value.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()) {
            throw at(configFile, value, "key " + name + " must name " + expected);
        }
        return scalar;
    }

    private static Path folder(Path configFile, String value, int line) {
        try {
            return configFile.toAbsolutePath().getParent().resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw new InputException(configFile + ":" + line + ": key scripts is not a valid path: " + e.getMessage());
        }
    }

    private static InputException at(Path configFile, Node node, String message) {
        return new InputException(configFile + ":" + line(node) + ": " + message);
    }

    private static int line(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(-1) + 1;
    }
}
