package dev.flotilla.cli;

import dev.flotilla.registry.TenantState;
import dev.flotilla.registry.select.Selection;
import dev.flotilla.registry.select.Shard;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tenant selection (CLI.md, "Tenant commands"), mixed into every tenant command. Read-only commands
 * select every active tenant when none of {@code --tenant}, {@code --tag}, {@code --all} is given;
 * commands that write require one of them.
 */
final class TenantOptions {

    @Option(names = "--tenant", paramLabel = "ID", description = "A tenant id or glob (acme, acme-*); repeatable.")
    List<String> tenants = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG", description = "Tenants with this tag; repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--all", description = "Every tenant (in the selected states).")
    boolean all;

    @Option(names = "--exclude", paramLabel = "ID", description = "Leave out this id or glob; repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "I/N", description = "Only the tenants of shard I of N (a stable hash of the id).")
    String shard;

    @Option(names = "--state", paramLabel = "STATE", split = ",",
            description = "Lifecycle states to include (active, provisioning, suspended, archived); default active.")
    List<String> states = new ArrayList<>();

    /** Whether any selection option was given (tenant mode rather than --url). */
    boolean given() {
        return !tenants.isEmpty() || !tags.isEmpty() || all || !excludes.isEmpty() || shard != null || !states.isEmpty();
    }

    /**
     * The selection; {@code command} names the command in the error a write without an explicit
     * selection gets.
     */
    Selection selection(String command, boolean writes) {
        boolean explicit = !tenants.isEmpty() || !tags.isEmpty() || all;
        if (writes && !explicit) {
            throw new InputException(command + " changes tenants, so it needs an explicit selection:"
                    + " --tenant ID, --tag TAG or --all");
        }
        Set<TenantState> parsed = new LinkedHashSet<>();
        for (String state : states) {
            parsed.add(TenantState.parse(state));
        }
        return new Selection(tenants, new LinkedHashSet<>(tags), all || !explicit, excludes,
                shard == null ? null : Shard.parse(shard), parsed);
    }
}
