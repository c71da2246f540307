package dev.flotilla.engine.script;

import dev.flotilla.engine.script.Section.Direction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the text after the header into sections at their marker lines, and checks what may stand
 * where: only comments before the first marker and in an irreversible section, one section per
 * direction and dialect, at least one upgrade section.
 */
final class SectionParser {

    private static final int SNIPPET_LENGTH = 60;

    private SectionParser() {
    }

    /** The well-formed sections from line {@code from} on, in file order; problems are reported. */
    static List<ParsedSection> parse(ScriptText text, int from, FileProblems problems) {
        List<Integer> markers = new ArrayList<>();
        for (int n = from; n <= text.lineCount(); n++) {
            if (Marker.isMarker(text.line(n))) {
                markers.add(n);
            }
        }
        markers.add(text.lineCount() + 1);
        checkPreamble(text, from, markers.get(0), problems);
        List<ParsedSection> sections = new ArrayList<>();
        Map<String, Integer> firstLines = new HashMap<>();
        boolean upgradeMarked = false;
        for (int i = 0; i + 1 < markers.size(); i++) {
            int line = markers.get(i);
            upgradeMarked |= Marker.directionOf(text.line(line)) == Direction.UPGRADE;
            Marker marker = Marker.parse(text.line(line), line, problems);
            if (marker != null && isFirst(marker, firstLines, problems)) {
                sections.add(section(text, marker, markers.get(i + 1), problems));
            }
        }
        if (!upgradeMarked) {
            problems.add(0, "no '-- migrate:upgrade' section; every migration file needs one (it may be empty)");
        }
        return sections;
    }

    private static void checkPreamble(ScriptText text, int from, int to, FileProblems problems) {
        int code = SqlComments.firstCodeLine(text, from, to);
        if (code > 0) {
            problems.add(code, "SQL outside a section ('" + snippet(text.line(code)) + "'); move it below a"
                    + " '-- migrate:upgrade' or '-- migrate:downgrade' line");
        }
    }

    private static boolean isFirst(Marker marker, Map<String, Integer> firstLines, FileProblems problems) {
        String key = marker.direction() + "/" + marker.dialect();
        Integer first = firstLines.putIfAbsent(key, marker.line());
        if (first == null) {
            return true;
        }
        String which = marker.dialect() == null
                ? "the generic " + marker.direction().keyword() + " section"
                : "the " + marker.direction().keyword() + " section for " + marker.dialect();
        problems.add(marker.line(), which + " appears twice, at lines " + first + " and " + marker.line()
                + "; put its SQL in one section");
        return false;
    }

    private static ParsedSection section(ScriptText text, Marker marker, int end, FileProblems problems) {
        int start = marker.line() + 1;
        if (!marker.irreversible()) {
            return new ParsedSection(marker, text.lines(start, end), "");
        }
        int code = SqlComments.firstCodeLine(text, start, end);
        if (code > 0) {
            problems.add(code, "SQL in an irreversible downgrade section (marked at line " + marker.line()
                    + "); it may hold only comments saying why: remove the SQL or the 'irreversible' option");
        }
        return new ParsedSection(marker, text.lines(start, end), SqlComments.words(text, start, end));
    }

    private static String snippet(String line) {
        String stripped = line.strip();
        return stripped.length() <= SNIPPET_LENGTH ? stripped : stripped.substring(0, SNIPPET_LENGTH - 3) + "...";
    }
}
