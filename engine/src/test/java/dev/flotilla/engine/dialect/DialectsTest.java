package dev.flotilla.engine.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DialectsTest {

    @ParameterizedTest
    @CsvSource({
            "jdbc:postgresql://db:5432/app, postgresql",
            "jdbc:mysql://db:3306/app, mysql",
            "jdbc:mariadb://db:3306/app, mysql",
            "JDBC:PostgreSQL://db/app, postgresql",
            "Jdbc:MariaDB://db/app, mysql",
            "jdbc:sqlite:/var/data/tenant.db, sqlite",
            "jdbc:sqlite::memory:, sqlite"})
    void urlPrefixPicksTheDialectWhateverItsCase(String url, String dialect) {
        assertThat(Dialects.forUrl(url).name()).isEqualTo(dialect);
    }

    @Test
    void unknownUrlIsRejectedListingEveryAcceptedPrefix() {
        assertThatThrownBy(() -> Dialects.forUrl("jdbc:oracle:thin:@db:1521/app"))
                .isInstanceOf(EngineException.class)
                .hasMessage("Unsupported database URL 'jdbc:oracle:thin:@db:1521/app'; it must start with one of "
                        + "[jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb:, jdbc:sqlite:]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:oracle://scott:secret@db/app",
            "jdbc:oracle://db/app?user=scott&password=secret",
            "jdbc:db2://db/app?password=secret;user=scott",
            "jdbc:h2://u:secret@db:1/x?password=secret"})
    void passwordNeverAppearsInTheMessage(String url) {
        assertThatThrownBy(() -> Dialects.forUrl(url))
                .isInstanceOf(EngineException.class)
                .message().doesNotContain("secret").contains("<masked>");
    }

    @Test
    void userInfoKeepsTheUserAndMasksThePassword() {
        assertThatThrownBy(() -> Dialects.forUrl("jdbc:postgres://u:secret@h/db"))
                .hasMessageStartingWith("Unsupported database URL 'jdbc:postgres://u:<masked>@h/db'");
    }

    @Test
    void namesAreTheScriptSectionNamesAndMariadbIsMysql() {
        assertThat(Dialects.all()).extracting(Dialect::name).containsExactly("postgresql", "mysql", "sqlite");
        assertThat(Dialects.named("mariadb")).isSameAs(Dialects.named("mysql"));
        assertThatThrownBy(() -> Dialects.named("oracle"))
                .hasMessage("Unknown dialect 'oracle'; expected postgresql, mysql, mariadb or sqlite");
    }

    @Test
    void onlyPostgresqlAndSqliteHaveTransactionalDdl() {
        assertThat(Dialects.all()).extracting(Dialect::transactionalDdl).containsExactly(true, false, true);
    }
}
