package dev.flotilla.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One tenant: who it is, which server holds it, and where on that server it lives. Immutable and
 * thread-safe; tags and attributes keep the order they were given in.
 *
 * <p>The constructor checks what holds on every server: the id's safe characters, and names without
 * control characters. What depends on the server (the length a dialect can hold, whether the layout
 * needs a schema or a database) is checked by {@link Registry} against the {@link ServerSpec}.
 *
 * @param id         1 to 128 characters: ASCII letters, digits, {@code _ . -}, starting with a letter
 *                   or digit; never null
 * @param server     the name of the server that holds the tenant; never null
 * @param database   the tenant's database, or {@code null} when the layout needs none or it comes from
 *                   the id; any non-blank text without control characters (always quoted later)
 * @param schema     the tenant's schema, or {@code null}; same rules as {@code database}
 * @param tags       labels for selection, each following the id rules; never null
 * @param attributes free values for URL templates ({@code ${tenant.region}}); keys are
 *                   {@code [A-Za-z_][A-Za-z0-9_]*} and not a field name; values without NUL; never null
 * @param state      the lifecycle state; {@code null} means {@link TenantState#ACTIVE}
 */
public record Tenant(String id, String server, String database, String schema, Set<String> tags,
                     Map<String, String> attributes, TenantState state) {

    /** The rule ids and tags follow. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Set<String> FIELDS =
            Set.of("id", "server", "database", "schema", "tags", "state", "attributes");

    public Tenant {
        requireId(id);
        if (server == null || server.isBlank()) {
            throw new RegistryException("tenant " + Names.quote(id) + ": server must not be blank");
        }
        requireName(id, "database", database);
        requireName(id, "schema", schema);
        tags = orderedSet(id, tags);
        attributes = orderedMap(id, attributes);
        state = state == null ? TenantState.ACTIVE : state;
    }

    /** An active tenant without tags or attributes. */
    public static Tenant of(String id, String server, String database, String schema) {
        return new Tenant(id, server, database, schema, Set.of(), Map.of(), TenantState.ACTIVE);
    }

    /** This tenant in another state. */
    public Tenant withState(TenantState newState) {
        return new Tenant(id, server, database, schema, tags, attributes, newState);
    }

    /** This tenant with its database and schema replaced (null keeps none). */
    public Tenant withLocation(String newDatabase, String newSchema) {
        return new Tenant(id, server, newDatabase, newSchema, tags, attributes, state);
    }

    /**
     * Checks an id against {@link #ID}; the error names the id and its first bad character.
     *
     * @throws RegistryException if the id is null, blank, too long or has an unsafe character
     */
    public static void requireId(String id) {
        String rule = "ids are 1 to 128 characters: ASCII letters, digits, '_', '.', '-', starting with a letter or digit";
        if (id == null || id.isEmpty()) {
            throw new RegistryException("tenant id must not be empty; " + rule);
        }
        if (isValidId(id)) {
            return;
        }
        if (id.length() > 128) {
            throw new RegistryException("tenant id " + Names.quote(id) + " is " + id.length() + " characters; " + rule);
        }
        int[] codePoints = id.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            boolean allowed = c < 128 && (Character.isLetterOrDigit(c) || (i > 0 && (c == '_' || c == '.' || c == '-')));
            if (!allowed) {
                throw new RegistryException("tenant id " + Names.quote(id) + " has " + Names.describe(c)
                        + " at position " + (i + 1) + "; " + rule);
            }
        }
        throw new RegistryException("tenant id " + Names.quote(id) + " is not valid; " + rule);
    }

    /**
     * Whether {@code text} follows {@link #ID}. A loop rather than the pattern: it runs for every id and
     * tag of a 100,000-tenant registry, in a JVM that has not compiled the regex engine yet.
     */
    public static boolean isValidId(String text) {
        int length = text.length();
        if (length == 0 || length > 128 || !isAsciiLetterOrDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]{0,63}}, by hand for the same reason as {@link #isValidId}. */
    private static boolean isAttributeName(String key) {
        int length = key.length();
        if (length == 0 || length > 64 || Character.isDigit(key.charAt(0))) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasControlCharacter(String name) {
        // Every ISO control character is in the Basic Multilingual Plane, so chars are enough here.
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void requireName(String id, String field, String name) {
        if (name == null || (!name.isBlank() && !hasControlCharacter(name))) {
            return;
        }
        if (name.isBlank()) {
            throw new RegistryException("tenant " + Names.quote(id) + ": " + field + " must not be blank (leave it out instead)");
        }
        name.codePoints().filter(Character::isISOControl).findFirst().ifPresent(c -> {
            throw new RegistryException("tenant " + Names.quote(id) + ": " + field + " " + Names.quote(name)
                    + " has the control character " + Names.describe(c) + ", which no database name may hold");
        });
    }

    private static Set<String> orderedSet(String id, Collection<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return Set.of();
        }
        for (String tag : tags) {
            if (tag == null || !isValidId(tag)) {
                throw new RegistryException("tenant " + Names.quote(id) + ": tag " + (tag == null ? "null" : Names.quote(tag))
                        + " is not valid; tags follow the id rules (ASCII letters, digits, '_', '.', '-')");
            }
        }
        return tags.size() == 1 ? Set.of(tags.iterator().next()) : OrderedTags.of(tags);
    }

    private static Map<String, String> orderedMap(String id, Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String key = attribute.getKey();
            String value = attribute.getValue();
            if (key == null || !isAttributeName(key) || FIELDS.contains(key)) {
                throw new RegistryException("tenant " + Names.quote(id) + ": attribute name " + (key == null ? "null" : Names.quote(key))
                        + " is not valid; names are letters, digits and '_' (not starting with a digit), and not one of "
                        + String.join(", ", new java.util.TreeSet<>(FIELDS)));
            }
            Objects.requireNonNull(value, () -> "tenant '" + id + "': attribute " + key + " has no value");
            if (value.indexOf('\0') >= 0) {
                throw new RegistryException("tenant " + Names.quote(id) + ": attribute " + key + " has the character U+0000");
            }
        }
        if (attributes.size() == 1) {
            Map.Entry<String, String> only = attributes.entrySet().iterator().next();
            return Map.of(only.getKey(), only.getValue());
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
