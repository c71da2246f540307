package dev.flotilla.cli;

/** {@code --format}: how reports print. {@code prometheus} is for {@code status} only. */
enum ReportFormat {
    TABLE, JSON, CSV, PROMETHEUS
}
