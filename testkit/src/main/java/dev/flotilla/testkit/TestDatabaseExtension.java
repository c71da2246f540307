package dev.flotilla.testkit;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link DatabaseTest}; register it with that annotation, or with
 * {@code @ExtendWith(TestDatabaseExtension.class)} to take databases only through
 * {@link TestDatabases}.
 *
 * <p>It injects {@link TestDatabase} and {@link TestDatabases} parameters into constructors,
 * {@code @BeforeAll}, {@code @BeforeEach}, {@code @AfterEach}, {@code @AfterAll} and test methods.
 * Servers live in the JUnit root context's store, so each kind is looked for once per test run (once
 * per JVM under Maven) and stopped, if the test kit started it, when the run ends. Databases live in
 * the test class's store and are dropped when the class ends.
 */
public final class TestDatabaseExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(TestDatabaseExtension.class);

    /**
     * Disables a class whose declared server is missing, so that every one of its tests is reported
     * as skipped with the reason (Surefire counts nothing for a class aborted in {@code beforeAll}).
     * When databases are required it stays enabled, and {@link #beforeAll} fails it instead.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!(context.getElement().orElse(null) instanceof Class<?>)) {
            return ConditionEvaluationResult.enabled("databases are checked per class");
        }
        TestkitSettings settings = settings(context.getRoot());
        for (DatabaseKind kind : declaredKinds(context)) {
            if (resolution(context.getRoot(), kind) instanceof Resolution.Unavailable unavailable
                    && !settings.requireDatabases()) {
                return ConditionEvaluationResult.disabled(unavailable.reason());
            }
        }
        return ConditionEvaluationResult.enabled("every declared database server is available");
    }

    /** Creates the declared databases before the first test; a missing required server fails the class here. */
    @Override
    public void beforeAll(ExtensionContext context) {
        TestDatabases databases = databases(context);
        declaredKinds(context).forEach(databases::get);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestDatabase.class || type == TestDatabases.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == TestDatabases.class) {
            return databases(context);
        }
        Set<DatabaseKind> kinds = declaredKinds(context);
        if (kinds.size() != 1) {
            throw new ParameterResolutionException("A TestDatabase parameter needs exactly one kind in "
                    + "@DatabaseTest on " + context.getRequiredTestClass().getName() + ", found " + kinds
                    + "; list one kind or inject TestDatabases and call get(kind)");
        }
        return databases(context).get(kinds.iterator().next());
    }

    private static ClassDatabases databases(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        // Stored at the class level, not the method level, so every test of the class shares them.
        return classContext(context).getStore(NAMESPACE).getOrComputeIfAbsent(ClassDatabases.class,
                key -> new ClassDatabases(kind -> server(root, kind),
                        new DatabaseNames(Clock.systemUTC(), new SecureRandom())),
                ClassDatabases.class);
    }

    private static ServerEndpoint server(ExtensionContext root, DatabaseKind kind) {
        return resolution(root, kind).endpointOrAbort(settings(root).requireDatabases());
    }

    /** Looked for once per run; the root store closes what was started when the run ends. */
    private static Resolution resolution(ExtensionContext root, DatabaseKind kind) {
        TestkitSettings settings = settings(root);
        return root.getStore(NAMESPACE).getOrComputeIfAbsent(kind,
                key -> ServerBootstrap.open(key, settings, Clock.systemUTC(), TestkitLog::info, TestkitLog::warn),
                Resolution.class);
    }

    private static TestkitSettings settings(ExtensionContext root) {
        return root.getStore(NAMESPACE).getOrComputeIfAbsent(TestkitSettings.class,
                key -> TestkitSettings.fromEnvironment(System.getenv()), TestkitSettings.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (!(current.getElement().orElse(null) instanceof Class<?>)) {
            current = current.getParent().orElseThrow(() -> new IllegalStateException(
                    "TestDatabaseExtension used outside a test class: " + context.getUniqueId()));
        }
        return current;
    }

    /** The kinds in the nearest {@link DatabaseTest}, looking outward through enclosing classes. */
    private static Set<DatabaseKind> declaredKinds(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<DatabaseTest> annotation = AnnotationSupport.findAnnotation(type, DatabaseTest.class);
            if (annotation.isPresent()) {
                List<DatabaseKind> kinds = List.of(annotation.get().value());
                if (kinds.isEmpty()) {
                    throw new TestDatabaseException("@DatabaseTest on " + type.getName()
                            + " lists no kind; name at least one, e.g. @DatabaseTest(DatabaseKind.POSTGRESQL)");
                }
                return EnumSet.copyOf(kinds);
            }
        }
        return Set.of();
    }
}
