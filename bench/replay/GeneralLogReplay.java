import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Turns a MariaDB general log into scripts for the {@code mariadb} client.
 *
 * <p>{@code java GeneralLogReplay.java --sessions LOG OUTDIR} (bench/fleet/run.sh --replay): the log holds
 * one Flotilla command and nothing else; writes session-1.sql, session-2.sql, ... in the order the sessions
 * connected, each with every query of one session that sent any, one a round trip, as logged, after a
 * {@code USE} of the database the session connected to, if any.
 *
 * <p>{@code java GeneralLogReplay.java LOG DATABASE OUTDIR} (bench/replay/run.sh), a log of one bench run. Of the sessions that connected to DATABASE, those that
 * wrote the history table are Flotilla's run and its repairs (the offline contender's, which writes it
 * too under the run id {@code bench-offline}, and a status check, which only reads it, are left out);
 * the one that never named the history table and sent the most statements is the floor's. Writes, each statement ending with a {@code $$} delimiter line:
 * <ul>
 *   <li>floor.sql: the floor's statements as it sent them (one file a batch);</li>
 *   <li>statements.sql: Flotilla's statements in the order the server ran them, one a round trip;</li>
 *   <li>steps.sql: the same, one batch a step (from a step's running row up to the next one), the fewest
 *       round trips the bookkeeping allows; a dirty mark starts a batch too, since the server stops a
 *       batch at its first failing statement and the mark follows one.</li>
 * </ul>
 * Every statement is kept as logged, the driver's own queries included; only a statement that contains the
 * delimiter would be refused (none does).
 */
public class GeneralLogReplay {

    /** A Connect entry's text: {@code user@host on DATABASE using TCP/IP}, the database empty when none. */
    private static final Pattern CONNECTED_ON = Pattern.compile(" on (\\S*) using ");
    /** An entry's first line: [date time] thread command TAB argument; any command, so none is glued onto the one before. */
    private static final Pattern ENTRY = Pattern.compile(
            "^(?:\\d{6}\\s+\\d+:\\d+:\\d+)?\\s+(\\d+) ([A-Z][A-Za-z]*(?: [A-Za-z]+)*)\\t(.*)$");
    /** The run id of bench/run's offline contender, whose session writes the history table too. */
    private static final String OFFLINE_RUN = "'bench-offline'";

    record Entry(long thread, String command, StringBuilder text) {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("--sessions")) {
            sessions(read(Path.of(args[1])), Path.of(args[2]));
            return;
        }
        List<Entry> entries = read(Path.of(args[0]));
        String database = args[1];
        Set<Long> sessions = new LinkedHashSet<>();
        for (Entry entry : entries) {
            if (entry.command().equals("Connect") && entry.text().toString().contains(" on " + database + " ")) {
                sessions.add(entry.thread());
            }
        }
        List<Entry> queries = entries.stream().filter(e -> e.command().equals("Query")).toList();
        Map<Long, List<String>> queriesOf = queries.stream().collect(Collectors.groupingBy(Entry::thread,
                Collectors.mapping(e -> e.text().toString().strip(), Collectors.toList())));
        Set<Long> flotillaSessions = new HashSet<>();
        List<String> floor = null;
        for (long session : sessions) {
            List<String> own = queriesOf.getOrDefault(session, List.of());
            if (own.stream().anyMatch(q -> q.contains(OFFLINE_RUN))) {
                continue;
            }
            if (own.stream().anyMatch(GeneralLogReplay::writesHistory)) {
                flotillaSessions.add(session);
            } else if (own.stream().noneMatch(q -> q.contains("flotilla_history"))
                    && !own.isEmpty() && (floor == null || own.size() > floor.size())) {
                floor = own;
            }
        }
        List<String> flotilla = queries.stream().filter(e -> flotillaSessions.contains(e.thread()))
                .map(e -> e.text().toString().strip()).toList();
        if (floor == null || flotilla.isEmpty()) {
            throw new IllegalStateException("no floor or no Flotilla session connected to " + database + " in " + args[0]);
        }
        List<String> steps = new ArrayList<>();
        List<String> step = new ArrayList<>();
        for (String query : flotilla) {
            // A batch ends at the first statement that fails, so the statement after a failure (the dirty
            // mark) starts a batch of its own, and the repair that follows is not skipped.
            boolean running = query.startsWith("INSERT INTO `flotilla_history`") && query.contains("'running'");
            boolean dirtyMark = query.startsWith("UPDATE `flotilla_history` SET outcome = 'dirty'");
            if ((running || dirtyMark) && !step.isEmpty()) {
                steps.add(String.join(";\n", step));
                step.clear();
            }
            step.add(trimmed(query));
        }
        steps.add(String.join(";\n", step));
        Path out = Path.of(args[2]);
        write(out.resolve("floor.sql"), floor);
        write(out.resolve("statements.sql"), flotilla);
        write(out.resolve("steps.sql"), steps);
        System.out.printf("floor: %d batches; Flotilla: %d statements in %d steps%n", floor.size(), flotilla.size(), steps.size());
    }

    private static List<Entry> read(Path log) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Entry current = null;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                current = new Entry(Long.parseLong(m.group(1)), m.group(2), new StringBuilder(m.group(3)));
                entries.add(current);
            } else if (current != null) {
                current.text().append('\n').append(line);
            }
        }
        return entries;
    }

    private static void sessions(List<Entry> entries, Path out) throws IOException {
        Map<Long, List<String>> queriesOf = new LinkedHashMap<>();
        Map<Long, String> databaseOf = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.command().equals("Connect")) {
                queriesOf.putIfAbsent(entry.thread(), new ArrayList<>());
                Matcher on = CONNECTED_ON.matcher(entry.text());
                if (on.find() && !on.group(1).isEmpty()) {
                    databaseOf.put(entry.thread(), on.group(1));
                }
            } else if (entry.command().equals("Query") && queriesOf.containsKey(entry.thread())) {
                queriesOf.get(entry.thread()).add(entry.text().toString().strip());
            }
        }
        int written = 0;
        List<Integer> sizes = new ArrayList<>();
        for (Map.Entry<Long, List<String>> session : queriesOf.entrySet()) {
            List<String> queries = session.getValue();
            if (!queries.isEmpty()) {
                // A session that connected to its database sent no USE; the client must, to stand in for it.
                String database = databaseOf.get(session.getKey());
                if (database != null) {
                    queries = new ArrayList<>(queries);
                    queries.add(0, "USE `" + database.replace("`", "``") + "`");
                }
                write(out.resolve("session-" + ++written + ".sql"), queries);
                sizes.add(queries.size());
            }
        }
        if (written == 0) {
            throw new IllegalStateException("no session sent a query in the log");
        }
        System.out.printf("%d sessions, %d statements; per session, in order: %s%n", written,
                sizes.stream().mapToInt(Integer::intValue).sum(), runs(sizes));
    }

    /** {@code 5, 67 x200, 1}: the sizes in order, a run of equal ones written once with its count. */
    private static String runs(List<Integer> sizes) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sizes.size(); ) {
            int j = i;
            while (j < sizes.size() && sizes.get(j).equals(sizes.get(i))) {
                j++;
            }
            parts.add(j - i == 1 ? String.valueOf(sizes.get(i)) : sizes.get(i) + " x" + (j - i));
            i = j;
        }
        return String.join(", ", parts);
    }

    /** Flotilla's runs and repairs write the history table; a session that only reads it (a status check) does not. */
    private static boolean writesHistory(String query) {
        return query.startsWith("INSERT INTO `flotilla_history`") || query.startsWith("UPDATE `flotilla_history`")
                || query.startsWith("UPDATE `flotilla_version` AS v, `flotilla_history` AS h");
    }

    private static String trimmed(String query) {
        String text = query.strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }

    private static void write(Path file, List<String> batches) throws IOException {
        StringBuilder script = new StringBuilder("DELIMITER $$\n");
        for (String batch : batches) {
            if (batch.contains("$$")) {
                throw new IllegalStateException("a statement holds the delimiter $$: " + batch);
            }
            script.append(trimmed(batch)).append("\n$$\n");
        }
        Files.writeString(file, script.toString(), StandardCharsets.UTF_8);
    }
}
