package dev.flotilla.engine.dialect.mysql;

import dev.flotilla.engine.dialect.Session;
import dev.flotilla.engine.dialect.internal.Jdbc;
import dev.flotilla.engine.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A MySQL or MariaDB session positioned on a target. Closing it sets back the variables listed in
 * {@link SessionVariables} and the current database.
 *
 * <p>Not restored, for want of a way short of COM_RESET_CONNECTION, which plain JDBC cannot send: user
 * variables ({@code @x}), temporary tables, prepared statements, and any other session variable. When
 * the connection had no current database before, it keeps the target's: a session cannot leave its
 * current database, only change it. Not thread-safe; closing twice is harmless.
 */
final class MySqlSession implements Session {

    private static final Pattern USE =
            Pattern.compile("(?<![a-z_$])use(?![a-z0-9_$])|\\bexecute\\b|\\bprepare\\b",
                    Pattern.CASE_INSENSITIVE);

    private final Connection connection;
    private final MySqlSql sql;
    private final SessionVariables saved;
    private final String database;
    private boolean closed;

    /** @param database the database the session is positioned on, or null when it was left where it was */
    MySqlSession(Connection connection, MySqlSql sql, SessionVariables saved, String database) {
        this.connection = connection;
        this.sql = sql;
        this.saved = saved;
        this.database = database;
    }

    @Override
    public void reposition() throws SQLException {
        if (database != null) {
            Jdbc.execute(connection, "USE " + sql.quote(database));
        }
    }

    /**
     * Only {@code USE} changes a MySQL session's current database (a stored routine runs in its own database
     * and gives the caller's back when it returns), directly, in an executable comment ({@code /*!50700USE x*&#47;})
     * or through dynamic SQL (MariaDB's {@code EXECUTE IMMEDIATE}, {@code PREPARE}); a statement with any of
     * those words may have moved it. A word anywhere counts, in a string, a name or a comment too: a false
     * alarm costs one round trip.
     */
    @Override
    public boolean movedBy(List<SqlStatement> statements) {
        return statements.stream().anyMatch(statement -> USE.matcher(statement.text()).find());
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        saved.restore(connection);
        if (saved.database() != null
                && !Objects.equals(saved.database(), Jdbc.string(connection, "SELECT DATABASE()"))) {
            Jdbc.execute(connection, "USE " + sql.quote(saved.database()));
        }
    }
}
