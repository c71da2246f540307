package dev.flotilla.engine.migrate;

import java.nio.file.Path;

/**
 * The revisions the kill tests run: {@code a1} is applied before the child starts; the child then applies
 * {@code b2} and is killed in {@code c3}, whose statement 1 creates {@code tag}, statement 2 sleeps and
 * statement 3 creates {@code later}.
 */
final class KilledRuns {

    static final String ACCOUNT = "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);";
    static final String PROJECT = "CREATE TABLE project (id INTEGER PRIMARY KEY, account_id INTEGER);";

    private KilledRuns() {
    }

    static Scripts scripts(Path root, String sleep) {
        return new Scripts(root)
                .revision("a1", null, ACCOUNT, "DROP TABLE account;")
                .revision("b2", "a1", PROJECT, "DROP TABLE project;")
                .revision("c3", "b2", killedStep(sleep), "DROP TABLE later;\nDROP TABLE tag;");
    }

    /** The killed step with its sleep replaced (by a short statement, for the run after the kill). */
    static void rewriteSleep(Scripts scripts, String statement) {
        scripts.revision("c3", "b2", killedStep(statement), "DROP TABLE later;\nDROP TABLE tag;");
    }

    private static String killedStep(String sleep) {
        return "CREATE TABLE tag (id INTEGER PRIMARY KEY);\n" + sleep
                + "\nCREATE TABLE later (id INTEGER PRIMARY KEY);";
    }

    static Migrator migrator(Scripts scripts) {
        return new Migrator(scripts.load(), MigratorSettings.defaults("tester@test"), MigrationListener.NONE);
    }
}
