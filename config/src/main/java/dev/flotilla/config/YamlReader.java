package dev.flotilla.config;

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
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.Optional;

/**
 * Parses the file into a {@link Tree} with positions, reporting syntax errors and duplicate keys (which
 * YAML parsers otherwise resolve silently, last one wins). Uses snakeyaml-engine's composer only: no
 * object construction, no tags, no snakeyaml environment substitution. YAML 1.2's core schema, so that
 * {@code ~} and {@code null} are empty values as people expect.
 */
final class YamlReader {

    /** Deeper than the config ever goes; stops a self-referencing alias. */
    private static final int MAX_DEPTH = 16;

    private final Problems problems;

    private YamlReader(Problems problems) {
        this.problems = problems;
    }

    /** The top-level mapping, or empty when the file is not valid YAML or not a mapping (reported). */
    static Optional<Tree.Mapping> read(String text, String label, Problems problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(label).setSchema(new CoreSchema()).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            problems.add(e.getProblemMark().map(YamlReader::origin).orElse(Origin.NOWHERE), "",
                    "not valid YAML: " + context(e) + e.getProblem());
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.add(Origin.NOWHERE, "", "not valid YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (root.isEmpty()) {
            problems.add(Origin.NOWHERE, "", "the file is empty; expected a mapping of keys ("
                    + String.join(", ", Schema.ROOT.childNames()) + ")");
            return Optional.empty();
        }
        Tree tree = new YamlReader(problems).convert(root.get(), "", 0);
        if (tree instanceof Tree.Mapping mapping) {
            return Optional.of(mapping);
        }
        problems.add(tree.origin(), "", "expected a mapping of keys (" + String.join(", ", Schema.ROOT.childNames())
                + ") at the top level, found " + tree.describe());
        return Optional.empty();
    }

    /** snakeyaml's context ("while parsing a flow node"), when it gives one. */
    private static String context(MarkedYamlEngineException e) {
        return e.getContext() == null ? "" : e.getContext() + ", ";
    }

    private Tree convert(Node node, String path, int depth) {
        Origin origin = origin(node);
        if (depth > MAX_DEPTH) {
            problems.add(origin, path, "expected at most " + MAX_DEPTH + " levels of nesting, found more");
            return new Tree.Other("a structure nested too deep", origin);
        }
        if (node instanceof ScalarNode scalar) {
            return new Tree.Scalar(scalar.getValue(), scalar.getTag().equals(Tag.NULL), origin);
        }
        if (node instanceof MappingNode mappingNode) {
            Tree.Mapping mapping = new Tree.Mapping(origin);
            for (NodeTuple tuple : mappingNode.getValue()) {
                add(mapping, tuple, path, depth);
            }
            return mapping;
        }
        return new Tree.Other("a list", origin);
    }

    private void add(Tree.Mapping mapping, NodeTuple tuple, String path, int depth) {
        Origin keyOrigin = origin(tuple.getKeyNode());
        if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
            problems.add(keyOrigin, path, "expected a key name, found a mapping or list used as a key");
            return;
        }
        String key = keyNode.getValue();
        String keyPath = path.isEmpty() ? key : path + "." + key;
        Tree.Entry first = mapping.entries().get(key);
        if (first != null) {
            problems.add(keyOrigin, keyPath, "duplicate key '" + key + "' on lines " + first.keyOrigin().line()
                    + " and " + keyOrigin.line() + "; expected it once: keep one");
            return;
        }
        mapping.entries().put(key, new Tree.Entry(keyOrigin, convert(tuple.getValueNode(), keyPath, depth + 1)));
    }

    private static Origin origin(Node node) {
        return node.getStartMark().map(YamlReader::origin).orElse(Origin.NOWHERE);
    }

    private static Origin origin(Mark mark) {
        return new Origin(mark.getLine() + 1, mark.getColumn() + 1, null);
    }
}
