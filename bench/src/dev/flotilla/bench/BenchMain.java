package dev.flotilla.bench;

import dev.flotilla.engine.dialect.Dialects;
import dev.flotilla.engine.migrate.MigrationException;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.migrate.Migrator;
import dev.flotilla.engine.migrate.MigratorSettings;
import dev.flotilla.engine.migrate.OfflineScript;
import dev.flotilla.engine.migrate.RepairAction;
import dev.flotilla.engine.migrate.TargetStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one corpus set to fresh databases N times with Flotilla and with the floor (the plain client,
 * one session reading every file), interleaved (floor, offline, Flotilla, floor, …) so all share the
 * machine's noise. "Offline" is the same client reading Flotilla's offline script ({@code upgrade --sql}):
 * the migrations with the version and history tables' statements, none of Flotilla's own cost, and no
 * lock, session handling or (MySQL/MariaDB) running row and progress updates. One JVM for every Flotilla run; only the migration is timed (connect, upgrade to heads,
 * close), not database creation. Prints raw times, the first run, warm medians and Flotilla/floor.
 *
 * <p>Usage: {@code BenchMain --corpus DIR [--set kratos] [--runs 5] [--targets postgresql,mariadb,sqlite]
 * [--profile true] [--warmup 0]}. With {@code --profile}, each Flotilla run's calls to the server are timed by kind
 * (which adds a little overhead of its own) and summed after the runs.
 */
