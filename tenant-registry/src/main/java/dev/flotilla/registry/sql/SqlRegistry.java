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
 * <p>Writable when given statements ({@link #withWrites}): {@code insert} takes the parameters
 * {@code id, server, database, schema, tags, state} in that order (tags joined with {@code ;}, NULL for
 * absent values), {@code updateState} takes {@code state, id}. Values are always bound as parameters,
 * never put into the SQL text.
 */
public final class SqlRegistry implements WritableRegistry {

    private static final String DESCRIPTION = "registry query";

    private final String query;
    private final ColumnMapping mapping;
    private final ConnectionSource connections;
    private final String insert;
    private final String updateState;

    public SqlRegistry(String query, ColumnMapping mapping, ConnectionSource connections) {
        this(query, mapping, connections, null, null);
    }

    private SqlRegistry(String query, ColumnMapping mapping, ConnectionSource connections, String insert, String updateState) {
        this.query = Objects.requireNonNull(query, "query");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.insert = insert;
        this.updateState = updateState;
    }

    /** This registry with statements for {@code provision --register}; either may be null (not writable that way). */
    public SqlRegistry withWrites(String insertStatement, String updateStateStatement) {
        return new SqlRegistry(query, mapping, connections, insertStatement, updateStateStatement);
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
        if (insert == null) {
            throw new RegistryException("the registry query has no insert statement, so tenants cannot be registered;"
                    + " add one, or register " + Names.quote(tenant.id()) + " in the control database yourself");
        }
        execute("registering tenant " + Names.quote(tenant.id()), insert, tenant.id(), tenant.server(), tenant.database(),
                tenant.schema(), tenant.tags().isEmpty() ? null : String.join(";", tenant.tags()), tenant.state().label());
    }

    @Override
    public void setState(String id, TenantState state) {
        if (updateState == null) {
            throw new RegistryException("the registry query has no update statement, so tenant states cannot be recorded;"
                    + " add one to record " + Names.quote(id) + " as " + state.label());
        }
        int changed = execute("recording tenant " + Names.quote(id) + " as " + state.label(), updateState, state.label(), id);
        if (changed == 0) {
            throw new RegistryException("recording tenant " + Names.quote(id) + " as " + state.label()
                    + " changed no row: no tenant with that id in the control database");
        }
    }

    private int execute(String what, String sql, String... parameters) {
        try (Connection connection = connections.open();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            int changed = statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return changed;
        } catch (SQLException e) {
            throw SqlFailure.of(what, e);
        }
    }

    @Override
    public String toString() {
        return "SqlRegistry[" + mapping + "]";
    }
}
