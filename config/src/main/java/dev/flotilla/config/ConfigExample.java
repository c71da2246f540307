package dev.flotilla.config;

/**
 * The commented {@code flotilla.yaml} that {@code flotilla init} writes: a SQLite server with one file
 * per tenant, the tenants in {@code tenants.yaml}, and every other key shown commented out with its
 * default. It loads without any environment variable set (a test holds it to that).
 */
public final class ConfigExample {

    /** The file's text, ending in a newline. */
    public static final String TEXT = """
            # Flotilla project configuration. Relative paths are relative to this file's folder.
            # Every key is described in docs/configuration.md. Values may use ${env:NAME},
            # ${env:NAME:-default} and (for passwords) ${file:PATH}; FLOTILLA_<KEY_PATH> environment
            # variables override single keys, e.g. FLOTILLA_DEFAULTS_CONCURRENCY=16.

            # The migrations folder; `flotilla revision` writes new scripts into its versions/ folder.
            scripts: migrations

            # The table in each tenant's database that records the revision(s) it is at, and the one that
            # records every step.
            version_table: flotilla_version
            # history_table: flotilla_history

            # The database servers tenants live on. ${tenant.<field>} in a url is filled in per tenant.
            servers:
              local:
                url: jdbc:sqlite:data/${tenant.id}.db          # file-per-tenant
              # pg1:
              #   url: jdbc:postgresql://127.0.0.1:5432/app    # schema-per-tenant: tenants name a schema
              #   user: postgres
              #   password: ${env:PG_PASSWORD}
              #   pool_size: 10                              # connections per pool
              #   max_concurrency: 4                         # tenants at once on this server (<= pool_size)
              #   layout: schema-per-tenant                  # or database-per-tenant
              #   properties: {region: eu}                   # values of ${server.<name>} in url
              # my1:
              #   url: jdbc:mysql://127.0.0.1:3306/${tenant.database}   # database-per-tenant
              #   user: root
              #   password: ${file:/run/secrets/mysql}

            # Where the list of tenants comes from: exactly one of file, sql or discover.
            registry:
              file: tenants.yaml
              # sql:                     # the application's own tenants table on a control database
              #   server: pg1
              #   query: SELECT id, schema_name, state FROM tenants   # tenants in every state
              #   columns: {schema: schema_name}                      # field -> column, when names differ
              #   table: tenants           # provision --register and state changes write here; or give
              #   # insert: INSERT INTO tenants (id, schema_name, state) VALUES (:id, :schema, :state)
              #   # update_state: UPDATE tenants SET state = :state WHERE id = :id
              # discover: {server: pg1, pattern: "tenant_%"}

            # How runs fan out unless the command line says otherwise (the values shown are the defaults).
            # defaults:
            #   concurrency: 8           # tenants at once, in all
            #   per_server: 4            # tenants at once on one server
            #   retry: {attempts: 3, backoff: 2s}   # transient failures only
            #   lock_wait: 30s           # wait for another run on the same tenant
            #   lock_timeout: 10s        # a statement's wait for a table lock
            #   statement_timeout: 0     # 0: no limit
            #   canary: 0                # tenants migrated first, alone
            #   max_failures: 0          # failed tenants before no more start; 0: no limit
            """;

    private ConfigExample() {
    }
}
