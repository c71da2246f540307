package dev.flotilla.registry.template;

import dev.flotilla.registry.Names;
import dev.flotilla.registry.RegistryException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Where in a URL a variable lands, which decides how its value is made safe there. */
enum Context {
    /** Between {@code //} and the path: host names, ports, IPv6 brackets only; anything else is refused. */
    AUTHORITY {
        @Override
        String insert(String variable, String value) {
            if (!HOST.matcher(value).matches()) {
                throw refused(variable, value, "the host part of the URL, which takes letters, digits, '.', '-', '_', ':', '[', ']'");
            }
            return value;
        }
    },
    /** The path or the query of a server URL: percent-encoded as UTF-8, all but RFC 3986 unreserved characters. */
    ENCODED {
        @Override
        String insert(String variable, String value) {
            return percentEncode(value);
        }
    },
    /** Anywhere in a SQLite URL: a file name, which must never leave its folder. */
    FILE {
        @Override
        String insert(String variable, String value) {
            if (value.isEmpty()) {
                throw refused(variable, value, "a SQLite file path, where it must not be empty");
            }
            if (value.contains("..")) {
                throw refused(variable, value, "a SQLite file path, where '..' could leave the data folder");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                // Every unsafe character and every control character is in the Basic Multilingual Plane.
                if (FILE_UNSAFE.indexOf(c) >= 0 || Character.isISOControl(c)) {
                    throw refused(variable, value, "a SQLite file path, where " + Names.describe(c)
                            + " is not allowed (no '/', '\\', ':', '?', '#', '%', '&', '=' or control characters)");
                }
            }
            return value;
        }
    };

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");
    private static final String FILE_UNSAFE = "/\\:?#%&=";

    /** The value as it may stand at this place of the URL; refuses what cannot be made safe. */
    abstract String insert(String variable, String value);

    private static RegistryException refused(String variable, String value, String where) {
        return new RegistryException("${" + variable + "} is " + Names.quote(value) + ", which cannot go into " + where);
    }

    static String percentEncode(String value) {
        if (isUnreserved(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** Whether every character is RFC 3986 unreserved, so encoding would change nothing (the usual case). */
    private static boolean isUnreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
    }
}
