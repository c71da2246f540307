package dev.flotilla.cli;

import dev.flotilla.Flotilla;
import dev.flotilla.FlotillaOptions;
import dev.flotilla.TenantMigrations;
import dev.flotilla.config.ProjectConfig;
import dev.flotilla.engine.migrate.MigrationListener;
import dev.flotilla.engine.revision.Step;
import dev.flotilla.registry.Tenant;

import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Tenant mode for one command: the project's {@link Flotilla} with the command line's runner settings,
 * and the plain sequential loop that read-only commands use. Closes its pools on
 * {@link #close()}.
 */
final class Fleet implements AutoCloseable {

    private final Flotilla flotilla;

    private Fleet(Flotilla flotilla) {
        this.flotilla = flotilla;
    }

    /** Opens the project's tenants: the config, the registry and the migrations are read and checked. */
    static Fleet open(SingleDatabase single, CliEnvironment env, String command) {
        return open(single, env, command, () -> new UUID(env.random().nextLong(), env.random().nextLong()).toString());
    }

    /** As {@link #open(SingleDatabase, CliEnvironment, String)}, every migrator writing {@code runIds}' ids. */
    static Fleet open(SingleDatabase single, CliEnvironment env, String command, java.util.function.Supplier<String> runIds) {
        ProjectConfig loaded = single.project().requireConfig(command);
        // --scripts overrides the config's scripts: for tenants too.
        ProjectConfig config = new ProjectConfig(single.project().scriptsDir(), loaded.versionTable(),
                loaded.historyTable(), loaded.servers(), loaded.registry(), loaded.defaults());
        FlotillaOptions options = FlotillaOptions.from(config, env.user())
                .withMigrator(single.settings())
                .withClock(env.clock(), runIds);
        return new Fleet(Flotilla.open(config, options));
    }

    Flotilla flotilla() {
        return flotilla;
    }

    /**
     * Runs {@code work} on each tenant in turn, printing {@code <id>: <line>} on {@code out}, or
     * {@code <id>: failed} there and the error on {@code err}; a failure does not stop the loop. Returns
     * the exit code: 1 if any tenant failed.
     */
    int forEach(List<Tenant> tenants, PrintWriter out, PrintWriter err, Function<TenantMigrations, String> work) {
        int failed = 0;
        for (Tenant tenant : tenants) {
            TenantMigrations migrations = flotilla.tenant(tenant);
            try {
                out.println(tenant.id() + ": " + work.apply(migrations));
            } catch (RuntimeException e) {
                failed++;
                out.println(tenant.id() + ": failed");
                err.println("error: " + (ErrorReporter.expected(e) ? e.getMessage()
                        : "tenant '" + tenant.id() + "': internal error: " + e));
            }
            out.flush();
            err.flush();
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Warnings on {@code err} and, when {@code verbose}, each step on {@code out}, prefixed by the tenant. */
    static MigrationListener listener(String id, PrintWriter out, PrintWriter err, boolean verbose) {
        return new MigrationListener() {
            @Override
            public void stepStarted(String target, Step step, int statements) {
                if (verbose) {
                    out.println(id + ": Running " + ProgressPrinter.describe(step));
                    out.flush();
                }
            }

            @Override
            public void warning(String target, String message) {
                err.println("warning: tenant '" + id + "': " + message);
                err.flush();
            }
        };
    }

    @Override
    public void close() {
        flotilla.close();
    }
}
