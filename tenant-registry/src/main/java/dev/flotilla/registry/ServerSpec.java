package dev.flotilla.registry;

import dev.flotilla.registry.template.ConnectionTemplate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A server as the registry needs it: its name, its URL template and how it keeps tenants apart. The
 * orchestrator builds these from the config's servers; credentials are not part of it.
 *
 * <p>The constructor parses the template (an unknown variable is an error naming the server), checks
 * that the server's kind supports the layout, and that a file-per-tenant template uses a
 * {@code ${tenant.…}} variable (otherwise every tenant would share one file). Immutable, thread-safe.
 *
 * @param name        the server's name, referenced by tenants; follows the tenant id rules
 * @param urlTemplate a JDBC URL, possibly with {@code ${…}} variables (see {@link ConnectionTemplate})
 * @param layout      schema, database or file per tenant
 * @param properties  values for {@code ${server.<property>}} such as {@code host}; never null
 */
public record ServerSpec(String name, String urlTemplate, Layout layout, Map<String, String> properties) {

    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ServerSpec {
        if (name == null || !Tenant.ID.matcher(name).matches()) {
            throw new RegistryException("server name " + (name == null ? "null" : Names.quote(name))
                    + " is not valid; server names follow the tenant id rules (ASCII letters, digits, '_', '.', '-')");
        }
        Objects.requireNonNull(urlTemplate, () -> "server " + name + ": urlTemplate");
        Objects.requireNonNull(layout, () -> "server " + name + ": layout");
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        properties.forEach((key, value) -> {
            if (!PROPERTY.matcher(key).matches() || key.equals("name") || value == null) {
                throw new RegistryException("server " + Names.quote(name) + ": property " + Names.quote(key)
                        + " must be a name of letters, digits and '_' other than 'name', with a value");
            }
        });
        ConnectionTemplate template = parse(name, urlTemplate);
        if (!template.kind().supports(layout)) {
            throw new RegistryException("server " + Names.quote(name) + ": a " + template.kind() + " server cannot use "
                    + layout + "; " + supported(template.kind()));
        }
        if (layout == Layout.FILE_PER_TENANT && !template.usesTenant()) {
            throw new RegistryException("server " + Names.quote(name) + " keeps one file per tenant, but its URL template "
                    + template.masked() + " uses no ${tenant.…} variable, so every tenant would share one file");
        }
        for (String variable : template.variables()) {
            String property = variable.substring("server.".length());
            if (variable.startsWith("server.") && !property.equals("name") && !properties.containsKey(property)) {
                throw new RegistryException("server " + Names.quote(name) + " URL template uses ${" + variable
                        + "}, which the server does not have; its variables are ${server.name}"
                        + properties.keySet().stream().map(p -> ", ${server." + p + "}").reduce("", String::concat));
            }
        }
    }

    /** A server without properties. */
    public ServerSpec(String name, String urlTemplate, Layout layout) {
        this(name, urlTemplate, layout, Map.of());
    }

    /** The parsed URL template. */
    public ConnectionTemplate template() {
        return ConnectionTemplate.parse(urlTemplate);
    }

    /** The database family, from the URL prefix. */
    public ServerKind kind() {
        return ServerKind.of(urlTemplate);
    }

    /** Shows the template masked: a server spec may be logged. */
    @Override
    public String toString() {
        return "ServerSpec[name=" + name + ", urlTemplate=" + template().masked() + ", layout=" + layout
                + ", properties=" + properties.keySet() + "]";
    }

    private static ConnectionTemplate parse(String name, String urlTemplate) {
        try {
            return ConnectionTemplate.parse(urlTemplate);
        } catch (RegistryException e) {
            throw new RegistryException("server " + Names.quote(name) + ": " + e.getMessage(), e);
        }
    }

    private static String supported(ServerKind kind) {
        return switch (kind) {
            case POSTGRESQL -> "PostgreSQL keeps a schema or a database per tenant";
            case MYSQL -> "on MySQL/MariaDB a schema is a database: use DATABASE_PER_TENANT";
            case SQLITE -> "SQLite keeps a file per tenant: use FILE_PER_TENANT";
        };
    }
}
