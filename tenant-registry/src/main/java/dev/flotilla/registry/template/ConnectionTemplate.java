package dev.flotilla.registry.template;

import dev.flotilla.registry.Names;
import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.ServerKind;
import dev.flotilla.registry.ServerSpec;
import dev.flotilla.registry.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A server's JDBC URL with variables, such as {@code jdbc:postgresql://${server.host}:5432/${tenant.database}}
 * or {@code jdbc:sqlite:data/${tenant.id}.db}. Immutable and thread-safe.
 *
 * <p>Variables: {@code ${tenant.id}}, {@code ${tenant.schema}}, {@code ${tenant.database}},
 * {@code ${tenant.<attribute>}}, {@code ${server.name}} and {@code ${server.<property>}}. Parsing checks
 * the syntax; {@link #check(Tenant, ServerSpec)} checks that every variable has a value, before any
 * connection is opened. A value is made safe for where it lands: percent-encoded in the path and query
 * of a server URL, restricted to host characters in the authority, and, in a SQLite URL, refused if it
 * holds {@code ..}, {@code /} or another character that could lead out of the data folder.
 */
public final class ConnectionTemplate {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The variables every tenant and server has; attributes and properties come on top. */
    public static final String VALID_VARIABLES = "${tenant.id}, ${tenant.schema}, ${tenant.database}, "
            + "${tenant.<attribute>}, ${server.name}, ${server.<property>}";

    /** A literal, or a variable split once into its namespace and name (rendering runs per tenant). */
    private record Part(String literal, String variable, boolean ofServer, String name, Context context) {

        static Part literal(String text) {
            return new Part(text, null, false, null, null);
        }

        static Part variable(String variable, Context context) {
            return new Part(null, variable, variable.startsWith("server."), variable.substring(variable.indexOf('.') + 1), context);
        }
    }

    private final String text;
    private final ServerKind kind;
    private final List<Part> parts;
    /** The parts again, as an array: rendering runs per tenant, and a list's iterator is garbage each time. */
    private final Part[] partArray;
    private final Set<String> variables;

    private ConnectionTemplate(String text, ServerKind kind, List<Part> parts) {
        this.text = text;
        this.kind = kind;
        this.parts = parts;
        this.partArray = parts.toArray(new Part[0]);
        Set<String> used = new LinkedHashSet<>();
        parts.stream().filter(p -> p.variable() != null).forEach(p -> used.add(p.variable()));
        this.variables = java.util.Collections.unmodifiableSet(used);
    }

    /**
     * Parses a template. Errors (an unclosed {@code ${}, a variable outside {@code tenant.} and
     * {@code server.}, an unsupported URL) name the variable and the valid ones, and show the URL masked.
     */
    public static ConnectionTemplate parse(String text) {
        ServerKind kind;
        try {
            kind = ServerKind.of(text);
        } catch (RegistryException e) {
            throw new RegistryException("URL template " + JdbcUrl.mask(text) + ": " + e.getMessage());
        }
        List<Part> parts = new ArrayList<>();
        Scanner scanner = new Scanner(kind);
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("${", at);
            if (open < 0) {
                parts.add(literal(text.substring(at), scanner));
                break;
            }
            parts.add(literal(text.substring(at, open), scanner));
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new RegistryException("URL template " + JdbcUrl.mask(text) + ": '${' at position " + (open + 1)
                        + " is not closed by '}'");
            }
            String variable = text.substring(open + 2, close);
            requireKnownForm(text, variable);
            parts.add(Part.variable(variable, scanner.context()));
            at = close + 1;
        }
        return new ConnectionTemplate(text, kind, List.copyOf(parts));
    }

    private static Part literal(String literal, Scanner scanner) {
        scanner.read(literal);
        return Part.literal(literal);
    }

    private static void requireKnownForm(String text, String variable) {
        int dot = variable.indexOf('.');
        String namespace = dot < 0 ? "" : variable.substring(0, dot);
        String name = dot < 0 ? variable : variable.substring(dot + 1);
        if (!(namespace.equals("tenant") || namespace.equals("server")) || !NAME.matcher(name).matches()) {
            throw new RegistryException("URL template " + JdbcUrl.mask(text) + ": unknown variable ${" + variable
                    + "}; valid variables are " + VALID_VARIABLES);
        }
    }

    /** The template as written. May hold credentials: prefer {@link #masked()} for anything shown. */
    public String text() {
        return text;
    }

    /** The database family, from the URL prefix. */
    public ServerKind kind() {
        return kind;
    }

    /** The variables in order of first use, without {@code ${}}: {@code tenant.id}, {@code server.host}. */
    public Set<String> variables() {
        return variables;
    }

    /** Whether the template uses {@code ${variable}}, e.g. {@code uses("tenant.id")}. */
    public boolean uses(String variable) {
        return variables.contains(variable);
    }

    /** Whether any {@code ${tenant.…}} variable appears: without one, every tenant gets the same URL. */
    public boolean usesTenant() {
        return parts.stream().anyMatch(p -> p.variable() != null && p.variable().startsWith("tenant."));
    }

    /**
     * Why the template cannot be rendered for this tenant on this server (a variable without a value,
     * naming the variable, the server and the valid variables), or {@code null} if it can. Does not
     * look at the values themselves: {@link #render} refuses those that are unsafe.
     */
    public String check(Tenant tenant, ServerSpec server) {
        for (Part part : partArray) {
            if (part.variable() != null && value(part, tenant, server) == null) {
                String variable = part.variable();
                return "server " + Names.quote(server.name()) + " URL template uses ${" + variable + "}, "
                        + (variable.startsWith("tenant.") ? "which the tenant does not have" : "which the server does not have")
                        + "; valid variables here are " + validVariables(tenant, server);
            }
        }
        return null;
    }

    /**
     * The URL for this tenant on this server.
     *
     * @throws RegistryException if a variable has no value, or a value cannot be made safe where it lands
     */
    public JdbcUrl render(Tenant tenant, ServerSpec server) {
        String problem = check(tenant, server);
        if (problem != null) {
            throw new RegistryException("tenant " + Names.quote(tenant.id()) + ": " + problem);
        }
        StringBuilder url = new StringBuilder(text.length() + 32);
        for (Part part : partArray) {
            if (part.literal() != null) {
                url.append(part.literal());
            } else {
                try {
                    url.append(part.context().insert(part.variable(), value(part, tenant, server)));
                } catch (RegistryException e) {
                    throw new RegistryException("tenant " + Names.quote(tenant.id()) + " on server "
                            + Names.quote(server.name()) + ": " + e.getMessage());
                }
            }
        }
        return new JdbcUrl(url.toString());
    }

    /** The template with credentials masked (see {@link JdbcUrl#mask}). */
    public String masked() {
        return JdbcUrl.mask(text);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String value(Part part, Tenant tenant, ServerSpec server) {
        String name = part.name();
        if (part.ofServer()) {
            return name.equals("name") ? server.name() : server.properties().get(name);
        }
        return switch (name) {
            case "id" -> tenant.id();
            case "schema" -> tenant.schema();
            case "database" -> tenant.database();
            default -> tenant.attributes().get(name);
        };
    }

    private static String validVariables(Tenant tenant, ServerSpec server) {
        List<String> valid = new ArrayList<>(List.of("${tenant.id}"));
        if (tenant.schema() != null) {
            valid.add("${tenant.schema}");
        }
        if (tenant.database() != null) {
            valid.add("${tenant.database}");
        }
        tenant.attributes().keySet().forEach(a -> valid.add("${tenant." + a + "}"));
        valid.add("${server.name}");
        server.properties().keySet().forEach(p -> valid.add("${server." + p + "}"));
        return String.join(", ", valid);
    }

    /** Follows the literal text to know where in the URL the next variable lands. */
    private static final class Scanner {
        private final ServerKind kind;
        private final StringBuilder seen = new StringBuilder();

        Scanner(ServerKind kind) {
            this.kind = kind;
        }

        void read(String literal) {
            seen.append(literal);
        }

        /** Values never change the structure (they are encoded or refused), so the literals decide. */
        Context context() {
            if (kind == ServerKind.SQLITE) {
                return Context.FILE;
            }
            int schemeEnd = seen.indexOf(":", "jdbc:".length()) + 1;
            if (schemeEnd == 0 || !seen.substring(schemeEnd).startsWith("//")) {
                return Context.ENCODED;
            }
            for (int i = schemeEnd + 2; i < seen.length(); i++) {
                if ("/?#".indexOf(seen.charAt(i)) >= 0) {
                    return Context.ENCODED;
                }
            }
            return Context.AUTHORITY;
        }
    }
}
