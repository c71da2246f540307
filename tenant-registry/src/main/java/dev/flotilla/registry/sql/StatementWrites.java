package dev.flotilla.registry.sql;

import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Writes through statements the user wrote. Named parameters ({@code :id, :server, :database, :schema,
 * :tags, :state} in an insert; {@code :id, :state} in a state update) may appear in any order, any
 * number of times, or not at all; a statement with {@code ?} instead binds by position, all six fields in
 * that order for an insert and {@code state, id} for an update. Values are always bound, never put into
 * the SQL text. Immutable.
 */
final class StatementWrites implements Writes {

    static final List<String> INSERT_PARAMETERS = List.of("id", "server", "database", "schema", "tags", "state");
    static final List<String> UPDATE_PARAMETERS = List.of("state", "id");

    private final NamedStatement insert;
    private final NamedStatement updateState;

    /** Either statement may be null: that write is then not possible. */
    StatementWrites(String insert, String updateState) {
        this.insert = insert == null ? null : parse("the insert statement", insert, INSERT_PARAMETERS);
        this.updateState = updateState == null ? null : parse("the state update statement", updateState, UPDATE_PARAMETERS);
    }

    private static NamedStatement parse(String what, String text, List<String> parameters) {
        NamedStatement statement = NamedStatement.parse(what, text, parameters);
        if (statement.parameters().isEmpty() && statement.positional() != parameters.size()) {
            throw new RegistryException(what + " has " + statement.positional() + " '?', but binds by position "
                    + parameters.size() + " values (" + String.join(", ", parameters) + "); give all of them, or use "
                    + "named parameters such as :" + String.join(", :", parameters));
        }
        return statement;
    }

    @Override
    public boolean inserts() {
        return insert != null;
    }

    @Override
    public boolean updatesState() {
        return updateState != null;
    }

    @Override
    public void insert(Connection connection, Tenant tenant) throws SQLException {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("id", tenant.id());
        values.put("server", tenant.server());
        values.put("database", tenant.database());
        values.put("schema", tenant.schema());
        values.put("tags", Writes.joinedTags(tenant));
        values.put("state", tenant.state().label());
        run(connection, insert, INSERT_PARAMETERS, values);
    }

    @Override
    public int updateState(Connection connection, String id, TenantState state) throws SQLException {
        return run(connection, updateState, UPDATE_PARAMETERS, Map.of("id", id, "state", state.label()));
    }

    private static int run(Connection connection, NamedStatement statement, List<String> order, Map<String, String> values)
            throws SQLException {
        List<String> names = statement.parameters().isEmpty() ? order : statement.parameters();
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < names.size(); i++) {
                prepared.setString(i + 1, values.get(names.get(i)));
            }
            return prepared.executeUpdate();
        }
    }
}
