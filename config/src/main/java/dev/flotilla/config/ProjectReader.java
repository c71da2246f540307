package dev.flotilla.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static dev.flotilla.config.Interpolator.Allowed.ENV;
import static dev.flotilla.config.Interpolator.Allowed.SECRET;
import static dev.flotilla.config.Interpolator.Allowed.TEMPLATE;

/**
 * Reads the parsed file into the records, section by section, reporting every problem it meets rather
 * than stopping at the first. Returns a config only when nothing was reported.
 */
final class ProjectReader {

    private final Path folder;
    private final Problems problems;

    ProjectReader(Path folder, Problems problems) {
        this.folder = folder;
        this.problems = problems;
    }

    Optional<ProjectConfig> read(Section root) {
        Path scripts = root.value("scripts", ENV, this::path).orElse(folder.resolve(ProjectConfig.DEFAULT_SCRIPTS));
        String versionTable = root.value("version_table", ENV, text -> Require.tableName("version_table", text))
                .orElse(ProjectConfig.DEFAULT_VERSION_TABLE);
        String historyTable = root.value("history_table", ENV, text -> Require.tableName("history_table", text))
                .orElse(ProjectConfig.DEFAULT_HISTORY_TABLE);
        int before = problems.count();
        Map<String, ServerConfig> servers = servers(root);
        boolean serversGood = problems.count() == before && !servers.isEmpty();
        Optional<RegistryConfig> registry = root.section("registry").flatMap(this::registry);
        if (!root.has("registry")) {
            root.required("registry", ENV, text -> text);
        }
        if (serversGood) {
            registry.ifPresent(source -> root.check(() -> ProjectConfig.requireRegistryServer(source, servers)));
        }
        if (root.has("version_table") || root.has("history_table")) {
            root.check(() -> ProjectConfig.requireDistinctTables(versionTable, historyTable));
        }
        RunDefaults defaults = root.section("defaults").flatMap(this::defaults).orElse(RunDefaults.DEFAULTS);
        if (!problems.isEmpty() || registry.isEmpty()) {
            return Optional.empty();
        }
        return root.build(() -> new ProjectConfig(scripts, versionTable, historyTable, servers, registry.get(),
                defaults));
    }

    private Map<String, ServerConfig> servers(Section root) {
        if (!root.has("servers")) {
            root.required("servers", ENV, text -> text);
            return Map.of();
        }
        int before = problems.count();
        Map<String, ServerConfig> servers = new LinkedHashMap<>();
        root.named("servers", ProjectReader::serverNameProblem).forEach((name, section) ->
                server(name, section).ifPresent(server -> servers.put(name, server)));
        if (servers.isEmpty() && problems.count() == before) {
            root.fail(root.originOf("servers"), "servers", "expected at least one server, found none");
        }
        return servers;
    }

    private static Optional<String> serverNameProblem(String name) {
        try {
            Require.serverName("name", name);
            return Optional.empty();
        } catch (InvalidValue e) {
            return Optional.of(e.detail());
        }
    }

    private Optional<ServerConfig> server(String name, Section section) {
        Optional<String> url = section.required("url", TEMPLATE, text -> {
            ServerConfig.kindOf(text);
            return JdbcUrls.placeSqliteFile(text, folder);
        });
        Optional<String> user = section.value("user", ENV, text -> Require.notBlank("user", text));
        Optional<Secret> password = section.value("password", SECRET, Secret::of);
        int poolSize = section.value("pool_size", ENV, Values.integer("pool_size", 1))
                .orElse(ServerConfig.DEFAULT_POOL_SIZE);
        int maxConcurrency = section.value("max_concurrency", ENV, Values.integer("max_concurrency", 1))
                .orElse(poolSize);
        Optional<DatabaseKind> kind = url.map(ServerConfig::kindOf);
        Optional<Layout> layout = section.value("layout", ENV, text -> {
            Layout parsed = Values.layout("layout").parse(text);
            kind.ifPresent(k -> ServerConfig.requireLayout(k, parsed));
            return parsed;
        }).or(() -> kind.map(DatabaseKind::defaultLayout));
        Map<String, String> properties = section.values("properties", ServerConfig::propertyNameProblem);
        if (url.isEmpty() || layout.isEmpty()) {
            return Optional.empty();
        }
        return section.build(() -> new ServerConfig(name, url.get(), new Credentials(user, password), poolSize,
                maxConcurrency, layout.get(), properties));
    }

