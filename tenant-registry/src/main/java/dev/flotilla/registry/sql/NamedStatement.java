package dev.flotilla.registry.sql;

import dev.flotilla.registry.Names;
import dev.flotilla.registry.RegistryException;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement with named parameters ({@code :id}, {@code :state}) turned into JDBC's {@code ?} and the
 * list of names in order. Text in quotes ({@code '…'}, {@code "…"}, {@code `…`}) and comments
 * ({@code -- …}, {@code /* … *}{@code /}) is left alone, and so is PostgreSQL's {@code ::} cast. A
 * statement with only {@code ?} keeps them, with no names: the caller binds by position. Immutable.
 *
 * @param sql        the statement as JDBC takes it
 * @param parameters the names, one per {@code ?}, in order; empty for a positional statement
 * @param positional how many {@code ?} a positional statement has (0 for a named one)
 */
record NamedStatement(String sql, List<String> parameters, int positional) {

    NamedStatement {
        parameters = List.copyOf(parameters);
    }

    /**
     * Parses {@code text}, refusing names outside {@code allowed} and a mix of names and {@code ?}.
     *
     * @param what what the statement is for, in messages ("the insert statement")
     */
    static NamedStatement parse(String what, String text, List<String> allowed) {
        StringBuilder sql = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int questionMarks = 0;
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            int skipped = skipQuotedOrComment(text, at);
            if (skipped > at) {
                sql.append(text, at, skipped);
                at = skipped;
            } else if (c == ':' && at + 1 < text.length() && text.charAt(at + 1) == ':') {
                sql.append("::");
                at += 2;
            } else if (c == ':' && at + 1 < text.length() && isNameStart(text.charAt(at + 1))) {
                int end = at + 2;
                while (end < text.length() && (isNameStart(text.charAt(end)) || Character.isDigit(text.charAt(end)))) {
                    end++;
                }
                String name = text.substring(at + 1, end);
                if (!allowed.contains(name)) {
                    throw new RegistryException(what + " uses the parameter :" + name + ", which is not one of "
                            + String.join(", ", allowed.stream().map(a -> ":" + a).toList()) + Names.didYouMean(name, allowed));
                }
                names.add(name);
                sql.append('?');
                at = end;
            } else {
                questionMarks += c == '?' ? 1 : 0;
                sql.append(c);
                at++;
            }
        }
        if (!names.isEmpty() && questionMarks > 0) {
            throw new RegistryException(what + " mixes named parameters (:" + names.get(0) + ") and '?'; use names only");
        }
        return new NamedStatement(sql.toString(), names, questionMarks);
    }

    /** Where quoted text or a comment starting at {@code at} ends, or {@code at} if none starts there. */
    private static int skipQuotedOrComment(String text, int at) {
        char c = text.charAt(at);
        if (c == '\'' || c == '"' || c == '`') {
            int close = text.indexOf(c, at + 1);
            return close < 0 ? text.length() : close + 1;
        }
        if (text.startsWith("--", at)) {
            int newline = text.indexOf('\n', at);
            return newline < 0 ? text.length() : newline + 1;
        }
        if (text.startsWith("/*", at)) {
            int close = text.indexOf("*/", at + 2);
            return close < 0 ? text.length() : close + 2;
        }
        return at;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
