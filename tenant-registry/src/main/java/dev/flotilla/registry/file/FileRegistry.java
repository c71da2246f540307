package dev.flotilla.registry.file;

import dev.flotilla.registry.Names;
import dev.flotilla.registry.Problem;
import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.RegistryValidationException;
import dev.flotilla.registry.Tenant;
import dev.flotilla.registry.TenantEntry;
import dev.flotilla.registry.TenantState;
import dev.flotilla.registry.WritableRegistry;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * A registry file: YAML ({@code .yaml}, {@code .yml}), JSON ({@code .json}) or CSV ({@code .csv}), chosen
 * by the extension. Reads afresh on every {@link #load()}; holds nothing open.
 *
 * <p>Writes ({@code provision --register}) change the file in place and keep everything else in it,
 * comments included: YAML and JSON get one new flow-style entry at the end of the {@code tenants} list,
 * CSV one new row; a state change rewrites only that value. Each write replaces the file atomically
 * (a temporary file moved over it), but two writers at once may lose one write: run one provisioning
 * process per registry. Thread-safe in that it holds no mutable state.
 */
public final class FileRegistry implements WritableRegistry {

    /** The file formats, by extension. */
    public enum Format {
        YAML, JSON, CSV;

        /** The format of a file name; an unknown extension is an error listing the known ones. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return YAML;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            if (name.endsWith(".csv")) {
                return CSV;
            }
            throw new RegistryException("registry file " + file + ": unknown extension; expected .yaml, .yml, .json or .csv");
        }
    }

    private final Path file;
    private final Format format;

    private FileRegistry(Path file, Format format) {
        this.file = file;
        this.format = format;
    }

    /** A registry on this file, its format from the extension. The file is read by {@link #load()}. */
    public static FileRegistry open(Path file) {
        return new FileRegistry(file, Format.of(file));
    }

    public Path file() {
        return file;
    }

    public Format format() {
        return format;
    }

    @Override
    public String description() {
        return file.toString();
    }

    @Override
    public List<TenantEntry> load() {
        if (format == Format.CSV) {
            CsvTenants csv = CsvTenants.read(description(), read(), false);
            return result(csv.entries, csv.problems);
        }
        if (format == Format.YAML) {
            // Large generated registries are one flow mapping per line: read those without the YAML parser.
            String text = read();
            YamlTenants.Result yaml = FlowLines.read(description(), text);
            if (yaml == null) {
                yaml = YamlTenants.read(description(), new java.io.StringReader(text), false);
            }
            return result(yaml.entries(), yaml.problems());
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            YamlTenants.Result yaml = YamlTenants.read(description(), reader, false);
            return result(yaml.entries(), yaml.problems());
        } catch (NoSuchFileException e) {
            throw new RegistryException("registry file " + file + " does not exist", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new RegistryException("registry file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void register(Tenant tenant) {
        String text = read();
        if (format == Format.CSV) {
            CsvTenants csv = readForWrite(CsvTenants.read(description(), text, true));
            requireNew(csv.entries, tenant);
            String separator = text.contains("\r\n") ? "\r\n" : "\n";
            boolean endsWithBreak = text.isEmpty() || text.endsWith("\n") || text.endsWith("\r");
            write(text + (endsWithBreak ? "" : separator) + csv.format(tenant) + separator);
        } else {
            YamlTenants.Result yaml = readForWrite(text);
            requireNew(yaml.entries(), tenant);
            write(YamlWriter.append(text, yaml.layout(), tenant, format == Format.JSON));
        }
    }

    @Override
    public void setState(String id, TenantState state) {
        String text = read();
        if (format == Format.CSV) {
            CsvTenants csv = readForWrite(CsvTenants.read(description(), text, true));
            int index = indexOf(csv.entries, id);
            if (!csv.header.contains("state")) {
                throw new RegistryException("registry file " + file + " has no state column; add one to the header to record states");
            }
            Csv.Row row = csv.rows.stream().filter(r -> r.line() == csv.entries.get(index).origin().line()).findFirst().orElseThrow();
            Tenant changed = csv.entries.get(index).tenant().withState(state);
            write(text.substring(0, row.start()) + csv.format(changed) + text.substring(row.end()));
        } else {
            YamlTenants.Result yaml = readForWrite(text);
            indexOf(yaml.entries(), id);
            YamlTenants.EntryLayout entry = yaml.layout().entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
            write(YamlWriter.setState(text, entry, state, format == Format.JSON));
        }
    }

    @Override
    public String toString() {
        return "FileRegistry[" + file + ", " + format + "]";
    }

    private YamlTenants.Result readForWrite(String text) {
        YamlTenants.Result yaml = YamlTenants.read(description(), new java.io.StringReader(text), true);
        result(yaml.entries(), yaml.problems());
        return yaml;
    }

    private CsvTenants readForWrite(CsvTenants csv) {
        result(csv.entries, csv.problems);
        return csv;
    }

    private List<TenantEntry> result(List<TenantEntry> entries, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new RegistryValidationException(description(), problems);
        }
        return entries;
    }

    private void requireNew(List<TenantEntry> entries, Tenant tenant) {
        entries.stream().filter(e -> e.tenant().id().equalsIgnoreCase(tenant.id())).findFirst().ifPresent(e -> {
            throw new RegistryException("tenant " + Names.quote(tenant.id()) + " is already registered at " + e.origin());
        });
    }

    private int indexOf(List<TenantEntry> entries, String id) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).tenant().id().equals(id)) {
                return i;
            }
        }
        throw new RegistryException("no tenant " + Names.quote(id) + " in " + file
                + Names.didYouMean(id, entries.stream().map(e -> e.tenant().id()).toList()));
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RegistryException("registry file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new RegistryException("registry file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void write(String text) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new RegistryException("registry file " + file + " cannot be written: " + e.getMessage(), e);
        }
    }
}
