package dev.flotilla.status.render;

import java.util.List;

/** Rows of cells as left-aligned columns two spaces apart, trailing spaces trimmed. Pure formatting. */
final class TextTable {

    private TextTable() {
    }

    static void append(StringBuilder out, String indent, List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < columns; i++) {
                line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length() + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
