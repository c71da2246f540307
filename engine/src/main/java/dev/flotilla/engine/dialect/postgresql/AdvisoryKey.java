package dev.flotilla.engine.dialect.postgresql;

import dev.flotilla.engine.dialect.internal.Digests;

import java.nio.ByteBuffer;

/**
 * The 64-bit advisory lock key of a target: the first 8 bytes of SHA-256 over database, schema and
 * version table. Advisory keys are one flat space per database that other software shares too, so a
 * hash of the full name is used rather than, say, a table's oid (which differs between runs that
 * create the table and runs that find it).
 *
 * @param database the connection's database
 * @param schema   the target schema (never null: the current schema when none was named)
 * @param table    the version table
 */
record AdvisoryKey(String database, String schema, String table) {

    long value() {
        return ByteBuffer.wrap(Digests.sha256(database, schema, table)).getLong();
    }

    /** pg_locks shows a bigint key as classid (high half), objid (low half), objsubid 1. */
    long classId() {
        return value() >>> 32;
    }

    long objectId() {
        return value() & 0xFFFF_FFFFL;
    }

    /** How messages name the target. */
    String target() {
        return schema + "." + table + " in database " + database;
    }
}
