package dev.flotilla.engine.revision;

import java.util.Objects;

/** One revision applied ({@link Direction#UP}) or taken back ({@link Direction#DOWN}). */
public record Step(Revision revision, Direction direction) {

    public Step {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(direction, "direction");
    }

    @Override
    public String toString() {
        return (direction == Direction.UP ? "upgrade " : "downgrade ") + revision.id();
    }
}
