package dev.flotilla.engine.migrate;

import dev.flotilla.engine.sql.SqlStatement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * Executes a step's statements in order on one connection, exactly as written: no JDBC escape processing,
 * every result of a statement consumed. Tells a listener after each statement, with a digest of the
 * statements run so far.
 */
final class StatementRunner {

    /** Hears each completed statement: how many are done and the digest over their text. */
    interface Progress {
        void completed(int done, String digest) throws SQLException;
    }

    /** A statement failed: which one (index from 0) and why. */
    static final class StatementFailure extends Exception {
        private final int index;

        StatementFailure(int index, SQLException cause) {
            super(cause);
            this.index = index;
        }

        int index() {
            return index;
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }

    private StatementRunner() {
    }

    /**
     * Runs {@code statements} from index {@code from}; the digest covers every statement before each
     * completed one, including those before {@code from}. Returns the number completed in all.
     */
    static int run(Connection connection, List<SqlStatement> statements, int from, Progress progress)
            throws StatementFailure, SQLException {
        MessageDigest digest = sha256();
        for (int i = 0; i < from; i++) {
            add(digest, statements.get(i));
        }
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            for (int i = from; i < statements.size(); i++) {
                try {
                    execute(statement, statements.get(i).text());
                } catch (SQLException e) {
                    throw new StatementFailure(i, e);
                }
                add(digest, statements.get(i));
                progress.completed(i + 1, hex(digest));
            }
        }
        return statements.size();
    }

    /** The digest over the first {@code count} statements, as {@link #run} records it. */
    static String digestOf(List<SqlStatement> statements, int count) {
        MessageDigest digest = sha256();
        for (int i = 0; i < count; i++) {
            add(digest, statements.get(i));
        }
        return count == 0 ? null : hex(digest);
    }

    private static void execute(Statement statement, String sql) throws SQLException {
        boolean isResultSet = statement.execute(sql);
        // A statement (or a batch sent whole) may return several results; leaving one unread can make the
        // driver report a later error against the next statement.
        while (isResultSet || statement.getUpdateCount() != -1) {
            if (isResultSet) {
                statement.getResultSet().close();
            }
            isResultSet = statement.getMoreResults();
        }
    }

    private static void add(MessageDigest digest, SqlStatement statement) {
        digest.update(statement.text().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static String hex(MessageDigest digest) {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of this JDK cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
