import dev.flotilla.Flotilla;
import dev.flotilla.TenantMigrations;
import dev.flotilla.engine.migrate.RunResult;
import dev.flotilla.engine.migrate.TargetStatus;
import dev.flotilla.registry.Tenant;

import java.nio.file.Path;

/**
 * The sign-up path of a SaaS application: a new customer gets a tenant, its own schema, database or SQLite
 * file, migrated to the newest revision before its first request.
 *
 * <pre>
 * java -cp orchestrator/target/flotilla.jar docs/examples/SignUp.java examples/quickstart/flotilla.yaml newco local
 * </pre>
 */
public class SignUp {

    public static void main(String[] args) {
        Path config = Path.of(args[0]);
        String id = args[1];
        String server = args.length > 2 ? args[2] : "local";
        try (Flotilla flotilla = Flotilla.open(config, System.getenv())) {
            // Adds the tenant to the registry file in state 'provisioning' (an id already there is kept as it is).
            TenantMigrations tenant = flotilla.register(Tenant.of(id, server, null, null));
            // Creates its schema, database or folder if missing, upgrades it to heads, then marks it 'active'.
            RunResult result = tenant.provision();
            System.out.println(id + ": " + String.join(",", result.before()) + " -> " + String.join(",", result.after()));

            // Later, e.g. after a deploy, any one tenant on demand:
            flotilla.tenant(id).upgrade("heads");
            TargetStatus status = flotilla.tenant(id).status();
            System.out.println(id + " is at " + status.revisions() + ", "
                    + flotilla.registry().tenant(id).state().label());
        }
    }
}
