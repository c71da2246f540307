package dev.flotilla;

import dev.flotilla.config.ConfigLoader;
import dev.flotilla.config.ProjectConfig;
import dev.flotilla.connect.PoolSettings;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.registry.RegistryException;
import dev.flotilla.registry.TenantState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlotillaTest {

    @TempDir
    Path dir;

    @Test
    void aTenantIsMigratedOnDemandAndNoConnectionIsLeft() {
        Path config = FleetProject.create(dir);
        ProjectConfig loaded = ConfigLoader.load(config, Map.of());
        FlotillaOptions options = FlotillaOptions.from(loaded, "test")
                .withPools(PoolSettings.DEFAULTS.withLeakDetection(Duration.ofSeconds(2)));
        try (Flotilla flotilla = Flotilla.open(loaded, options)) {
            assertThat(flotilla.tenant("acme").status().initialized()).isFalse();
            assertThat(dir.resolve("data/acme.db")).doesNotExist();
            assertThat(flotilla.tenant("acme").upgrade("heads").after()).containsExactly(R3);
            TargetStatus status = flotilla.tenant("acme").status();
            assertThat(status.revisions()).containsExactly(R3);
            assertThat(flotilla.tenant("globex").provision().after()).containsExactly(R3);
            assertThat(flotilla.connections().activeConnections()).isZero();
            assertThat(flotilla.connections().openPools()).isEqualTo(2);
            assertThatThrownBy(() -> flotilla.tenant("nobody")).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("no tenant 'nobody'");
        }
    }

    @Test
    void theSignUpExampleInTheDocsRuns() throws Exception {
        Path config = FleetProject.create(dir);
        Path source = Path.of("../docs/examples/SignUp.java").toAbsolutePath().normalize();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(compiled).isZero();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            loader.loadClass("SignUp").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {config.toString(), "newco", "files"});
        } finally {
            System.setOut(out);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .isEqualTo("newco:  -> " + R3 + "\nnewco is at [" + R3 + "], active\n");
        assertThat(Files.readString(dir.resolve("tenants.yaml"))).contains("- {id: newco, server: files");
        try (Flotilla flotilla = Flotilla.open(config, Map.of())) {
            assertThat(flotilla.registry().tenant("newco").state()).isEqualTo(TenantState.ACTIVE);
            assertThat(flotilla.select(dev.flotilla.registry.select.Selection.everyTenant()))
                    .extracting(t -> t.id()).isEqualTo(List.of("acme", "globex", "newco"));
        }
    }
}
