package dev.flotilla.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every key {@code flotilla.yaml} may hold and what each expects, as data: the reader checks keys
 * against it (unknown keys are errors, with the valid ones listed) and the environment overrides
 * enumerate its leaves. docs/configuration.md describes the same tree.
 */
final class Schema {

    /**
     * A value, a section of fixed keys, a mapping of named entries that all have the same keys, or a
     * mapping of free names to values.
     */
    enum Kind { VALUE, SECTION, NAMED, VALUES }

    record Key(String name, Kind kind, String expects, List<Key> children) {

        List<String> childNames() {
            return children.stream().map(Key::name).toList();
        }

        Optional<Key> child(String name) {
            return children.stream().filter(key -> key.name.equals(name)).findFirst();
        }

        /** What a message says this key expects: a value's description or the section's keys. */
        String expected() {
            return kind == Kind.VALUE ? expects
                    : kind == Kind.SECTION ? "a mapping of keys (" + String.join(", ", childNames()) + ")"
                    : expects;
        }
    }

    static final String INTEGER_1 = "an integer of at least 1";
    static final String INTEGER_0 = "an integer of at least 0";
    static final String DURATION = "a duration (500ms, 30s, 5m, 1h, or ISO-8601 such as PT1M30S) or 0";
    static final String TABLE = "a table name (a letter or _, then letters, digits or _; at most 63)";
    static final String URL = "a JDBC URL starting with jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb: or jdbc:sqlite:";

    static final Key SERVER = section("server",
            value("url", URL),
            value("user", "a user name"),
            value("password", "a password"),
            value("pool_size", INTEGER_1),
            value("max_concurrency", INTEGER_1),
            value("layout", "schema-per-tenant, database-per-tenant or file-per-tenant"),
            new Key("properties", Kind.VALUES, "a mapping of names (letters, digits, _) to values, for ${server.<name>}"
                    + " in url", List.of()));

    static final Key RETRY = section("retry", value("attempts", INTEGER_1), value("backoff", DURATION));

    static final Key DEFAULTS = section("defaults",
            value("concurrency", INTEGER_1),
            value("per_server", INTEGER_1),
            RETRY,
            value("lock_wait", DURATION),
            value("lock_timeout", DURATION),
            value("statement_timeout", DURATION),
            value("canary", INTEGER_0),
            value("max_failures", INTEGER_0));

    static final Key SQL = section("sql",
            value("server", "the name of one of the servers"),
            value("query", "a SQL query returning one row per tenant"),
            section("columns", RegistryConfig.Sql.FIELDS.stream()
                    .map(field -> value(field, "the name of the column holding the tenant's " + field))
                    .toArray(Key[]::new)),
            value("table", "a table name (optionally schema.table) that provision --register and state changes write to"),
            value("insert", "an INSERT statement with named parameters such as :id, :server, :schema, :state"),
            value("update_state", "an UPDATE statement with the named parameters :state and :id"));

    static final Key DISCOVER = section("discover",
            value("server", "the name of one of the servers"),
            value("pattern", "a SQL LIKE pattern such as tenant_%"));

    static final Key REGISTRY = section("registry",
            value("file", "a tenants file (.yaml, .yml, .json or .csv), relative to this file's folder"),
            SQL,
            DISCOVER);

    static final Key ROOT = section("",
            value("scripts", "a folder, relative to this file's folder"),
            value("version_table", TABLE),
            value("history_table", TABLE),
            new Key("servers", Kind.NAMED, "a mapping of server names to servers (each with url, user, ...)",
                    List.of(SERVER)),
            REGISTRY,
            DEFAULTS);

    private Schema() {
    }

    private static Key value(String name, String expects) {
        return new Key(name, Kind.VALUE, expects, List.of());
    }

    private static Key section(String name, Key... children) {
        return new Key(name, Kind.SECTION, null, Arrays.asList(children));
    }
}
