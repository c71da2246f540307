/**
 * {@code flotilla.yaml} as validated, immutable records. {@link dev.flotilla.config.ConfigLoader#load}
 * reads a file into a {@link dev.flotilla.config.ProjectConfig} or throws a
 * {@link dev.flotilla.config.ConfigException} listing every problem with its file, line, column and key.
 * Passwords and secret files are {@link dev.flotilla.config.Secret}s, which never print themselves.
 * This module depends on no other Flotilla module. The public types are those at this package's root
 * that are declared {@code public}; the rest is machinery.
 */
package dev.flotilla.config;
