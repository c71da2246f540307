package dev.flotilla.metrics;

import java.util.Locale;
import java.util.OptionalInt;

/** The circuit-state gauge's values for the state names Resilience4j reports. */
final class CircuitStates {

    static final int CLOSED = 0;
    static final int HALF_OPEN = 1;
    static final int OPEN = 2;

    private CircuitStates() {
    }

    /** The gauge value of a state name; empty for a name this version does not know. */
    static OptionalInt value(String state) {
        return switch (state.toLowerCase(Locale.ROOT).replace('-', '_')) {
            // disabled and metrics_only let every call through, which is what closed means to a reader.
            case "closed", "disabled", "metrics_only" -> OptionalInt.of(CLOSED);
            case "half_open" -> OptionalInt.of(HALF_OPEN);
            case "open", "forced_open" -> OptionalInt.of(OPEN);
            default -> OptionalInt.empty();
        };
    }
}
