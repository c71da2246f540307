import dev.flotilla.Flotilla;
import dev.flotilla.engine.dialect.ReadScope;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.registry.Tenant;
import dev.flotilla.survey.FleetSurvey;
import dev.flotilla.survey.Reading;
import dev.flotilla.survey.SurveySettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Status-read benchmark main: java SurveyBench CONFIG SERVER [TENANTS_PER_CONNECTION [status|planning]]. Opens the
 * project (config, scripts, registry), reads every tenant of SERVER with FleetSurvey (what status reads, or
 * with "planning" what a run plans from), and prints the tenants per revision and
 * state on one line, then the times of opening and reading on stderr. Started once per timed run, so
 * that the JVM's start counts, as it does for a command.
 */
public class SurveyBench {

    public static void main(String[] args) {
        long start = System.nanoTime();
        try (Flotilla flotilla = Flotilla.open(Path.of(args[0]), Map.of("USER", "bench"))) {
            List<Tenant> tenants = flotilla.registry().tenants().stream()
                    .filter(tenant -> tenant.server().equals(args[1])).toList();
            long opened = System.nanoTime();
            SurveySettings settings = args.length > 2
                    ? SurveySettings.DEFAULTS.withTenantsPerConnection(Integer.parseInt(args[2])) : SurveySettings.DEFAULTS;
            ReadScope scope = args.length > 3 ? ReadScope.valueOf(args[3].toUpperCase(java.util.Locale.ROOT)) : ReadScope.STATUS;
            Map<String, Reading> readings = new FleetSurvey(flotilla, settings).read(tenants, scope);
            long read = System.nanoTime();
            Map<String, Integer> counts = new TreeMap<>();
            for (Reading reading : readings.values()) {
                counts.merge(describe(reading), 1, Integer::sum);
            }
            System.out.println(readings.size() + " tenants " + counts);
            System.err.printf("open %d ms, read %d ms%n", (opened - start) / 1_000_000, (read - opened) / 1_000_000);
        }
    }

    private static String describe(Reading reading) {
        if (reading instanceof Reading.Unreachable) {
            return "unreachable";
        }
        TargetStatus status = ((Reading.Found) reading).status();
        if (!status.initialized()) {
            return "uninitialized";
        }
        return (status.isDirty() ? "dirty@" : "") + (status.revisions().isEmpty() ? "base" : String.join("+", status.revisions()));
    }
}
