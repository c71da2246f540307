package dev.flotilla.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/ft_1_cafebabe";
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @Test
    void toStringMasksThePassword() {
        TestDatabase database = new TestDatabase(DatabaseKind.POSTGRESQL, "ft_1_cafebabe", URL, ADMIN_URL, "alice", "s3cr3t-pw");

        assertThat(database.toString())
                .doesNotContain("s3cr3t-pw")
                .contains("password=<masked>", "name=ft_1_cafebabe", "user=alice", URL);
    }

    @Test
    void emptyPasswordIsAllowedButNullIsNot() {
        assertThat(new TestDatabase(DatabaseKind.MYSQL, "d", URL, ADMIN_URL, "root", "").password()).isEmpty();
        assertThatThrownBy(() -> new TestDatabase(DatabaseKind.MYSQL, "d", URL, ADMIN_URL, "root", null))
                .hasMessageContaining("password");
    }

    @Test
    void rejectsAUrlThatIsNotJdbcNamingTheField() {
        assertThatThrownBy(() -> new TestDatabase(DatabaseKind.POSTGRESQL, "d", "postgresql://h/d", ADMIN_URL, "u", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jdbcUrl must start with 'jdbc:', was 'postgresql://h/d'");
    }

    @Test
    void rejectsABlankName() {
        assertThatThrownBy(() -> new TestDatabase(DatabaseKind.POSTGRESQL, " ", URL, ADMIN_URL, "u", ""))
                .hasMessage("name must not be blank, was ' '");
    }
}
