package dev.flotilla.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A place to migrate: a PostgreSQL or MariaDB server that hands out fresh databases named
 * {@code flotilla_bench_*}, or SQLite files; and its plain client, fed one session script that reads every
 * file (the floor). Servers as {@code apply-plain.sh} finds them: PGHOST/PGPORT/PGUSER (127.0.0.1:5432,
 * postgres, trust) and MYHOST/MYPORT/MYUSER (127.0.0.1:3306, root, no password).
 */
enum Target {
    POSTGRESQL("postgresql"), MARIADB("mysql"), SQLITE("sqlite");

    /** Text in no corpus file: MariaDB gets each file as one batch up to it. */
    private static final String BATCH_END = "@@CORPUS_EOF@@";

    final String dialect;

    Target(String dialect) {
        this.dialect = dialect;
    }

    static Target named(String name) {
        return switch (name) {
            case "postgresql", "pg", "postgres" -> POSTGRESQL;
            case "mariadb", "mysql" -> MARIADB;
            case "sqlite" -> SQLITE;
            default -> throw new IllegalArgumentException("unknown target " + name + "; use postgresql, mariadb, sqlite");
        };
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static final String PG_HOST = env("PGHOST", "127.0.0.1");
    private static final String PG_PORT = env("PGPORT", "5432");
    private static final String PG_USER = env("PGUSER", "postgres");
    private static final String MY_HOST = env("MYHOST", "127.0.0.1");
    private static final String MY_PORT = env("MYPORT", "3306");
    private static final String MY_USER = env("MYUSER", "root");

    /** A JDBC URL for database (or file) {@code name}. */
    String url(String name, Path scratch) {
        return switch (this) {
            case POSTGRESQL -> "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name + "?user=" + PG_USER;
            case MARIADB -> "jdbc:mysql://" + MY_HOST + ":" + MY_PORT + "/" + name + "?user=" + MY_USER
                    + "&allowPublicKeyRetrieval=true&sslMode=DISABLED";
            case SQLITE -> "jdbc:sqlite:" + scratch.resolve(name + ".db");
        };
    }

    /** Creates a fresh, empty database (dropping one of that name first), as the project's tool would. */
    void create(String name, CorpusSet set, Path scratch) throws SQLException, IOException {
        switch (this) {
            case POSTGRESQL -> admin("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres?user=" + PG_USER,
                    "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
            case MARIADB -> admin(url("", scratch), "DROP DATABASE IF EXISTS " + name,
                    "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE " + set.mysqlCollation());
            case SQLITE -> Files.deleteIfExists(scratch.resolve(name + ".db"));
        }
    }

    void drop(String name, Path scratch) throws SQLException, IOException {
        switch (this) {
            case POSTGRESQL -> admin("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres?user=" + PG_USER,
                    "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            case MARIADB -> admin(url("", scratch), "DROP DATABASE IF EXISTS " + name);
            case SQLITE -> Files.deleteIfExists(scratch.resolve(name + ".db"));
        }
    }

    /** A connection as the project's tool opens it (kratos on SQLite: foreign keys on). */
    Connection connect(String name, CorpusSet set, Path scratch) throws SQLException {
        // As the CLI opens it: with the dialect's connection properties.
        java.util.Properties properties = new java.util.Properties();
        dev.flotilla.engine.dialect.Dialects.forUrl(url(name, scratch)).connectionProperties()
                .forEach(properties::setProperty);
        Connection connection = DriverManager.getConnection(url(name, scratch), properties);
        if (this == SQLITE && !set.sqlitePrelude().isEmpty()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(set.sqlitePrelude());
            }
        }
        return connection;
    }

    /**
     * The floor's session script, as apply-plain.sh's time pass writes it: psql {@code \i} and sqlite3
     * {@code .read} with BEGIN/COMMIT around transactional files; mariadb each file's text and the batch
     * end (kratos, authelia) or {@code source} (kestra).
     */
    String sessionScript(CorpusSet set) throws IOException {
        StringBuilder script = new StringBuilder();
        if (this == SQLITE) {
            script.append(set.sqlitePrelude()).append('\n');
        }
        for (CorpusSet.PlainFile file : set.files()) {
            String path = file.path().toAbsolutePath().toString();
            boolean tx = file.transactional() && this != MARIADB;
            script.append(tx ? "BEGIN;\n" : "");
            switch (this) {
                case POSTGRESQL -> script.append("\\i '").append(path.replace("'", "''")).append("'\n");
                case SQLITE -> script.append(".read '").append(path.replace("'", "''")).append("'\n");
                case MARIADB -> script.append(set.mysqlBatches()
                        ? Files.readString(file.path()) + "\n" + BATCH_END + "\n"
                        : "source " + path + "\n");
            }
            script.append(tx ? "COMMIT;\n" : "");
        }
        return script.toString();
    }

    /**
     * The client reading {@code script}, a script written for it (Flotilla's offline script), from stdin and
     * carrying on past errors as the floor does.
     */
    ProcessBuilder client(String name, Path script, Path scratch) {
        ProcessBuilder builder = session(name, scratch);
        if (this == MARIADB) {
            builder.command().add(name);
        }
        return builder.redirectInput(script.toFile());
    }

    /** The client reading {@code script} from stdin, carrying on past errors (as the time pass does). */
    ProcessBuilder floor(String name, CorpusSet set, Path script, Path scratch) {
        ProcessBuilder builder = session(name, scratch);
        if (this == MARIADB) {
            if (set.mysqlBatches()) {
                builder.command().add("--delimiter=" + BATCH_END);
            }
            builder.command().add(name);
        }
        return builder.redirectInput(script.toFile());
    }

    private ProcessBuilder session(String name, Path scratch) {
        List<String> command = new ArrayList<>(switch (this) {
            case POSTGRESQL -> List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=0", "-h", PG_HOST, "-p", PG_PORT,
                    "-U", PG_USER, "-d", name);
            case MARIADB -> List.of("mariadb", "-h" + MY_HOST, "-P" + MY_PORT, "-u" + MY_USER,
                    "--default-character-set=utf8mb4", "--force");
            case SQLITE -> List.of("sqlite3", scratch.resolve(name + ".db").toString());
        });
        return new ProcessBuilder(command);
    }

    /** The server's version, as it reports it. */
    String serverVersion(Path scratch) throws SQLException {
        if (this == SQLITE) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
                return "SQLite " + c.getMetaData().getDatabaseProductVersion() + " (xerial driver)";
            }
        }
        String url = this == POSTGRESQL
                ? "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres?user=" + PG_USER : url("", scratch);
        try (Connection c = DriverManager.getConnection(url)) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        }
    }

    String clientVersionCommand() {
        return switch (this) {
            case POSTGRESQL -> "psql";
            case MARIADB -> "mariadb";
            case SQLITE -> "sqlite3";
        };
    }

    private static void admin(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
