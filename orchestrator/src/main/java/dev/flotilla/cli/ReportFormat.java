package dev.flotilla.cli;

/** {@code --format}: how reports print. */
enum ReportFormat {
    TABLE, JSON, CSV
}
