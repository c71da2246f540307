package dev.flotilla.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Journals as files, one per run: {@code <folder>/<run-id>.jsonl}, one JSON record per line. By default
 * the folder is {@code .flotilla/runs} next to the config ({@link #besideConfig}). Thread-safe: it holds
 * only the folder.
 */
public final class FileJournalStore implements JournalStore {

    static final String SUFFIX = ".jsonl";

    private final Path folder;
    private final JournalCodec codec = new JournalCodec();

    /** @param folder the folder of journal files; created when the first journal is */
    public FileJournalStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The default store: {@code .flotilla/runs} in the folder of {@code configFile}. */
    public static FileJournalStore besideConfig(Path configFile) {
        Path parent = configFile.toAbsolutePath().getParent();
        return new FileJournalStore(parent.resolve(".flotilla").resolve("runs"));
    }

    @Override
    public RunJournal journal() {
        return new RecordingJournal(new FileSink(folder), codec);
    }

    @Override
    public RecordedRun read(String runId) {
        Path file = fileOf(runId);
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UnknownRunException(runId, location(), runs());
        } catch (IOException e) {
            throw new JournalException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new JournalReader(codec).read(file.toString(), records(content));
    }

    @Override
    public List<RunHeader> runs() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX))
                    .map(this::headerOf).flatMap(Optional::stream)
                    .sorted(newestFirst())
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new JournalException("cannot list the journals in " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String location() {
        return folder.toString();
    }

    /** Newest first by start, then by id, so runs started in the same instant still list in one order. */
    static Comparator<RunHeader> newestFirst() {
        return Comparator.comparing(RunHeader::startedAt).thenComparing(RunHeader::runId).reversed();
    }

    Path fileOf(String runId) {
        return folder.resolve(RunIds.requireValid(runId) + SUFFIX);
    }

    /** The file's records; a last line without its line break is kept, for the reader to judge. */
    static List<String> records(String content) {
        List<String> lines = new ArrayList<>(Arrays.asList(content.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** A listing skips files whose header cannot be read: they are not runs anyone can resume. */
    private Optional<RunHeader> headerOf(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first == null ? Optional.empty() : Optional.of(codec.toHeader(codec.parse(first)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
