package dev.flotilla.registry.sql;

import dev.flotilla.registry.RegistryException;
import java.sql.SQLException;

/** Turns a {@link SQLException} into a sentence that keeps the SQLSTATE and the vendor code. Stateless. */
final class SqlFailure {

    private SqlFailure() {
    }

    static RegistryException of(String what, SQLException e) {
        return new RegistryException(what + " failed: " + e.getMessage() + " (SQLSTATE " + e.getSQLState()
                + ", vendor code " + e.getErrorCode() + ")", e);
    }
}
