package dev.flotilla.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

/** Where the test kit says which servers it uses, and why it skips. Thread-safe. */
final class TestkitLog {

    private static final String PREFIX = "[flotilla-testkit] ";

    /**
     * The process's own standard error. Maven Surefire swaps {@link System#err} for a report file
     * ({@code redirectTestOutputToFile}), where a missing database would go unseen; what a forked
     * test JVM writes to file descriptor 2 still reaches the Maven console. Never closed: closing
     * it would close descriptor 2.
     */
    private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.err), true, UTF_8);

    private TestkitLog() {
    }

    /** Routine news, such as which server a kind uses: to {@link System#err}, wherever that goes. */
    static void info(String line) {
        System.err.println(PREFIX + line);
    }

    /** Something a person must see, such as why tests are skipped: to the console, always. */
    static void warn(String line) {
        CONSOLE.println(PREFIX + line);
    }
}
