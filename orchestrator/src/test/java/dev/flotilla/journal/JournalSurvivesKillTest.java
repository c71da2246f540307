package dev.flotilla.journal;

import dev.flotilla.run.TenantResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 of an orchestrator that is writing its journal leaves a journal a resume can use. */
class JournalSurvivesKillTest {

    @TempDir
    Path dir;

    @Test
    void aJournalCutByKillNineReadsBackEveryRecordedTenantAndResumesTheRest() throws Exception {
        Path folder = dir.resolve("runs");
        Process orchestrator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalWriterProcess.class.getName(), folder.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        Path file = folder.resolve("killed.jsonl");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines(file) < 2000 && System.nanoTime() < deadline && orchestrator.isAlive()) {
                Thread.sleep(20);
            }
        } finally {
            orchestrator.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close, no flush
            orchestrator.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(lines(file)).as("journal lines; child output: %s", Files.readString(dir.resolve("out.txt")))
                .isGreaterThanOrEqualTo(2000);

        RecordedRun run = new FileJournalStore(folder).read("killed");

        List<String> recorded = run.results().stream().map(TenantResult::tenant).toList();
        assertThat(recorded).doesNotHaveDuplicates().hasSizeGreaterThan(1000);
        assertThat(recorded.size()).isLessThan(JournalWriterProcess.TENANTS);
        assertThat(run.end()).isEmpty();
        assertThat(run.warnings()).hasSizeLessThanOrEqualTo(1);
        Set<String> done = new HashSet<>(recorded);
        assertThat(run.resume()).isEqualTo(run.header().tenants().stream().filter(t -> !done.contains(t)).toList());
        assertThat(run.resume().size() + recorded.size()).isEqualTo(JournalWriterProcess.TENANTS);
        // Four workers: at most four tenants were between their start and end records when the kill came.
        assertThat(run.unfinished()).hasSizeLessThanOrEqualTo(4).isSubsetOf(run.resume());
    }

    private static long lines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] content = Files.readAllBytes(file);
        long lines = 0;
        for (byte b : content) {
            lines += b == '\n' ? 1 : 0;
        }
        return lines;
    }
}
