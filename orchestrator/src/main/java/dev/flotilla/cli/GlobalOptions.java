package dev.flotilla.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;

/**
 * The options every command accepts, before or after the subcommand's name ({@code flotilla -v heads}
 * and {@code flotilla heads -v} are the same). Mixed into the root command; its subcommands inherit the
 * options, and picocli writes their values into this one instance.
 */
final class GlobalOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Project config; default ./flotilla.yaml, or $FLOTILLA_CONFIG.")
    Path config;

    @Option(names = "--scripts", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The migrations folder (holding versions/); overrides the config.")
    Path scripts;

    @Option(names = "--format", paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            description = "Output format of reports: table (default), json, csv; status also prometheus.")
    ReportFormat format = ReportFormat.TABLE;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail: full revision entries, stack traces on errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print only results and errors.")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    boolean help;
}
