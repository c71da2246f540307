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
 * java -cp POSTGRES_JAR:MYSQL_JAR bench/status/Forms.java postgresql|mariadb [ROUNDS]
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
        } else {
            forms.put("one UNION ALL of every database", c -> multi(c, chunks(places, places.size(), false), 1));
            forms.put("UNION ALL of 100", c -> multi(c, chunks(places, 100, false), 1));
            forms.put("UNION ALL of 25 (chosen)", c -> multi(c, chunks(places, 25, false), 1));
            forms.put("a query per database", c -> multi(c, chunks(places, 1, false), 1));
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
                String history = place + ".flotilla_history";
                union.add("SELECT " + i + " AS t, 0 AS k, version_num AS v, " + nulls + " FROM " + place
                        + ".flotilla_version UNION ALL SELECT " + i + ", 1, NULL, " + COLUMNS + " FROM " + history
                        + " WHERE id = (SELECT MAX(id) FROM " + history + ") OR id = (SELECT MAX(id) FROM "
                        + history + " WHERE outcome IN ('running', 'dirty'))");
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
