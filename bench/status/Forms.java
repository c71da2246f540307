import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The candidate forms of a batched status read, timed against the bench fleet:
 * java -cp POSTGRES_JAR:MYSQL_JAR bench/status/Forms.java postgresql|mariadb [ROUNDS [WORD|WORD...]]
 * (with WORDs, only the forms whose name holds one of them)
 * Each form reads every bench tenant's version rows, newest history row and newest unfinished row (the
 * xml form: version rows only, as the floor) on a fresh connection (a new backend, whose catalog caches
 * are cold, as a command's are), and prints its median and all times. Catalog look-ups that every form
 * needs (which tenants have the tables) are made once, outside the timing.
 */
public class Forms {

    static final String COLUMNS = "id, run_id, revision, direction, checksum, started_at, finished_at, duration_ms,"
            + " outcome, statements_done, statements_total, done_digest, error, applied_by";

    public static void main(String[] args) throws Exception {
        boolean postgres = args[0].equals("postgresql");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String url = postgres ? "jdbc:postgresql://127.0.0.1:5432/flotilla_bench_status?user=postgres"
                : "jdbc:mysql://127.0.0.1:3306/?user=root&password=";
        List<String> places = places(url, postgres);
        Map<String, Form> forms = new LinkedHashMap<>();
        if (postgres) {
            forms.put("UNION ALL of 100, one statement each", c -> multi(c, chunks(places, 100, true), 1));
            forms.put("UNION ALL of 10, one statement each", c -> multi(c, chunks(places, 10, true), 1));
            forms.put("a query per schema, one round trip each", c -> multi(c, chunks(places, 1, true), 1));
            forms.put("a query per schema, 500 per round trip", c -> multi(c, chunks(places, 1, true), 500));
            forms.put("UNION ALL of 10, 50 per round trip", c -> multi(c, chunks(places, 10, true), 50));
            forms.put("UNION ALL of 10, 10 per round trip (chosen)", c -> multi(c, chunks(places, 10, true), 10));
            forms.put("query_to_xml over the catalog, version rows only", Forms::xml);
            // Planning needs only the version rows and the unfinished rows (a tenant at its target is
            // skipped without its lock, so a dirty one must be seen); status needs the newest row too.
            forms.put("planning: versions + unfinished rows, UNION ALL of 10, 10 per round trip",
                    c -> multi(c, chunks(places, 10, true, Forms::planning), 10));
            forms.put("versions only, UNION ALL of 10, 10 per round trip",
                    c -> multi(c, chunks(places, 10, true, Forms::versionsOnly), 10));
            forms.put("status, newest OR unfinished in one subquery, UNION ALL of 10, 10 per round trip",
                    c -> multi(c, chunks(places, 10, true, Forms::oneSubquery), 10));
            forms.put("status via query_to_xml, 100 schemas a query", c -> xmlChunks(c, places, 100, STATUS_XML));
            forms.put("status via query_to_xml, 100 schemas a query, one subquery",
                    c -> xmlChunks(c, places, 100, STATUS_XML_ONE));
            forms.put("planning via query_to_xml, 100 schemas a query", c -> xmlChunks(c, places, 100, PLANNING_XML));
        } else {
            forms.put("one UNION ALL of every database", c -> multi(c, chunks(places, places.size(), false), 1));
            forms.put("UNION ALL of 100", c -> multi(c, chunks(places, 100, false), 1));
            forms.put("UNION ALL of 25 (chosen)", c -> multi(c, chunks(places, 25, false), 1));
            forms.put("a query per database", c -> multi(c, chunks(places, 1, false), 1));
        }
        if (args.length > 2) { // only the forms whose name holds one of these words, e.g. "chosen|subquery"
            forms.keySet().removeIf(name -> java.util.Arrays.stream(args[2].split("\\|")).noneMatch(name::contains));
        }
        System.out.println(places.size() + " " + (postgres ? "schemas" : "databases") + ", " + rounds + " rounds");
        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Form> form : forms.entrySet()) {
                try (Connection connection = DriverManager.getConnection(url)) {
                    long start = System.nanoTime();
                    int rows = form.getValue().read(connection);
                    times.computeIfAbsent(form.getKey() + " (" + rows + " rows)", k -> new ArrayList<>())
                            .add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        times.forEach((form, list) -> {
            List<Long> sorted = new ArrayList<>(list);
            Collections.sort(sorted);
            System.out.printf("%-60s median %5d ms  %s%n", form, sorted.get(sorted.size() / 2), list);
        });
    }

    interface Form {
        int read(Connection connection) throws SQLException;
    }

    static List<String> places(String url, boolean postgres) throws SQLException {
        List<String> places = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(postgres
                     ? "SELECT n.nspname FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid"
                     + " AND c.relname = 'flotilla_history' WHERE n.nspname LIKE 'bench\\_t%' ORDER BY 1"
                     : "SELECT table_schema FROM information_schema.tables WHERE table_schema LIKE"
                     + " 'flotilla\\_bench\\_t%' AND table_name = 'flotilla_history' ORDER BY 1")) {
            while (rows.next()) {
                places.add(rows.getString(1));
            }
        }
        return places;
    }

    /** One SELECT per place as the engine writes it, joined {@code size} to a UNION ALL. */
    static List<String> chunks(List<String> places, int size, boolean postgres) {
        return chunks(places, size, postgres, Forms::status);
    }

    /** Writes one place's SELECT: its index, the quoted place, the history table and the typed NULLs. */
    interface Select {
        String of(int index, String place, String history, String nulls);
    }

    /** The form the survey used for status: version rows, the newest history row and the newest unfinished one. */
    static String status(int i, String place, String history, String nulls) {
        return "SELECT " + i + " AS t, 0 AS k, version_num AS v, " + nulls + " FROM " + place
                + ".flotilla_version UNION ALL SELECT " + i + ", 1, NULL, " + COLUMNS + " FROM " + history
                + " WHERE id = (SELECT MAX(id) FROM " + history + ") OR id = (SELECT MAX(id) FROM "
                + history + " WHERE outcome IN ('running', 'dirty'))";
    }

    static String oneSubquery(int i, String place, String history, String nulls) {
        return "SELECT " + i + " AS t, 0 AS k, version_num AS v, " + nulls + " FROM " + place
                + ".flotilla_version UNION ALL SELECT " + i + ", 1, NULL, " + COLUMNS + " FROM " + history
                + " WHERE outcome IN ('running', 'dirty') OR id = (SELECT MAX(id) FROM " + history + ")";
    }

    static String planning(int i, String place, String history, String nulls) {
        return "SELECT " + i + " AS t, 0 AS k, version_num AS v, " + nulls + " FROM " + place
                + ".flotilla_version UNION ALL SELECT " + i + ", 2, NULL, " + COLUMNS + " FROM " + history
                + " WHERE outcome IN ('running', 'dirty')";
    }

    static String versionsOnly(int i, String place, String history, String nulls) {
        return "SELECT " + i + " AS t, version_num AS v FROM " + place + ".flotilla_version";
    }

    static final String PG_NULLS = "NULL::bigint, NULL::varchar, NULL::varchar, NULL::varchar, NULL::varchar,"
            + " NULL::timestamptz, NULL::timestamptz, NULL::bigint, NULL::varchar, NULL::int, NULL::int,"
            + " NULL::varchar, NULL::text, NULL::varchar";
    static final String STATUS_XML = "SELECT 0 AS k, version_num AS v, " + PG_NULLS + " FROM %1$I.flotilla_version UNION ALL"
            + " SELECT 1, NULL, " + COLUMNS + " FROM %1$I.flotilla_history WHERE id = (SELECT MAX(id) FROM"
            + " %1$I.flotilla_history) OR id = (SELECT MAX(id) FROM %1$I.flotilla_history WHERE outcome IN"
            + " ('running', 'dirty'))";
    static final String STATUS_XML_ONE = "SELECT 0 AS k, version_num AS v, " + PG_NULLS + " FROM %1$I.flotilla_version UNION ALL"
            + " SELECT 1, NULL, " + COLUMNS + " FROM %1$I.flotilla_history WHERE outcome IN ('running', 'dirty')"
            + " OR id = (SELECT MAX(id) FROM %1$I.flotilla_history)";
    static final String PLANNING_XML = "SELECT 0 AS k, version_num AS v, " + PG_NULLS + " FROM %1$I.flotilla_version UNION ALL"
            + " SELECT 2, NULL, " + COLUMNS + " FROM %1$I.flotilla_history WHERE outcome IN ('running', 'dirty')";

    /**
     * query_to_xml over the catalog, {@code size} schemas a query (one transaction holds a lock on every
     * table and index it read: 100 schemas hold 500); counts the rows of the XML that comes back.
     */
    static int xmlChunks(Connection connection, List<String> places, int size, String perSchema) throws SQLException {
        int count = 0;
        String sql = "SELECT t.i, query_to_xml(format($q$" + perSchema.replace("%%", "%%%%") + "$q$, n.nspname), false, true, '')"
                + " FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS t(name, i)"
                + " JOIN pg_catalog.pg_namespace n ON n.nspname = t.name";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int start = 0; start < places.size(); start += size) {
                statement.setArray(1, connection.createArrayOf("text",
                        places.subList(start, Math.min(places.size(), start + size)).toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String xml = rows.getString(2);
                        for (int at = xml.indexOf("<row"); at >= 0; at = xml.indexOf("<row", at + 4)) {
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }

    static List<String> chunks(List<String> places, int size, boolean postgres, Select select) {
        String nulls = postgres ? "NULL::bigint, NULL::varchar, NULL::varchar, NULL::varchar, NULL::varchar,"
                + " NULL::timestamptz, NULL::timestamptz, NULL::bigint, NULL::varchar, NULL::int, NULL::int,"
                + " NULL::varchar, NULL::text, NULL::varchar"
                : "NULL, NULL, NULL, NULL, NULL, CAST(NULL AS DATETIME(6)), CAST(NULL AS DATETIME(6)), NULL, NULL,"
                + " NULL, NULL, NULL, NULL, NULL";
        char quote = postgres ? '"' : '`';
        List<String> statements = new ArrayList<>();
        for (int start = 0; start < places.size(); start += size) {
            StringJoiner union = new StringJoiner(" UNION ALL ");
            for (int i = start; i < Math.min(places.size(), start + size); i++) {
                String place = quote + places.get(i) + quote;
                union.add(select.of(i, place, place + ".flotilla_history", nulls));
            }
            statements.add(union.toString());
        }
        return statements;
    }

    /** Sends the statements {@code perTrip} at a time as one multi-statement execute. */
    static int multi(Connection connection, List<String> statements, int perTrip) throws SQLException {
        int count = 0;
        for (int start = 0; start < statements.size(); start += perTrip) {
            String text = String.join(";\n", statements.subList(start, Math.min(statements.size(), start + perTrip)));
            try (Statement statement = connection.createStatement()) {
                boolean rows = statement.execute(text);
                while (rows || statement.getUpdateCount() != -1) {
                    if (rows) {
                        try (ResultSet result = statement.getResultSet()) {
                            while (result.next()) {
                                count++;
                            }
                        }
                    }
                    rows = statement.getMoreResults();
                }
            }
        }
        return count;
    }

    static int xml(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT n.nspname, x.v FROM pg_namespace n"
                + " JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = 'flotilla_version' AND c.relkind IN ('r', 'p'),"
                + " LATERAL unnest(xpath('/table/row/v/text()', query_to_xml(format('SELECT version_num AS v FROM %I.%I',"
                + " n.nspname, c.relname), false, false, ''))) x(v) WHERE n.nspname LIKE 'bench\\_t%'");
             ResultSet rows = statement.executeQuery()) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            return count;
        }
    }
}
