package dev.flotilla.registry.sql;

import dev.flotilla.registry.Names;
import dev.flotilla.registry.Origin;
import dev.flotilla.registry.Problem;
import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.RegistryValidationException;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantEntry;
import dev.flotilla.registry.TenantState;
import dev.flotilla.registry.WritableRegistry;
import dev.flotilla.registry.sql.ColumnMapping.Field;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tenants from a query on a control database, typically the application's own {@code tenants} table.
 * Each {@link #load()} opens one connection, runs the query and closes it. Immutable, thread-safe.
 *
 * <p>Writable when given statements ({@link #withWrites}) or a table ({@link #withTable}); otherwise
 * {@link #register} and {@link #setState} refuse with a message saying what to add. Values are always
 * bound as parameters, never put into the SQL text. Each write opens a connection, runs one statement,
 * commits and closes it.
 */
public final class SqlRegistry implements WritableRegistry {

    private static final String DESCRIPTION = "registry query";

    private final String query;
    private final ColumnMapping mapping;
    private final ConnectionSource connections;
    private final Writes writes;

    public SqlRegistry(String query, ColumnMapping mapping, ConnectionSource connections) {
        this(query, mapping, connections, null);
    }

    private SqlRegistry(String query, ColumnMapping mapping, ConnectionSource connections, Writes writes) {
        this.query = Objects.requireNonNull(query, "query");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.writes = writes;
    }

    /**
     * This registry with statements for {@code provision --register} and state changes; either may be
     * null (that write is then refused). Named parameters: {@code :id, :server, :database, :schema,
     * :tags, :state} in {@code insertStatement} (tags joined with {@code ;}; NULL for absent values),
     * {@code :id, :state} in {@code updateStateStatement}. A statement with {@code ?} instead binds by
     * position: {@code id, server, database, schema, tags, state}, and {@code state, id}.
     *
     * @throws RegistryException for an unknown parameter name, or the wrong number of {@code ?}
     */
    public SqlRegistry withWrites(String insertStatement, String updateStateStatement) {
        return new SqlRegistry(query, mapping, connections, new StatementWrites(insertStatement, updateStateStatement));
    }

    /**
     * This registry writing to {@code table} (optionally {@code schema.table}) with statements made from
     * the column mapping: see {@link TableWrites}.
     *
     * @throws RegistryException if the table or a mapped column is not a plain identifier
     */
    public SqlRegistry withTable(String table) {
        return new SqlRegistry(query, mapping, connections, new TableWrites(table, mapping));
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public List<TenantEntry> load() {
        try (Connection connection = connections.open();
             PreparedStatement statement = connection.prepareStatement(query);
             ResultSet rows = statement.executeQuery()) {
            Map<Field, Integer> fields = new EnumMap<>(Field.class);
            Map<Integer, String> attributes = new LinkedHashMap<>();
            columns(rows.getMetaData(), fields, attributes);
            List<TenantEntry> entries = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            int row = 0;
            while (rows.next()) {
                row++;
                Origin origin = new Origin(DESCRIPTION, row);
                String id = text(rows, fields.get(Field.ID));
                try {
                    entries.add(new TenantEntry(tenant(rows, fields, attributes, id), origin));
                } catch (RegistryException e) {
                    problems.add(new Problem(origin, null, e.getMessage().startsWith("tenant") ? e.getMessage()
                            : "tenant " + Names.quote(String.valueOf(id)) + ": " + e.getMessage()));
                }
            }
            if (!problems.isEmpty()) {
                throw new RegistryValidationException(DESCRIPTION, problems);
            }
            return entries;
        } catch (SQLException e) {
            throw SqlFailure.of("registry query", e);
        }
    }

    private void columns(ResultSetMetaData meta, Map<Field, Integer> fields, Map<Integer, String> attributes) throws SQLException {
        Map<String, Integer> byLabel = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            byLabel.putIfAbsent(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        for (Field field : Field.values()) {
            Integer index = byLabel.get(mapping.column(field).toLowerCase(Locale.ROOT));
            if (index != null) {
                fields.put(field, index);
            } else if (mapping.isExplicit(field) || field == Field.ID) {
                missing.add(Names.quote(mapping.column(field)) + " (for " + field.label() + ")");
            }
        }
        if (!fields.containsKey(Field.SERVER) && mapping.defaultServer() == null) {
            missing.add("'server' (or give the mapping a default server)");
        }
        if (!missing.isEmpty()) {
            throw new RegistryException("registry query result has no column " + String.join(", ", missing)
                    + "; its columns are " + String.join(", ", byLabel.keySet()));
        }
        byLabel.forEach((label, index) -> {
            if (!fields.containsValue(index)) {
                attributes.put(index, label);
            }
        });
    }

    private Tenant tenant(ResultSet rows, Map<Field, Integer> fields, Map<Integer, String> attributeColumns, String id)
            throws SQLException {
        String server = text(rows, fields.get(Field.SERVER));
        String state = text(rows, fields.get(Field.STATE));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> column : attributeColumns.entrySet()) {
            String value = rows.getString(column.getKey());
            if (value != null) {
                attributes.put(column.getValue(), value);
            }
        }
        return new Tenant(id, server == null ? mapping.defaultServer() : server, text(rows, fields.get(Field.DATABASE)),
                text(rows, fields.get(Field.SCHEMA)), tags(rows, fields.get(Field.TAGS)), attributes,
                state == null ? TenantState.ACTIVE : TenantState.parse(state));
    }

    private static String text(ResultSet rows, Integer column) throws SQLException {
        return column == null ? null : rows.getString(column);
    }

    /** A text column split on {@code , ; |}, or an SQL array (PostgreSQL {@code text[]}). */
    private static Set<String> tags(ResultSet rows, Integer column) throws SQLException {
        if (column == null) {
            return Set.of();
        }
        Object value = rows.getObject(column);
        if (value instanceof Array array) {
            Object[] items = (Object[]) array.getArray();
            Set<String> tags = new LinkedHashSet<>();
            Arrays.stream(items).filter(Objects::nonNull).map(String::valueOf).forEach(tags::add);
            return tags;
        }
        String text = rows.getString(column);
        Set<String> tags = new LinkedHashSet<>();
        if (text != null) {
            Arrays.stream(text.split("[,;|]")).map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
        }
        return tags;
    }

    @Override
    public void register(Tenant tenant) {
        if (writes == null || !writes.inserts()) {
            throw new RegistryException("the registry query has no insert statement, so tenants cannot be registered;"
                    + " add one, or register " + Names.quote(tenant.id()) + " in the control database yourself");
        }
        execute("registering tenant " + Names.quote(tenant.id()), connection -> {
            writes.insert(connection, tenant);
            return 1;
        });
    }

    @Override
    public void setState(String id, TenantState state) {
        if (writes == null || !writes.updatesState()) {
            throw new RegistryException("the registry query has no update statement, so tenant states cannot be recorded;"
                    + " add one to record " + Names.quote(id) + " as " + state.label());
        }
        int changed = execute("recording tenant " + Names.quote(id) + " as " + state.label(),
                connection -> writes.updateState(connection, id, state));
        if (changed == 0) {
            throw new RegistryException("recording tenant " + Names.quote(id) + " as " + state.label()
                    + " changed no row: no tenant with that id in the control database");
        }
    }

    /** One write on a connection of its own, committed unless the connection commits by itself. */
    private interface Write {
        int run(Connection connection) throws SQLException;
    }

    private int execute(String what, Write write) {
        try (Connection connection = connections.open()) {
            try {
                int changed = write.run(connection);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                return changed;
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailure.of(what, e);
        }
    }

    /** Undoes a failed write; a failure here is added to the first one, never put in its place. */
    private static void rollBack(Connection connection, Exception first) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            first.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "SqlRegistry[" + mapping + "]";
    }
}
