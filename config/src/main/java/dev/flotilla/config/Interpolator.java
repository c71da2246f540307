package dev.flotilla.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills in {@code ${env:NAME}}, {@code ${env:NAME:-default}} and {@code ${file:PATH}} in a scalar value,
 * keeps {@code ${tenant.FIELD}} and {@code ${server.FIELD}} verbatim where templates are allowed, and
 * turns {@code $${} into a literal {@code ${}. Reads the environment it was given, never the process's.
 * Messages about a secret value never quote the value.
 */
final class Interpolator {

    /** Which placeholders a key accepts. */
    enum Allowed {
        /** {@code ${env:…}} only: most keys. */
        ENV,
        /** {@code ${env:…}} and {@code ${file:…}}: keys held as a {@link Secret}. */
        SECRET,
        /** {@code ${env:…}}, and {@code ${tenant.…}}/{@code ${server.…}} kept for the registry: a server url. */
        TEMPLATE
    }

    private static final Pattern ENV = Pattern.compile("env:([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?", Pattern.DOTALL);
    private static final Pattern TEMPLATE = Pattern.compile("(tenant|server)\\.([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, String> env;
    private final Path folder;

    /**
     * @param env    the environment variables, as the caller read them
     * @param folder the config file's folder, against which relative {@code ${file:…}} paths resolve
     */
    Interpolator(Map<String, String> env, Path folder) {
        this.env = env;
        this.folder = folder;
    }

    /**
     * {@code text} with its placeholders filled in, or empty when one could not be (each reason given to
     * {@code problem}, without the key, which the caller adds).
     */
    Optional<String> resolve(String text, Allowed allowed, Consumer<String> problem) {
        StringBuilder out = new StringBuilder(text.length());
        boolean ok = true;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    problem.accept("found '${' without a closing '}' at character " + (i + 1)
                            + "; expected ${…} placeholders closed, or $${ for a literal ${");
                    return Optional.empty();
                }
                Optional<String> filled = placeholder(text.substring(i + 2, close), i + 1, allowed, problem);
                filled.ifPresent(out::append);
                ok &= filled.isPresent();
                i = close + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return ok ? Optional.of(out.toString()) : Optional.empty();
    }

    private Optional<String> placeholder(String body, int at, Allowed allowed, Consumer<String> problem) {
        String shown = allowed == Allowed.SECRET ? "a placeholder at character " + at : "${" + body + "}";
        if (body.startsWith("env:")) {
            Matcher env = ENV.matcher(body);
            if (!env.matches()) {
                problem.accept("found " + shown + "; expected ${env:NAME} or ${env:NAME:-default}, NAME being"
                        + " letters, digits and _ (not starting with a digit)");
                return Optional.empty();
            }
            return variable(env.group(1), env.group(2), problem);
        }
        if (body.startsWith("file:")) {
            if (allowed != Allowed.SECRET) {
                problem.accept("found ${" + body + "}; expected ${env:…} or a plain value here: ${file:…} reads"
                        + " a secret and is accepted only in password");
                return Optional.empty();
            }
            return secretFile(body.substring("file:".length()).strip(), problem);
        }
        Matcher template = TEMPLATE.matcher(body);
        if (template.matches() || body.startsWith("tenant.") || body.startsWith("server.")) {
            if (allowed != Allowed.TEMPLATE) {
                problem.accept("found " + shown + ", which is filled in per tenant; expected it only in a"
                        + " server's url");
                return Optional.empty();
            }
            if (!template.matches()) {
                problem.accept("found " + shown + "; expected ${tenant.FIELD} or ${server.FIELD}, FIELD being"
                        + " letters, digits and _");
                return Optional.empty();
            }
            return Optional.of("${" + body + "}");
        }
        problem.accept("found " + (allowed == Allowed.SECRET ? "an unknown placeholder at character " + at : shown)
                + "; expected " + forms(allowed) + ", or $${ for a literal ${");
        return Optional.empty();
    }

    private Optional<String> variable(String name, String fallback, Consumer<String> problem) {
        String value = env.get(name);
        if (fallback != null && (value == null || value.isEmpty())) {
            return Optional.of(fallback);
        }
        if (value == null) {
            problem.accept("environment variable " + name + " is not set; expected it set, or a default as in"
                    + " ${env:" + name + ":-default}");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<String> secretFile(String name, Consumer<String> problem) {
        if (name.isEmpty()) {
            problem.accept("found ${file:} with no path; expected ${file:PATH}, e.g. ${file:/run/secrets/db}");
            return Optional.empty();
        }
        Path path;
        try {
            path = folder.resolve(name).normalize();
        } catch (InvalidPathException e) {
            problem.accept("found ${file:" + name + "}, which is not a valid path: " + e.getReason());
            return Optional.empty();
        }
        if (Files.isDirectory(path)) {
            problem.accept("secret file " + path + " is a folder; expected a file holding the secret");
            return Optional.empty();
        }
        String content;
        try {
            content = Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            problem.accept("secret file " + path + " does not exist; expected a file holding the secret");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // the exception's own message could quote bytes of the file (a malformed-input report): leave it out
            problem.accept("cannot read secret file " + path + " (" + e.getClass().getSimpleName()
                    + "); expected a readable UTF-8 file holding the secret");
            return Optional.empty();
        }
        if (content.isEmpty()) {
            problem.accept("secret file " + path + " is empty; expected the secret in it");
            return Optional.empty();
        }
        return Optional.of(content);
    }

    private static String forms(Allowed allowed) {
        return switch (allowed) {
            case ENV -> "${env:NAME} or ${env:NAME:-default}";
            case SECRET -> "${env:NAME}, ${env:NAME:-default} or ${file:PATH}";
            case TEMPLATE -> "${env:NAME}, ${env:NAME:-default}, ${tenant.FIELD} or ${server.FIELD}";
        };
    }
}