public final class BenchMain {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path corpus = Path.of(options.getOrDefault("corpus", "../shared/corpus")).toAbsolutePath().normalize();
        String project = options.getOrDefault("set", "kratos");
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        if (runs < 2) {
            throw new IllegalArgumentException("--runs must be 2 or more (the first run is reported apart), not " + runs);
        }
        Path scratch = Files.createTempDirectory("flotilla-bench");
        System.out.printf("corpus %s, set %s, %d runs per target; nproc %d; load average %s%n", corpus, project, runs,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        for (String name : options.getOrDefault("targets", "postgresql,mariadb,sqlite").split(",")) {
            Target target = Target.named(name.strip());
            TimedConnection profile = Boolean.parseBoolean(options.getOrDefault("profile", "false"))
                    ? new TimedConnection() : null;
            CorpusSet set = CorpusSet.open(corpus, project, target.dialect);
            warmUp(target, set, Integer.parseInt(options.getOrDefault("warmup", "0")), scratch);
            bench(target, set, runs, scratch, profile);
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    private static void bench(Target target, CorpusSet set, int runs, Path scratch, TimedConnection profile)
            throws Exception {
        System.out.printf("%n== %s: %s; client %s; %d revisions, %d files for the client%n", target,
                target.serverVersion(scratch), clientVersion(target), set.set().graph().revisions().size(),
                set.files().size());
        Path script = scratch.resolve(target + ".session.sql");
        Files.writeString(script, target.sessionScript(set));
        Migrator migrator = new Migrator(set.set(), MigratorSettings.defaults("bench"), MigrationListener.NONE);
        Path offlineScript = scratch.resolve(target + ".offline.sql");
        // SQLite: the floor's and Flotilla's prelude (foreign keys on) first, so all three do the same checks.
        Files.writeString(offlineScript, (target == Target.SQLITE ? set.sqlitePrelude() + "\n" : "")
                + new OfflineScript(set.set(), MigratorSettings.defaults("bench"), Dialects.named(target.dialect), null,
                "bench-offline").upgrade("heads"));
        List<Double> floor = new ArrayList<>();
        List<Double> offline = new ArrayList<>();
        List<Double> flotilla = new ArrayList<>();
        List<Double> flotillaCpu = new ArrayList<>();
        int repairs = 0;
        for (int run = 1; run <= runs; run++) {
            String db = "flotilla_bench_" + target.name().toLowerCase() + "_" + run;
            target.create(db, set, scratch);
            floor.add(clientRun(target.floor(db, set, script, scratch), scratch.resolve(target + ".floor.err")));
            target.drop(db, scratch);

            target.create(db, set, scratch);
            offline.add(clientRun(target.client(db, offlineScript, scratch), scratch.resolve(target + ".offline.err")));
            target.drop(db, scratch);

            target.create(db, set, scratch);
            long started = System.nanoTime();
            long cpuStarted = CPU.getCurrentThreadCpuTime();
            try (Connection connection = target.connect(db, set, scratch)) {
                repairs = upgradeToHeads(migrator, profile == null ? connection : profile.wrap(connection));
            }
            flotilla.add((System.nanoTime() - started) / 1e9);
            flotillaCpu.add((CPU.getCurrentThreadCpuTime() - cpuStarted) / 1e9);
            try (Connection connection = target.connect(db, set, scratch)) {
                TargetStatus status = migrator.status(connection, null);
                if (status.isDirty() || !status.revisions().equals(List.copyOf(set.set().graph().heads()))) {
                    throw new IllegalStateException("Flotilla did not reach heads cleanly: " + status);
                }
            }
            target.drop(db, scratch);
            System.out.printf("  run %d: floor %.3f s, offline %.3f s, flotilla %.3f s (load %s)%n", run,
                    floor.get(run - 1), offline.get(run - 1), flotilla.get(run - 1), loadAverage());
        }
        double floorWarm = median(floor.subList(1, runs));
        double flotillaWarm = median(flotilla.subList(1, runs));
        System.out.printf("  floor    (s): %s%n  offline  (s): %s%n  flotilla (s): %s%n", floor, offline, flotilla);
        // The client's own CPU (the run's thread: Flotilla and the JDBC driver). On a busy machine every
        // CPU second of the client waits for a core, so this is part of why ratios grow with the load.
        System.out.printf("  flotilla client CPU (s): %s%n", flotillaCpu.stream().map(c -> String.format("%.2f", c)).toList());
        System.out.printf("  first run: floor %.3f s, flotilla %.3f s (ratio %.2f)%n", floor.get(0), flotilla.get(0),
                flotilla.get(0) / floor.get(0));
        System.out.printf("  warm medians (runs 2..%d): floor %.3f s, flotilla %.3f s, flotilla/floor %.2f%n", runs,
                floorWarm, flotillaWarm, flotillaWarm / floorWarm);
        System.out.printf("  all-run medians: floor %.3f s, flotilla %.3f s, flotilla/floor %.2f%n", median(floor),
                median(flotilla), median(flotilla) / median(floor));
        double offlineWarm = median(offline.subList(1, runs));
        System.out.printf("  offline script (warm median): %.3f s, offline/floor %.2f, flotilla/offline %.2f%n",
                offlineWarm, offlineWarm / floorWarm, flotillaWarm / offlineWarm);
        if (profile != null) {
            profile.print((long) (flotilla.stream().mapToDouble(Double::doubleValue).sum() * 1e9), runs);
        }
        if (repairs > 0) {
            System.out.printf("  flotilla marked %d failed step(s) applied per run (the floor carries on past them)%n",
                    repairs);
        }
    }

    /**
     * Untimed Flotilla runs before the timed ones. On a busy 2-core machine the JIT compiler itself waits for
     * a core, and a JVM is still compiling during its second to fourth run; a fleet run migrates many
     * targets in one JVM, so its per-target cost is the warm one.
     */
    private static void warmUp(Target target, CorpusSet set, int runs, Path scratch) throws Exception {
        Migrator migrator = new Migrator(set.set(), MigratorSettings.defaults("bench"), MigrationListener.NONE);
        for (int run = 1; run <= runs; run++) {
            String db = "flotilla_bench_" + target.name().toLowerCase() + "_warmup";
            target.create(db, set, scratch);
            long started = System.nanoTime();
            try (Connection connection = target.connect(db, set, scratch)) {
                upgradeToHeads(migrator, connection);
            }
            target.drop(db, scratch);
            System.out.printf("  warm-up %d (untimed): flotilla %.3f s%n", run, (System.nanoTime() - started) / 1e9);
        }
    }

    /** A client process to its end, its output discarded and its errors kept in {@code errors}; seconds. */
    private static double clientRun(ProcessBuilder client, Path errors) throws Exception {
        ProcessBuilder builder = client.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        process.waitFor();
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Upgrades to heads; a step the server rejects on MariaDB leaves the target dirty, and is marked
     * applied so the run carries on past it, as the floor's client does. Returns how many were.
     */
    private static int upgradeToHeads(Migrator migrator, Connection connection) {
        int repairs = 0;
        while (true) {
            try {
                migrator.upgrade(connection, null, "heads");
                return repairs;
            } catch (MigrationException e) {
                if (!e.leftDirty()) {
                    throw e;
                }
                migrator.repair(connection, null, RepairAction.MARK_APPLIED);
                repairs++;
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String clientVersion(Target target) {
        try {
            Process process = new ProcessBuilder(target.clientVersionCommand(), "--version").redirectErrorStream(true)
                    .start();
            String text = new String(process.getInputStream().readAllBytes()).strip();
            process.waitFor();
            return text.lines().findFirst().orElse("?");
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
