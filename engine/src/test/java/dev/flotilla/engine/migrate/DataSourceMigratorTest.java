package dev.flotilla.engine.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Application code migrates with a DataSource: every call borrows a connection and gives it back. */
class DataSourceMigratorTest {

    @TempDir
    Path root;

    @Test
    void anApplicationUpgradesAndReadsItsDatabaseThroughItsDataSource() {
        Scripts scripts = new Scripts(root)
                .revision("a1", null, MigratorContract.ACCOUNT + ";", "DROP TABLE account;")
                .revision("b2", "a1", MigratorContract.PROJECT, "DROP TABLE project;");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + root.resolve("app.db"));
        DataSourceMigrator migrator = new DataSourceMigrator(dataSource, new Migrator(scripts.load(),
                MigratorSettings.defaults("app@host"), MigrationListener.NONE));

        assertThat(migrator.upgrade(null, "heads").after()).containsExactly("b2");
        assertThat(migrator.status(null).revisions()).containsExactly("b2");
        assertThat(migrator.downgrade(null, "-1").after()).containsExactly("a1");
        assertThat(migrator.history(null)).extracting(HistoryEntry::revision).containsExactly("a1", "b2", "b2");
    }

    @Test
    void aDataSourceThatGivesNoConnectionIsAFailureThatChangedNothing() {
        Scripts scripts = new Scripts(root).revision("a1", null, "SELECT 1;", "SELECT 1;");
        DataSource refusing = new SQLiteDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("pool exhausted", "08001");
            }
        };
        DataSourceMigrator migrator = new DataSourceMigrator(refusing, new Migrator(scripts.load(),
                MigratorSettings.defaults("app@host"), MigrationListener.NONE));

        assertThatThrownBy(() -> migrator.upgrade("tenant_a", "heads"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot borrow a connection for tenant_a from the data source: pool exhausted"
                        + " [SQLSTATE 08001]\n  Nothing was changed.");
    }
}
