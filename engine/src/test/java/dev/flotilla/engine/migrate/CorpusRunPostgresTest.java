package dev.flotilla.engine.migrate;

import dev.flotilla.engine.script.FormatOptions;
import dev.flotilla.testkit.DatabaseKind;
import dev.flotilla.testkit.DatabaseTest;
import dev.flotilla.testkit.TestDatabase;
import dev.flotilla.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static dev.flotilla.engine.migrate.MigratorContract.strings;

/**
 * The corpus sets on PostgreSQL against {@code psql}: a transaction per file (none for kratos'
 * {@code .autocommit} files), catalogs compared as {@code pg_dump --schema-only --no-owner
 * --no-privileges} without Flotilla's tables. No file fails on PostgreSQL 15.
 */
@DatabaseTest(DatabaseKind.POSTGRESQL)
class CorpusRunPostgresTest extends CorpusRunContract {

    private TestDatabases databases;

    @BeforeEach
    void servers(TestDatabases databases) {
        this.databases = databases;
    }

    @Override
    String dialect() {
        return "postgresql";
    }

    @Override
    CorpusRun.Recovery recovery() {
        return CorpusRun.Recovery.ROLLED_BACK;
    }

    /** Every version has a down file here (or none either way: a no-op); the extensions stay by design. */
    @Test
    void kratosRunsUpAsPsqlDoesAndDownToBase() throws Exception {
        // 20230920171028000000's down file drops the index but not the extensions its up file creates.
        runsAsThePlainClient(Project.KRATOS, null, FormatOptions.detect(), new Expected(325, List.of(), List.of(),
                List.of(), List.of("extension btree_gin", "extension pg_trgm")));
    }

    @Test
    void autheliaRunsUpAsPsqlDoesAndDownToBase() throws Exception {
        runsAsThePlainClient(Project.AUTHELIA, "postgres", FormatOptions.detect(),
                new Expected(23, List.of(), List.of(), List.of(), List.of()));
    }

    @Test
    void kestraRunsUpAsPsqlDoes() throws Exception {
        runsAsThePlainClient(Project.KESTRA, "postgres", FormatOptions.detect(), Expected.upOnly(26, List.of()));
    }

    @Override
    Target freshTarget(Project project) {
        TestDatabase db = databases.createExtra(DatabaseKind.POSTGRESQL);
        return new Target() {
            @Override
            public Connection connect() throws Exception {
                return db.connect();
            }

            @Override
            public List<PlainApply.Failure> applyPlain(List<PlainApply.File> files) throws Exception {
                return PlainApply.psql(PlainClient.psql(db.jdbcUrl(), db.user(), db.password()), files, scratch);
            }

            @Override
            public List<String> catalog() throws Exception {
                URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
                PlainClient pgDump = new PlainClient(List.of("pg_dump", "--schema-only", "--no-owner",
                        "--no-privileges", "--exclude-table=flotilla_version", "--exclude-table=flotilla_history*",
                        "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", db.user(), db.name()),
                        Map.of("PGPASSWORD", db.password()));
                // Comments, blank lines and the \restrict lines (a random key per dump) differ between dumps.
                return pgDump.run("", scratch).lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("--") && !line.startsWith("\\"))
                        .toList();
            }

            @Override
            public List<String> leftovers() throws Exception {
                try (Connection connection = db.connect()) {
                    return strings(connection, "SELECT c.relkind::text || ' ' || c.relname FROM pg_class c"
                            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
                            + " AND c.relkind IN ('r', 'v', 'm', 'S', 'p') AND c.relname NOT LIKE 'flotilla\\_%'"
                            + " UNION ALL SELECT 'function ' || p.proname FROM pg_proc p"
                            + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"
                            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')"
                            + " UNION ALL SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'"
                            + " UNION ALL SELECT 'type ' || t.typname FROM pg_type t"
                            + " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public'"
                            + " AND t.typtype = 'e' ORDER BY 1");
                }
            }
        };
    }
}
