package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.internal.Digests;

import java.util.HexFormat;

/**
 * The {@code GET_LOCK} name of a target: {@code flotilla:<database>.<table>}, readable in
 * {@code IS_USED_LOCK} and in the server's lock tables; when that is longer than the 64 characters MySQL
 * allows, {@code flotilla:} and the first 55 hex digits of a SHA-256 over both names.
 *
 * <p>Only the target database and table make the name, not the connection's current database: user
 * locks are server-wide, and two runs that reach one target from different current databases must
 * still meet on one lock.
 */
final class LockName {

    static final int MAX_CHARS = 64;
    private static final String PREFIX = "flotilla:";

    private LockName() {
    }

    static String of(String database, String table) {
        String readable = PREFIX + database + "." + table;
        if (readable.codePointCount(0, readable.length()) <= MAX_CHARS) {
            return readable;
        }
        String hex = HexFormat.of().formatHex(Digests.sha256(database, table));
        return PREFIX + hex.substring(0, MAX_CHARS - PREFIX.length());
    }
}
