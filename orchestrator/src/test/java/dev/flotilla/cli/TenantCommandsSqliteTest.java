package dev.flotilla.cli;

import dev.flotilla.FleetProject;
import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.flotilla.cli.SampleProject.R1;
import static dev.flotilla.cli.SampleProject.R3;
import static org.assertj.core.api.Assertions.assertThat;

/** Tenant commands on a fleet of SQLite files: acme (gold, canary), globex (gold), initech (suspended). */
class TenantCommandsSqliteTest {

    @TempDir
    Path dir;

    private TestCli cli;

    @BeforeEach
    void fleet() {
        FleetProject.create(dir);
        cli = new TestCli(dir).env("USER", "tester");
    }

    @Test
    void tenantsListsTheActiveTenantsAsATableJsonOrCsv() {
        assertThat(cli.ok("tenants")).isEqualTo("""
                ID      SERVER  STATE   LOCATION        TAGS
                acme    files   active  data/acme.db    gold;canary
                globex  files   active  data/globex.db  gold
                """);
        assertThat(cli.ok("tenants", "list", "--state", "active,suspended", "--format", "csv")).isEqualTo("""
                id,server,state,location,tags
                acme,files,active,data/acme.db,gold;canary
                globex,files,active,data/globex.db,gold
                initech,files,suspended,data/initech.db,
                """);
        assertThat(cli.ok("tenants", "list", "--tag", "canary", "--format", "json")).isEqualTo("[\n"
                + "  {\"id\": \"acme\", \"server\": \"files\", \"state\": \"active\", \"schema\": null, \"database\": null,"
                + " \"location\": \"data/acme.db\", \"url\": \"jdbc:sqlite:" + dir.resolve("data/acme.db") + "\","
                + " \"tags\": [\"gold\", \"canary\"], \"attributes\": {}}\n]\n");
        assertThat(cli.ok("tenants", "show", "initech")).isEqualTo("id:        initech\nserver:    files\n"
                + "state:     suspended\nschema:    -\ndatabase:  -\nurl:       jdbc:sqlite:" + dir.resolve("data/initech.db")
                + "\ntags:      \nattributes: \norigin:    " + dir.resolve("tenants.yaml") + ":4\n");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void upgradeNeedsAnExplicitSelectionAndChangesNothingWithout() {
        Result result = cli.run("upgrade");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: upgrade changes tenants, so it needs an explicit selection:"
                + " --tenant ID, --tag TAG or --all\n");
        assertThat(result.out()).isEmpty();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void upgradeCurrentDowngradeAndStampPerSelectedTenant() {
        assertThat(cli.ok("current")).isEqualTo("""
                acme: (uninitialized: no version table flotilla_version)
                globex: (uninitialized: no version table flotilla_version)
                """);
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(cli.tenantLines("upgrade", "--tenant", "acme")).isEqualTo("acme: Upgraded <base> -> " + R3 + " (3 steps, 0 ms).\n");
        assertThat(cli.tenantLines("upgrade", "--all")).isEqualTo("acme: Nothing to do: at " + R3 + ".\n"
                + "globex: Upgraded <base> -> " + R3 + " (3 steps, 0 ms).\n");
        assertThat(dir.resolve("data/initech.db")).doesNotExist();
        assertThat(cli.tenantLines("downgrade", "--tag", "canary", R1)).isEqualTo("acme: Downgraded " + R3 + " -> " + R1
                + " (2 steps, 0 ms).\n");
        assertThat(cli.ok("current")).isEqualTo("acme: " + R1 + "\nglobex: " + R3 + " (head)\n");
        assertThat(cli.tenantLines("stamp", "--tenant", "glob*", "base")).isEqualTo("globex: Stamped " + R3 + " -> <base>.\n");
        assertThat(cli.ok("current", "--tenant", "globex")).isEqualTo("globex: <base>\n");
        assertThat(cli.tenantLines("upgrade", "--tenant", "initech", "--state", "suspended"))
                .isEqualTo("initech: Upgraded <base> -> " + R3 + " (3 steps, 0 ms).\n");
    }

    @Test
    void aFailingTenantIsReportedTheOthersGoOnAndTheExitCodeIsOne() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        SampleProject.execute("jdbc:sqlite:" + dir.resolve("data/acme.db"), "CREATE TABLE account (id INTEGER)");
        Result result = cli.run("upgrade", "--all", "--concurrency", "1"); // one at a time: lines in registry order
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(TestCli.beforeSummary(result.out())).isEqualTo("acme: failed\nglobex: Upgraded <base> -> " + R3 + " (3 steps, 0 ms).\n");
        assertThat(result.err()).startsWith("error: ").contains("upgrade to " + R1 + " failed at statement 1 of 1",
                "table account already exists");
        assertThat(cli.ok("current")).isEqualTo("acme: <base>\nglobex: " + R3 + " (head)\n");
    }

