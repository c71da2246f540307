package dev.flotilla.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatabaseNamesTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_764_000_000L);

    @Test
    void namesCarryTheEpochSecondAndEightHexDigits() {
        DatabaseNames names = new DatabaseNames(Clock.fixed(NOW, ZoneOffset.UTC), new Random(7));

        assertThat(names.next()).matches("ft_1764000000_[0-9a-f]{8}");
        assertThat(names.next()).isNotEqualTo(names.next());
    }

    @Test
    void readsTheCreationTimeBackOrNothingForForeignNames() {
        assertThat(DatabaseNames.createdAt("ft_1764000000_0badf00d")).contains(NOW);
        assertThat(DatabaseNames.createdAt("ft_1764000000_0badf00d_tenant7")).contains(NOW);
        assertThat(DatabaseNames.createdAt("ft_notanepoch_x")).isEmpty();
        assertThat(DatabaseNames.createdAt("flotilla")).isEmpty();
    }

    @Test
    void onlySafeNamesReachSql() {
        assertThat(DatabaseNames.requireSafe("ft_1_ab")).isEqualTo("ft_1_ab");
        assertThatThrownBy(() -> DatabaseNames.requireSafe("x\"; DROP DATABASE postgres; --"))
                .hasMessageStartingWith("database name must be 1 to 63 letters, digits or underscores");
    }
}
