package dev.flotilla.engine.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applies a migration set's files with the database's own client as {@code shared/corpus/apply-plain.sh}
 * does in its check pass: in order, each file in a transaction where the set's tool uses one, a file
 * stopping at its first error, and the next file applied anyway. To spare a process per file, one client
 * session reads the files until one fails and stops; a new session then starts at the file after it. A
 * marker printed before each file tells which one failed.
 *
 * <p>One session differs from a process per file only in session state a file leaves behind (a
 * {@code SET}); none of the corpus files sets any.
 */
final class PlainApply {

    /** A file to apply, the revision it is read for, and whether the tool runs it in a transaction. */
    record File(String revision, Path path, boolean transactional) {
    }

    /**
     * A file the server rejected: its revision, the error's code (PostgreSQL: SQLSTATE; MariaDB: the
     * vendor code; SQLite, whose shell prints no code: the message) and the client's message.
     */
    record Failure(String revision, String code, String message) {
        /** "revision code", for comparing with a Flotilla run. */
        String summary() {
            return revision + " " + code;
        }
    }

    /** Text sent to MariaDB in place of a delimiter: in no file, so each file goes as one batch. */
    private static final String BATCH_END = "@@CORPUS_EOF@@";
    private static final Pattern MARKER = Pattern.compile("(?m)^@@(\\d+)$");
    private static final Pattern PSQL_ERROR = Pattern.compile("ERROR:\\s+([0-9A-Z]{5}):\\s*(.*)");
    private static final Pattern MARIADB_ERROR = Pattern.compile("ERROR (\\d+) \\((\\w+)\\)[^:]*: (.*)");
    private static final Pattern SQLITE_ERROR = Pattern.compile("(?:Parse error|Runtime error|Error)[^:]*: (.*)");

    private PlainApply() {
    }

    /** psql, one session; {@code BEGIN}/{@code COMMIT} around transactional files (psql -1 in the check pass). */
    static List<Failure> psql(PlainClient client, List<File> files, Path scratch) throws Exception {
        PlainClient verbose = client.withOptions("-v", "VERBOSITY=verbose");
        return bySession(files, from -> {
            StringBuilder script = new StringBuilder();
            for (int i = from; i < files.size(); i++) {
                File file = files.get(i);
                script.append("\\echo @@").append(i).append('\n');
                wrap(script, file.transactional(), "\\i " + quotedPath(file));
            }
            return verbose.attempt(script.toString(), scratch);
        }, PSQL_ERROR);
    }

    /**
     * mariadb. {@code whole}: one session, each file sent as one multi-statement batch (as the Go tools
     * send it, {@code mariadb --delimiter=<token>}); otherwise a process per file, the client splitting at
     * {@code ;} and honouring {@code DELIMITER} (as Flyway does). Never a transaction: DDL commits.
     */
    static List<Failure> mariadb(PlainClient client, List<File> files, boolean whole, Path scratch) throws Exception {
        PlainClient utf8 = client.withOptions("--default-character-set=utf8mb4", "--skip-column-names");
        if (!whole) {
            List<Failure> failures = new ArrayList<>();
            for (File file : files) {
                PlainClient.Outcome outcome = utf8.attempt(Files.readString(file.path()), scratch);
                if (outcome.exitCode() != 0) {
                    failures.add(failure(file, outcome, MARIADB_ERROR));
                }
            }
            return failures;
        }
        PlainClient batches = utf8.withOptions("--delimiter=" + BATCH_END);
        return bySession(files, from -> {
            StringBuilder script = new StringBuilder();
            for (int i = from; i < files.size(); i++) {
                script.append("SELECT '@@").append(i).append("'\n").append(BATCH_END).append('\n')
                        .append(Files.readString(files.get(i).path())).append('\n').append(BATCH_END).append('\n');
            }
            return batches.attempt(script.toString(), scratch);
        }, MARIADB_ERROR);
    }

    /** sqlite3 -bail on a file, one session, after {@code prelude}; {@code BEGIN}/{@code COMMIT} as for psql. */
    static List<Failure> sqlite3(Path database, String prelude, List<File> files, Path scratch) throws Exception {
        PlainClient client = PlainClient.sqlite3(database);
        return bySession(files, from -> {
            StringBuilder script = new StringBuilder(prelude).append('\n');
            for (int i = from; i < files.size(); i++) {
                File file = files.get(i);
                script.append(".print @@").append(i).append('\n');
                wrap(script, file.transactional(), ".read " + quotedPath(file));
            }
            return client.attempt(script.toString(), scratch);
        }, SQLITE_ERROR);
    }

    /** A session that reads the files from an index on and stops at the first error. */
    private interface Session {
        PlainClient.Outcome from(int index) throws IOException, InterruptedException;
    }

    private static List<Failure> bySession(List<File> files, Session session, Pattern error) throws Exception {
        List<Failure> failures = new ArrayList<>();
        int from = 0;
        while (from < files.size()) {
            PlainClient.Outcome outcome = session.from(from);
            if (outcome.exitCode() == 0) {
                break;
            }
            int failed = lastMarker(outcome);
            failures.add(failure(files.get(failed), outcome, error));
            from = failed + 1;
        }
        return failures;
    }

    private static int lastMarker(PlainClient.Outcome outcome) {
        Matcher marker = MARKER.matcher(outcome.out());
        int last = -1;
        while (marker.find()) {
            last = Integer.parseInt(marker.group(1));
        }
        assertThat(last).as("a file marker before the error; the client said:%n%s%n%s", outcome.out(), outcome.err())
                .isNotNegative();
        return last;
    }

    private static Failure failure(File file, PlainClient.Outcome outcome, Pattern error) {
        Matcher matcher = error.matcher(outcome.err());
        assertThat(matcher.find()).as("an error message from the client for %s; it said:%n%s", file.path(),
                outcome.err()).isTrue();
        String code = matcher.group(1);
        String message = matcher.group(matcher.groupCount());
        return new Failure(file.revision(), code, message.strip());
    }

    private static void wrap(StringBuilder script, boolean transactional, String include) {
        script.append(transactional ? "BEGIN;\n" : "").append(include).append('\n')
                .append(transactional ? "COMMIT;\n" : "");
    }

    private static String quotedPath(File file) {
        return "'" + file.path().toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
