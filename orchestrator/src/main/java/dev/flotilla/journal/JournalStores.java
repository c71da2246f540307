package dev.flotilla.journal;

import dev.flotilla.config.ProjectConfig;
import dev.flotilla.config.RegistryConfig;

import java.nio.file.Path;
import java.util.function.Function;

/** Chooses where a project's run journals live. Stateless. */
public final class JournalStores {

    private JournalStores() {
    }

    /**
     * The table {@value JournalTable#DEFAULT} on the registry's server when the registry is a SQL query (the
     * control database every orchestrator of the fleet shares); otherwise files in {@code .flotilla/runs} next
     * to the config. Discovery registries get files: their server holds tenants, not Flotilla's bookkeeping.
     *
     * @param configFile the project's config file
     * @param servers    connections to a server by name, e.g. {@code name -> () -> connections.connectServer(name)}
     */
    public static JournalStore forProject(ProjectConfig config, Path configFile,
                                          Function<String, ControlDatabase> servers) {
        if (config.registry() instanceof RegistryConfig.Sql sql) {
            return SqlJournalStore.inDefaultTable(servers.apply(sql.server()), "server " + sql.server());
        }
        return FileJournalStore.besideConfig(configFile);
    }
}
