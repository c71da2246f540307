/**
 * Machinery the three dialect packages share. Public only because Java has no friend packages: not
 * part of the engine's API, and free to change with any release.
 */
package dev.flotilla.engine.dialect.internal;
