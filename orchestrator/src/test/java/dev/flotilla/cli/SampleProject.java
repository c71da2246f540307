package dev.flotilla.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A project of three revisions in a test folder (account table, project table, a column), written in
 * Flotilla's own format, and small reads of the databases the tests migrate.
 */
public final class SampleProject {

    public static final String R1 = "1f0c2a7b9d31";
    public static final String R2 = "5b8e41c07a62";
    public static final String R3 = "c3d9e5f1a084";

    private final Path dir;

    public SampleProject(Path dir) {
        this.dir = dir;
    }

    /** Writes the three revisions into {@code migrations/versions/}. */
    public SampleProject create() {
        write(R1, "", "create account table",
                "CREATE TABLE account (\n    id INTEGER PRIMARY KEY,\n    email VARCHAR(200) NOT NULL UNIQUE\n);\n",
                "DROP TABLE account;\n");
        write(R2, R1, "create project table",
                "CREATE TABLE project (\n    id INTEGER PRIMARY KEY,\n    account_id INTEGER NOT NULL,\n"
                        + "    name VARCHAR(100) NOT NULL\n);\nCREATE INDEX project_account_idx ON project (account_id);\n",
                "DROP TABLE project;\n");
        write(R3, R2, "add account display name",
                "ALTER TABLE account ADD COLUMN display_name VARCHAR(100);\n",
                "ALTER TABLE account DROP COLUMN display_name;\n");
        return this;
    }

    /** Writes one revision file; the upgrade section's first line is line 9 of the file. */
    public Path write(String id, String down, String message, String upgrade, String downgrade) {
        String text = "-- revision: " + id + "\n"
                + "-- down_revision: " + down + "\n"
                + "-- branch_labels:\n"
                + "-- depends_on:\n"
                + "-- message: " + message + "\n"
                + "-- create_date: 2024-05-01 10:00:00.000000\n"
                + "\n"
                + "-- migrate:upgrade\n"
                + upgrade
                + "\n"
                + "-- migrate:downgrade\n"
                + downgrade;
        Path file = dir.resolve("migrations/versions/" + id + "_" + message.replace(' ', '_') + ".sql");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public Path file(String id) {
        try (var files = Files.list(dir.resolve("migrations/versions"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(id)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of a query's first column, as text. */
    public static List<String> column(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements on a database. */
    public static void execute(String url, String... sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
