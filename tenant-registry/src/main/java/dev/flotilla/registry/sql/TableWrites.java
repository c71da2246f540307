package dev.flotilla.registry.sql;

import dev.flotilla.registry.Names;
import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantState;
import dev.flotilla.registry.sql.ColumnMapping.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes to a table named in the config, with statements made from the column mapping: the columns
 * are those of {@link ColumnMapping} (a field's own name unless mapped), and an attribute goes to the
 * column of its name. Before each write it reads which columns the table has ({@code SELECT * ... WHERE
 * 1 = 0}) and fills only those; a value the table has no column for is refused rather than lost (a
 * non-active state without a state column would otherwise register the tenant as active). A text
 * {@code tags} column gets the tags joined with {@code ;}, an array column (PostgreSQL {@code text[]})
 * an array. Table and column names must be plain identifiers, written unquoted. Immutable.
 */
final class TableWrites implements Writes {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final String table;
    private final ColumnMapping mapping;

    TableWrites(String table, ColumnMapping mapping) {
        if (table == null || !isQualifiedIdentifier(table)) {
            throw new RegistryException("registry table " + (table == null ? "null" : Names.quote(table))
                    + " is not a plain table name (letters, digits and '_', optionally schema.table);"
                    + " give insert and update statements instead");
        }
        for (Field field : Field.values()) {
            String column = mapping.column(field);
            if (!IDENTIFIER.matcher(column).matches()) {
                throw new RegistryException("registry table " + table + ": the column " + Names.quote(column) + " for "
                        + field.label() + " is not a plain column name; give insert and update statements instead");
            }
        }
        this.table = table;
        this.mapping = mapping;
    }

    private static boolean isQualifiedIdentifier(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? IDENTIFIER.matcher(name).matches()
                : IDENTIFIER.matcher(name.substring(0, dot)).matches() && IDENTIFIER.matcher(name.substring(dot + 1)).matches();
    }

    @Override
    public boolean inserts() {
        return true;
    }

    @Override
    public boolean updatesState() {
        return true;
    }

    @Override
    public void insert(Connection connection, Tenant tenant) throws SQLException {
        Map<String, Integer> columns = columns(connection);
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        put(values, missing, columns, mapping.column(Field.ID), tenant.id());
        if (!tenant.server().equals(mapping.defaultServer())) {
            put(values, missing, columns, mapping.column(Field.SERVER), tenant.server());
        } else if (columns.containsKey(key(mapping.column(Field.SERVER)))) {
            values.put(mapping.column(Field.SERVER), tenant.server());
        }
        put(values, missing, columns, mapping.column(Field.DATABASE), tenant.database());
        put(values, missing, columns, mapping.column(Field.SCHEMA), tenant.schema());
        String tagsColumn = mapping.column(Field.TAGS);
        put(values, missing, columns, tagsColumn, Writes.joinedTags(tenant));
        if (values.containsKey(tagsColumn) && columns.get(key(tagsColumn)) == Types.ARRAY) {
            values.put(tagsColumn, connection.createArrayOf("text", tenant.tags().toArray()));
        }
        String state = tenant.state() == TenantState.ACTIVE ? null : tenant.state().label();
        put(values, missing, columns, mapping.column(Field.STATE), state);
        if (state == null && columns.containsKey(key(mapping.column(Field.STATE)))) {
            values.put(mapping.column(Field.STATE), tenant.state().label());
        }
        tenant.attributes().forEach((name, value) -> put(values, missing, columns, name, value));
        if (!missing.isEmpty()) {
            throw new RegistryException("tenant " + Names.quote(tenant.id()) + " cannot be written to table " + table
                    + ": it has no column " + String.join(", ", missing));
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", values.keySet()) + ") VALUES ("
                + String.join(", ", values.keySet().stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object value : values.values()) {
                statement.setObject(index++, value);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public int updateState(Connection connection, String id, TenantState state) throws SQLException {
        Map<String, Integer> columns = columns(connection);
        String stateColumn = mapping.column(Field.STATE);
        if (!columns.containsKey(key(stateColumn))) {
            throw new RegistryException("table " + table + " has no column " + Names.quote(stateColumn)
                    + " for the tenant's state, so states cannot be recorded; add one, or map state to a column it has");
        }
        String sql = "UPDATE " + table + " SET " + stateColumn + " = ? WHERE " + mapping.column(Field.ID) + " = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, state.label());
            statement.setString(2, id);
            return statement.executeUpdate();
        }
    }

    /** A value goes to its column; a value without a column is noted as missing; an absent value is left out. */
    private static void put(Map<String, Object> values, List<String> missing, Map<String, Integer> columns, String column,
                            String value) {
        if (value == null) {
            return;
        }
        if (columns.containsKey(key(column))) {
            values.put(column, value);
        } else {
            missing.add(Names.quote(column));
        }
    }

    /** The table's columns, lower case, with their JDBC types. */
    private Map<String, Integer> columns(Connection connection) throws SQLException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet empty = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = empty.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.put(key(meta.getColumnLabel(i)), meta.getColumnType(i));
            }
        }
        return columns;
    }

    private static String key(String column) {
        return column.toLowerCase(Locale.ROOT);
    }
}
