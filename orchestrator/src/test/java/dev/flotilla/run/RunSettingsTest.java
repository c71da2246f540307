package dev.flotilla.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSettingsTest {

    @Test
    void theDefaultsComeFromTheConfigsDefaults() {
        RunSettings settings = RunSettings.defaults();
        assertThat(settings.concurrency()).isEqualTo(8);
        assertThat(settings.perServer()).isEqualTo(4);
        assertThat(settings.retry()).isEqualTo(new RunSettings.Retries(3, Duration.ofSeconds(2), Duration.ofSeconds(30)));
        assertThat(settings.circuit()).isEqualTo(RunSettings.CircuitSettings.DEFAULTS);
        assertThat(settings.maxFailures()).isZero();
        assertThat(settings.dryRun()).isFalse();
    }

    @Test
    void badValuesAreRefusedWithTheFieldAndTheBound() {
        RunSettings settings = RunSettings.defaults();
        assertThatThrownBy(() -> settings.withConcurrency(0, 1)).hasMessage("concurrency must be at least 1, found 0");
        assertThatThrownBy(() -> settings.withConcurrency(2, 0)).hasMessage("per-server must be at least 1, found 0");
        assertThatThrownBy(() -> settings.withMaxFailures(-1)).hasMessage("max-failures must be at least 0, found -1");
        assertThatThrownBy(() -> settings.withCanary(2, "canary")).hasMessage("give --canary N or --canary-tag T, not both");
        assertThatThrownBy(() -> settings.withWaves(List.of("gold", " "))).hasMessage("a wave needs a tag name, found a blank one in [gold,  ]");
        assertThatThrownBy(() -> new RunSettings.Retries(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessage("retry attempts must be at least 1, found 0");
        assertThatThrownBy(() -> new RunSettings.Retries(2, Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessage("retry backoff must be at least 1ms and at most the longest backoff (PT1S), found PT5S");
        assertThatThrownBy(() -> new RunSettings.CircuitSettings(3, 4, Duration.ofSeconds(1)))
                .hasMessage("circuit minimum calls must be at most the window (3), found 4");
    }
}
