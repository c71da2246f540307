package dev.flotilla.connect;

import dev.flotilla.config.ProjectConfig;
import dev.flotilla.config.ServerConfig;
import dev.flotilla.registry.Layout;
import dev.flotilla.registry.ServerSpec;

import java.util.List;

/** The config's servers as the tenant registry takes them. Stateless. */
public final class Servers {

    private Servers() {
    }

    /** One {@link ServerSpec} per configured server, in the config's order. */
    public static List<ServerSpec> specs(ProjectConfig config) {
        return config.servers().values().stream().map(Servers::spec).toList();
    }

    /** The server's name, URL template, layout and properties (the values of {@code ${server.*}}). */
    public static ServerSpec spec(ServerConfig server) {
        return new ServerSpec(server.name(), server.url(), layout(server.layout()), server.properties());
    }

    static Layout layout(dev.flotilla.config.Layout layout) {
        return switch (layout) {
            case SCHEMA_PER_TENANT -> Layout.SCHEMA_PER_TENANT;
            case DATABASE_PER_TENANT -> Layout.DATABASE_PER_TENANT;
            case FILE_PER_TENANT -> Layout.FILE_PER_TENANT;
        };
    }
}
