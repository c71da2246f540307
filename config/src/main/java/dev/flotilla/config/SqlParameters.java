package dev.flotilla.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The named parameters ({@code :id}) of a registry write statement, found the way the tenant registry
 * binds them: outside quoted text ({@code '…'}, {@code "…"}, {@code `…`}) and comments, and not
 * PostgreSQL's {@code ::} cast. Lets the config report an unknown name at its line, before the registry
 * is opened. Stateless.
 */
final class SqlParameters {

    private SqlParameters() {
    }

    /** Checks that every name is one of {@code allowed} and that names and {@code ?} are not mixed. */
    static String require(String key, String text, List<String> allowed) {
        Require.notBlank(key, text);
        List<String> names = names(text);
        for (String name : names) {
            if (!name.equals("?") && !allowed.contains(name)) {
                throw new InvalidValue(key, "expected parameters among :" + String.join(", :", allowed) + ", found :" + name
                        + Suggestions.didYouMean(name, allowed));
            }
        }
        if (names.contains("?") && names.stream().anyMatch(n -> !n.equals("?"))) {
            throw new InvalidValue(key, "expected named parameters (:" + String.join(", :", allowed)
                    + ") or '?', found both");
        }
        if (!names.isEmpty() && names.stream().allMatch(n -> n.equals("?")) && names.size() != allowed.size()) {
            throw new InvalidValue(key, "expected named parameters (:" + String.join(", :", allowed) + "), or "
                    + allowed.size() + " '?' bound in the order " + String.join(", ", allowed) + ", found " + names.size() + " '?'");
        }
        return text;
    }

    /** The names in order, and {@code ?} for each positional parameter. */
    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\'' || c == '"' || c == '`') {
                int close = text.indexOf(c, at + 1);
                at = close < 0 ? text.length() : close + 1;
            } else if (text.startsWith("--", at)) {
                int newline = text.indexOf('\n', at);
                at = newline < 0 ? text.length() : newline + 1;
            } else if (text.startsWith("/*", at)) {
                int close = text.indexOf("*/", at + 2);
                at = close < 0 ? text.length() : close + 2;
            } else if (text.startsWith("::", at)) {
                at += 2;
            } else if (c == ':' && at + 1 < text.length() && isNameStart(text.charAt(at + 1))) {
                int end = at + 2;
                while (end < text.length() && (isNameStart(text.charAt(end)) || Character.isDigit(text.charAt(end)))) {
                    end++;
                }
                names.add(text.substring(at + 1, end));
                at = end;
            } else {
                if (c == '?') {
                    names.add("?");
                }
                at++;
            }
        }
        return names;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
