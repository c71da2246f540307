package dev.flotilla.engine.revision;

/** Which way a step moves a database. */
public enum Direction {
    UP,
    DOWN
}
