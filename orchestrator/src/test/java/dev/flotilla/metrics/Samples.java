package dev.flotilla.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** The samples of a Prometheus text exposition, {@code name{labels}} to value; comments left out. */
final class Samples {

    private Samples() {
    }

    static Map<String, Double> parse(String exposition) {
        Map<String, Double> samples = new LinkedHashMap<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }

    /** Only the samples of Flotilla's own meters. */
    static Map<String, Double> flotilla(String exposition) {
        Map<String, Double> samples = new LinkedHashMap<>();
        parse(exposition).forEach((name, value) -> {
            if (name.startsWith("flotilla_")) {
                samples.put(name, value);
            }
        });
        return samples;
    }
}
