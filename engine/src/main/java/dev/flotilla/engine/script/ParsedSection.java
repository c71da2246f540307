package dev.flotilla.engine.script;

/**
 * A well-formed section as read from a file, before a dialect asks for it.
 *
 * @param reason for an irreversible section, the words of its comments; otherwise empty
 */
record ParsedSection(Marker marker, String body, String reason) {

    Section toSection() {
        return new Section(marker.direction(), marker.dialect(), marker.transactional(), marker.whole(),
                marker.line(), body);
    }
}