    @Test
    void selectionErrorsExitTwo() {
        Result unknown = cli.run("upgrade", "--tenant", "acmee");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: ").contains("acmee", "acme");
        Result suspended = cli.run("upgrade", "--tenant", "initech");
        assertThat(suspended.exitCode()).isEqualTo(2);
        assertThat(suspended.err()).contains("tenant 'initech' is suspended; add --state suspended to select it");
        Result withUrl = cli.run("--url", "jdbc:sqlite:x.db", "upgrade", "--all");
        assertThat(withUrl.exitCode()).isEqualTo(2);
        assertThat(withUrl.err()).startsWith("error: --url names one database; the tenant selection options");
        Result badShard = cli.run("current", "--shard", "3/2");
        assertThat(badShard.exitCode()).isEqualTo(2);
        assertThat(badShard.err()).isEqualTo("error: shard index must be 1 to 2, was 3\n");
    }

    @Test
    void shardsPartitionTheFleet() {
        String one = cli.ok("tenants", "--shard", "1/2", "--format", "csv");
        String two = cli.ok("tenants", "--shard", "2/2", "--format", "csv");
        assertThat((one + two).lines().filter(l -> !l.startsWith("id,")).map(l -> l.split(",")[0]).sorted())
                .containsExactly("acme", "globex");
    }

    @Test
    void anInvalidRegistryExitsTwoWithItsMessage() throws Exception {
        Files.writeString(dir.resolve("tenants.yaml"), "tenants:\n  - {id: acme, server: filez}\n");
        Result result = cli.run("tenants");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").contains("unknown server 'filez'", "did you mean 'files'?");
    }

    @Test
    void provisionCreatesTheFileUpgradesItAndIsSafeToRunTwice() throws Exception {
        assertThat(cli.ok("provision", "globex")).isEqualTo("globex: Provisioned <base> -> " + R3 + " (3 steps, 0 ms).\n");
        assertThat(cli.ok("provision", "globex")).isEqualTo("globex: Nothing to do: at " + R3 + ".\n");
        assertThat(cli.ok("provision", "hooli", "--register", "--server", "files"))
                .isEqualTo("hooli: Provisioned <base> -> " + R3 + " (3 steps, 0 ms).\n");
        assertThat(Files.readString(dir.resolve("tenants.yaml"))).contains("{id: hooli, server: files");
        assertThat(cli.ok("tenants", "show", "hooli")).contains("state:     active\n");
        assertThat(cli.ok("current", "--tenant", "hooli")).isEqualTo("hooli: " + R3 + " (head)\n");
    }

    @Test
    void aFailedProvisionLeavesTheTenantProvisioning() throws Exception {
        new SampleProject(dir).write("d4e5f6a7b8c9", R3, "bad step", "INSERT INTO nowhere VALUES (1);\n", "");
        Result result = cli.run("provision", "hooli", "--register", "--server", "files");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(cli.ok("tenants", "show", "hooli")).contains("state:     provisioning\n");
        assertThat(cli.ok("tenants", "--state", "provisioning", "--format", "csv"))
                .isEqualTo("id,server,state,location,tags\nhooli,files,provisioning,data/hooli.db,\n");
    }

    @Test
    void registeringATenantTheRegistryWouldRefuseWritesNothing() throws Exception {
        Files.writeString(dir.resolve("flotilla.yaml"), FleetProject.CONFIG.replace("  files:\n",
                "  pg:\n    url: jdbc:postgresql://127.0.0.1:1/app\n  files:\n"));
        String before = Files.readString(dir.resolve("tenants.yaml"));
        Result result = cli.run("provision", "hooli", "--register", "--server", "pg");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").contains("hooli", "schema");
        assertThat(Files.readString(dir.resolve("tenants.yaml"))).isEqualTo(before);
        Result unknown = cli.run("provision", "hooli", "--register", "--server", "nowhere");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown server 'nowhere'");
        assertThat(Files.readString(dir.resolve("tenants.yaml"))).isEqualTo(before);
    }

    @Test
    void theScriptsOptionAppliesToTenantsToo() throws Exception {
        Files.createDirectories(dir.resolve("other/versions"));
        Files.copy(new SampleProject(dir).file(R1), dir.resolve("other/versions").resolve(new SampleProject(dir).file(R1).getFileName()));
        assertThat(cli.tenantLines("--scripts", "other", "upgrade", "--tenant", "acme"))
                .isEqualTo("acme: Upgraded <base> -> " + R1 + " (1 step, 0 ms).\n");
        assertThat(cli.ok("--scripts", "other", "current", "--tenant", "acme")).isEqualTo("acme: " + R1 + " (head)\n");
    }
}
