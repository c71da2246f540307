package dev.flotilla.config;

import java.util.Objects;
import java.util.Optional;

/**
 * How to log in to a server: its {@code user} and {@code password}, each optional (SQLite needs
 * neither; a driver may take them from the URL or its own files). Prints the password as
 * {@value Secret#MASK}. Immutable.
 *
 * @param user     the user name, never null
 * @param password the password, never null
 */
public record Credentials(Optional<String> user, Optional<Secret> password) {

    /** Neither a user nor a password. */
    public static final Credentials NONE = new Credentials(Optional.empty(), Optional.empty());

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        user.ifPresent(name -> Require.notBlank("user", name));
    }
}
