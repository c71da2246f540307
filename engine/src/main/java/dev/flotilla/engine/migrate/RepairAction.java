package dev.flotilla.engine.migrate;

/** What {@code repair} does with a dirty step, after a person has looked at the target. */
public enum RepairAction {
    /**
     * Run the step's remaining statements, from the first one that did not complete. Refused when the
     * statements already run have changed in the file since.
     */
    RESUME,
    /** Record the step as applied: a person finished it by hand. The version moves. */
    MARK_APPLIED,
    /** Record the step as not applied: a person undid what had run. The version stays. */
    MARK_NOT_APPLIED
}
