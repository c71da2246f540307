package dev.flotilla.testkit;

import static dev.flotilla.testkit.Servers.exists;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs small sample classes in a JUnit engine of their own and checks, from outside, what each saw.
 * The samples are nested classes, which Maven's test scan leaves alone.
 */
@DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL})
class TestDatabaseExtensionTest {

    @Test
    void everyClassGetsItsOwnDatabasesWhichAreGoneAfterIt(TestDatabases databases) throws SQLException {
        EngineExecutionResults results = run(FirstSample.class, SecondSample.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        List<Map<String, String>> seen = entries(results);
        for (DatabaseKind kind : DatabaseKind.values()) {
            Set<String> first = namesSeenBy(seen, "FirstSample", kind);
            Set<String> second = namesSeenBy(seen, "SecondSample", kind);
            assertThat(first).as("both tests of a class share one %s database", kind).hasSize(1);
            assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
            for (String name : List.of(first.iterator().next(), second.iterator().next())) {
                assertThat(exists(databases.get(kind), name)).as("%s dropped after its class", name).isFalse();
            }
        }
    }

    @Test
    void constructorsLifecycleMethodsAndTestsOfAClassGetTheSameDatabase() {
        EngineExecutionResults results = run(InjectionSample.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(entries(results)).hasSize(4)
                .extracting(entry -> entry.values().iterator().next()).containsOnly(
                        entries(results).get(0).values().iterator().next());
    }

    @Test
    void aTestDatabaseParameterNeedsExactlyOneDeclaredKind() {
        EngineExecutionResults results = run(AmbiguousSample.class);

        results.testEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
                instanceOf(ParameterResolutionException.class),
                message(m -> m.contains("needs exactly one kind in @DatabaseTest")
                        && m.contains("inject TestDatabases and call get(kind)"))));
    }

    private static EngineExecutionResults run(Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
                .execute();
    }

    private static List<Map<String, String>> entries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .toList();
    }

    private static Set<String> namesSeenBy(List<Map<String, String>> entries, String sample, DatabaseKind kind) {
        return entries.stream()
                .filter(entry -> sample.equals(entry.get("sample")))
                .map(entry -> entry.get(kind.name()))
                .collect(toSet());
    }

    abstract static class Sample {
        @Test
        void one(TestDatabases databases, TestReporter reporter) throws SQLException {
            report(databases, reporter);
        }

        @Test
        void two(TestDatabases databases, TestReporter reporter) throws SQLException {
            report(databases, reporter);
        }

        private void report(TestDatabases databases, TestReporter reporter) throws SQLException {
            TestDatabase postgres = databases.get(DatabaseKind.POSTGRESQL);
            TestDatabase mysql = databases.get(DatabaseKind.MYSQL);
            assertThat(exists(postgres, postgres.name())).isTrue();
            assertThat(exists(mysql, mysql.name())).isTrue();
            reporter.publishEntry(Map.of("sample", getClass().getSimpleName(),
                    DatabaseKind.POSTGRESQL.name(), postgres.name(), DatabaseKind.MYSQL.name(), mysql.name()));
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL})
    static class FirstSample extends Sample {
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL})
    static class SecondSample extends Sample {
    }

    @DatabaseTest(DatabaseKind.MYSQL)
    static class InjectionSample {

        InjectionSample(TestDatabase database, TestReporter reporter) {
            reporter.publishEntry("constructor", database.name());
        }

        @BeforeAll
        static void beforeAll(TestDatabase database, TestReporter reporter) {
            reporter.publishEntry("beforeAll", database.name());
        }

        @BeforeEach
        void beforeEach(TestDatabase database, TestReporter reporter) {
            reporter.publishEntry("beforeEach", database.name());
        }

        @Test
        void test(TestDatabase database, TestReporter reporter) {
            reporter.publishEntry("test", database.name());
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL})
    static class AmbiguousSample {
        @Test
        void wantsOne(TestDatabase database) {
        }
    }
}
