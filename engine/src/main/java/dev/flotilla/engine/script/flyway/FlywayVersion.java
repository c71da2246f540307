package dev.flotilla.engine.script.flyway;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A Flyway version: numbers separated by {@code .} or {@code _}, compared number by number as Flyway
 * compares them, so {@code 1.9 < 1.10} and {@code 1 = 1.0 = 01}. Immutable.
 *
 * @param id    the version as written with every {@code _} turned into {@code .}, as Flyway shows it in
 *              its history table; the revision id
 * @param parts the numbers, trailing zeros dropped (they do not change the order)
 */
record FlywayVersion(String id, List<BigInteger> parts) implements Comparable<FlywayVersion> {

    FlywayVersion {
        parts = List.copyOf(parts);
    }

    /** Parses digits separated by single dots or underscores; the caller has checked that shape. */
    static FlywayVersion parse(String written) {
        String id = written.replace('_', '.');
        List<BigInteger> parts = new ArrayList<>();
        for (String part : id.split("\\.")) {
            parts.add(new BigInteger(part));
        }
        while (!parts.isEmpty() && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return new FlywayVersion(id, parts);
    }

    @Override
    public int compareTo(FlywayVersion other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            int order = part(i).compareTo(other.part(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private BigInteger part(int i) {
        return i < parts.size() ? parts.get(i) : BigInteger.ZERO;
    }
}
