package dev.flotilla.status.render;

import dev.flotilla.status.SkewReport;

/** Prints a skew report in one format. Implementations are stateless and thread-safe. */
public interface ReportRenderer {

    /** The whole report as text, ending with a newline. */
    String render(SkewReport report);
}
