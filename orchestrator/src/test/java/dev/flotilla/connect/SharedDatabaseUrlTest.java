package dev.flotilla.connect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which MySQL/MariaDB tenant URLs let a server's tenants share one pool, and how they are split. */
class SharedDatabaseUrlTest {

    @Test
    void aSingleHostUrlWithTheTenantInItsDatabaseIsSplitIntoTheServerAndTheDatabase() {
        assertThat(SharedDatabaseUrl.of("jdbc:mariadb://db1:3306/${tenant.database}?sslMode=DISABLED",
                "jdbc:mysql://db1:3306/acme?sslMode=DISABLED"))
                .contains(new SharedDatabaseUrl("jdbc:mysql://db1:3306/?sslMode=DISABLED", "acme"));
        assertThat(SharedDatabaseUrl.of("jdbc:mysql://db1/t_${tenant.id}", "jdbc:mysql://db1/t_acme"))
                .contains(new SharedDatabaseUrl("jdbc:mysql://db1/", "t_acme"));
    }

    @Test
    void aTemplateNamingTheTenantOutsideItsDatabaseKeepsAPoolPerTenant() {
        assertThat(SharedDatabaseUrl.of("jdbc:mysql://db1/${tenant.database}?connectionAttributes=t:${tenant.id}",
                "jdbc:mysql://db1/acme?connectionAttributes=t:acme")).isEmpty();
        assertThat(SharedDatabaseUrl.of("jdbc:mysql://${tenant.server}/${tenant.database}", "jdbc:mysql://db1/acme"))
                .isEmpty();
    }

    @Test
    void multiHostLoadBalancedAndReplicationUrlsKeepAPoolPerTenant() {
        assertThat(SharedDatabaseUrl.of("jdbc:mysql://db1,db2/${tenant.database}", "jdbc:mysql://db1,db2/acme")).isEmpty();
        assertThat(SharedDatabaseUrl.of("jdbc:mysql://address=(host=db1)(port=3306)/${tenant.database}",
                "jdbc:mysql://address=(host=db1)(port=3306)/acme")).isEmpty();
        assertThat(SharedDatabaseUrl.of("jdbc:mysql:loadbalance://db1,db2/${tenant.database}",
                "jdbc:mysql:loadbalance://db1,db2/acme")).isEmpty();
        assertThat(SharedDatabaseUrl.of("jdbc:mysql:replication://db1,db2/${tenant.database}",
                "jdbc:mysql:replication://db1,db2/acme")).isEmpty();
    }

    @Test
    void urlsOnWhichTheDriverCreatesTheDatabaseOrWillNotResetTheSessionKeepAPoolPerTenant() {
        assertThat(SharedDatabaseUrl.of("jdbc:mysql://db1/${tenant.database}?createDatabaseIfNotExist=true",
                "jdbc:mysql://db1/acme?createDatabaseIfNotExist=true")).isEmpty();
        assertThat(SharedDatabaseUrl.of("jdbc:mysql://db1/${tenant.database}?paranoid=true",
                "jdbc:mysql://db1/acme?paranoid=true")).isEmpty();
    }

    @Test
    void otherDriversAndUrlsWithoutADatabaseOrWithAnEncodedOneAreNotSplit() {
        assertThat(SharedDatabaseUrl.of("jdbc:postgresql://db1/${tenant.database}", "jdbc:postgresql://db1/acme")).isEmpty();
        assertThat(SharedDatabaseUrl.of("jdbc:mysql://db1/", "jdbc:mysql://db1/")).isEmpty();
        assertThat(SharedDatabaseUrl.of("jdbc:mysql://db1", "jdbc:mysql://db1")).isEmpty();
        assertThat(SharedDatabaseUrl.of("jdbc:mysql://db1/${tenant.database}", "jdbc:mysql://db1/a%2Db")).isEmpty();
    }
}
