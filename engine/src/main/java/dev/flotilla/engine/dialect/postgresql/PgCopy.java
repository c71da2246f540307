package dev.flotilla.engine.dialect.postgresql;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code COPY … TO STDOUT} through the PostgreSQL driver's COPY API, one statement a round trip, into one
 * reused buffer. The driver is an optional dependency of the engine: on a connection of another driver,
 * without the driver on the class path (as the engine's class loader sees it), or with another client
 * encoding than UTF8, there is none and the reader selects instead. Not
 * thread-safe: one connection, one reader call.
 */
final class PgCopy {

    private static final boolean DRIVER = present();

    private final CopyManager copy;
    private final Buffer buffer = new Buffer();

    private PgCopy(CopyManager copy) {
        this.copy = copy;
    }

    /**
     * COPY on {@code connection}, when it is the PostgreSQL driver's and its client encoding is UTF8 (the
     * driver's own, which it keeps unless told {@code allowEncodingChanges}).
     */
    static Optional<PgCopy> on(Connection connection) throws SQLException {
        if (!DRIVER || !connection.isWrapperFor(PGConnection.class)) {
            return Optional.empty();
        }
        PGConnection driver = connection.unwrap(PGConnection.class);
        if (!"UTF8".equals(driver.getParameterStatus("client_encoding"))) {
            return Optional.empty();
        }
        return Optional.of(new PgCopy(driver.getCopyAPI()));
    }

    /** The rows {@code statement} (a COPY … TO STDOUT in the text format) sends, each as its line. */
    List<String> read(String statement) throws SQLException {
        buffer.reset();
        try {
            copy.copyOut(statement, buffer);
        } catch (IOException e) {
            // Only the buffer could throw it, and it does not.
            throw new SQLException("cannot read the rows of " + statement + ": " + e.getMessage(), null, e);
        }
        return CopyText.lines(buffer.bytes(), buffer.size());
    }

    private static boolean present() {
        try {
            Class.forName("org.postgresql.PGConnection", false, PgCopy.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** A byte buffer whose bytes are read in place. */
    private static final class Buffer extends ByteArrayOutputStream {

        byte[] bytes() {
            return buf;
        }
    }
}
