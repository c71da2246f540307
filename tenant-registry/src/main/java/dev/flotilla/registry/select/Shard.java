package dev.flotilla.registry.select;

import dev.flotilla.registry.RegistryException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One of {@code count} disjoint parts of a fleet, so that {@code count} workers each run
 * {@code --shard i/count} and together cover every tenant exactly once. A tenant's shard depends only
 * on its id and {@code count}: the first 8 bytes of SHA-256 of the id's UTF-8, read as an unsigned
 * big-endian number, modulo {@code count}, plus one. Adding or removing other tenants never moves it.
 *
 * @param index 1-based, 1 to {@code count}
 * @param count 1 or more
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1) {
            throw new RegistryException("shard count must be 1 or more, was " + count);
        }
        if (index < 1 || index > count) {
            throw new RegistryException("shard index must be 1 to " + count + ", was " + index);
        }
    }

    /** Parses {@code I/N}, as given to {@code --shard}. */
    public static Shard parse(String text) {
        int slash = text.indexOf('/');
        try {
            if (slash > 0) {
                return new Shard(Integer.parseInt(text.substring(0, slash).strip()), Integer.parseInt(text.substring(slash + 1).strip()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new RegistryException("--shard must be I/N with whole numbers, 1 <= I <= N (e.g. 2/4), was '" + text + "'");
    }

    /** Whether the tenant with this id belongs to this shard. */
    public boolean contains(String id) {
        return indexOf(id, count) == index;
    }

    /** The 1-based shard of {@code id} among {@code count}. */
    public static int indexOf(String id, int count) {
        return indexOf(sha256(), id, count);
    }

    /** As {@link #indexOf(String, int)}, reusing a SHA-256 digest (not thread-safe). */
    static int indexOf(MessageDigest sha256, String id, int count) {
        byte[] digest = sha256.digest(id.getBytes(StandardCharsets.UTF_8));
        long head = 0;
        for (int i = 0; i < 8; i++) {
            head = (head << 8) | (digest[i] & 0xFF);
        }
        return (int) Long.remainderUnsigned(head, count) + 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