    private Optional<RegistryConfig> registry(Section registry) {
        int sources = (registry.has("file") ? 1 : 0) + (registry.has("sql") ? 1 : 0) + (registry.has("discover") ? 1 : 0);
        if (sources != 1) {
            String found = sources == 0 ? "none" : String.join(" and ", java.util.stream.Stream.of("file", "sql", "discover")
                    .filter(registry::has).toList());
            registry.fail(registry.originOf(""), registry.path(), "expected exactly one source: file, sql or discover;"
                    + " found " + found);
            return Optional.empty();
        }
        if (registry.has("file")) {
            return registry.value("file", ENV, this::path)
                    .flatMap(path -> registry.build(() -> new RegistryConfig.File(path)));
        }
        if (registry.has("sql")) {
            return registry.section("sql").flatMap(this::sql);
        }
        return registry.section("discover").flatMap(discover -> {
            Optional<String> server = discover.required("server", ENV, text -> Require.serverName("server", text));
            Optional<String> pattern = discover.required("pattern", ENV, text -> Require.notBlank("pattern", text));
            return discover.build(() -> new RegistryConfig.Discover(server.orElseThrow(), pattern.orElseThrow()));
        });
    }

    private Optional<RegistryConfig> sql(Section sql) {
        Optional<String> server = sql.required("server", ENV, text -> Require.serverName("server", text));
        Optional<String> query = sql.required("query", ENV, text -> Require.notBlank("query", text));
        Map<String, String> columns = new LinkedHashMap<>();
        sql.section("columns").ifPresent(section -> {
            for (String field : RegistryConfig.Sql.FIELDS) {
                section.value(field, ENV, text -> Require.notBlank(field, text)).ifPresent(column -> columns.put(field, column));
            }
            sql.failIf(section.failed());
        });
        String table = sql.value("table", ENV, text -> Require.notBlank("table", text).strip()).orElse(null);
        String insert = sql.value("insert", ENV, text -> SqlParameters.require("insert", text,
                RegistryConfig.Sql.INSERT_PARAMETERS)).orElse(null);
        String updateState = sql.value("update_state", ENV, text -> SqlParameters.require("update_state", text,
                RegistryConfig.Sql.UPDATE_PARAMETERS)).orElse(null);
        return sql.build(() -> new RegistryConfig.Sql(server.orElseThrow(), query.orElseThrow(), columns, table, insert,
                updateState));
    }

    private Optional<RunDefaults> defaults(Section defaults) {
        RunDefaults base = RunDefaults.DEFAULTS;
        int concurrency = defaults.value("concurrency", ENV, Values.integer("concurrency", 1)).orElse(base.concurrency());
        int perServer = defaults.value("per_server", ENV, Values.integer("per_server", 1)).orElse(base.perServer());
        RetrySettings retry = defaults.section("retry").flatMap(section -> {
            int attempts = section.value("attempts", ENV, Values.integer("attempts", 1)).orElse(base.retry().attempts());
            var backoff = section.value("backoff", ENV, Values.duration("backoff")).orElse(base.retry().backoff());
            defaults.failIf(section.failed());
            return section.build(() -> new RetrySettings(attempts, backoff));
        }).orElse(base.retry());
        TimeoutSettings timeouts = new TimeoutSettings(
                defaults.value("lock_wait", ENV, Values.duration("lock_wait")).orElse(base.timeouts().lockWait()),
                defaults.value("lock_timeout", ENV, Values.duration("lock_timeout")).orElse(base.timeouts().lockTimeout()),
                defaults.value("statement_timeout", ENV, Values.duration("statement_timeout"))
                        .orElse(base.timeouts().statementTimeout()));
        int canary = defaults.value("canary", ENV, Values.integer("canary", 0)).orElse(base.canary());
        int maxFailures = defaults.value("max_failures", ENV, Values.integer("max_failures", 0)).orElse(base.maxFailures());
        return defaults.build(() -> new RunDefaults(concurrency, perServer, retry, timeouts, canary, maxFailures));
    }

    /** A path relative to the config's folder, made absolute. */
    private Path path(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("expected a path, found an empty string");
        }
        try {
            return folder.resolve(text.strip()).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("expected a path, found '" + text + "' (" + e.getReason() + ")");
        }
    }
}
