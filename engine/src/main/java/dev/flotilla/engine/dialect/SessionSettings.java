package dev.flotilla.engine.dialect;

import java.util.List;
import java.util.Objects;

/**
 * Session settings a step's transaction needs, as a SELECT list with {@code ?} parameters, so that the runner
 * can fold them into the statement that records the step instead of sending them in a round trip of their
 * own. Immutable.
 *
 * @param selectList expressions that apply the settings when evaluated; empty when nothing is needed
 * @param parameters the values of the list's parameters, in order
 */
public record SessionSettings(String selectList, List<String> parameters) {

    public static final SessionSettings NONE = new SessionSettings("", List.of());

    public SessionSettings {
        Objects.requireNonNull(selectList, "selectList");
        parameters = List.copyOf(parameters);
    }

    public boolean isEmpty() {
        return selectList.isEmpty();
    }
}
