package dev.flotilla.engine.script.updown;

import dev.flotilla.engine.script.SqlFile;

/**
 * One file of an up/down version, read.
 *
 * @param whole true when a whole-file pattern lists it
 */
record UpDownFile(UpDownName name, SqlFile sql, boolean whole) {
}
