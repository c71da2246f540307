package dev.flotilla.survey;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FleetSurvey} reads. Immutable.
 *
 * @param connectTimeout       how long connecting to one server may take; at least 1 s
 * @param readTimeout          how long one connection's reads may take once connected; at least 1 s. A
 *                             server that has not answered within both is reported unreachable, never
 *                             waited for longer
 * @param tenantsPerConnection schema- or database-per-tenant tenants of one server read over one
 *                             connection before a second one is opened (up to the server's limit); at
 *                             least 1
 * @param connector            opens the connections
 */
public record SurveySettings(Duration connectTimeout, Duration readTimeout, int tenantsPerConnection,
                             ServerConnector connector) {

    /** 10 s to connect, 60 s to read, 500 tenants a connection, connections from the JDBC drivers. */
    public static final SurveySettings DEFAULTS = new SurveySettings(Duration.ofSeconds(10), Duration.ofSeconds(60),
            500, ServerConnector.DRIVERS);

    public SurveySettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(connector, "connector");
        if (connectTimeout.toMillis() < 1_000) {
            throw new IllegalArgumentException("connectTimeout must be at least 1s, found " + connectTimeout);
        }
        if (readTimeout.toMillis() < 1_000) {
            throw new IllegalArgumentException("readTimeout must be at least 1s, found " + readTimeout);
        }
        if (tenantsPerConnection < 1) {
            throw new IllegalArgumentException("tenantsPerConnection must be at least 1, found " + tenantsPerConnection);
        }
    }

    public SurveySettings withTimeouts(Duration connect, Duration read) {
        return new SurveySettings(connect, read, tenantsPerConnection, connector);
    }

    public SurveySettings withTenantsPerConnection(int tenants) {
        return new SurveySettings(connectTimeout, readTimeout, tenants, connector);
    }

    public SurveySettings withConnector(ServerConnector newConnector) {
        return new SurveySettings(connectTimeout, readTimeout, tenantsPerConnection, newConnector);
    }
}
