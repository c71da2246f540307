package dev.flotilla.journal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunIdsTest {

    @Test
    void anIdIsTheUtcStartToTheSecondAndFourHexDigits() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T03:26:33.999Z"), ZoneOffset.ofHours(5));
        assertThat(RunIds.next(clock, new FixedRandom(0x7f3a))).isEqualTo("20261126-032633-7f3a");
        assertThat(RunIds.next(clock, new FixedRandom(0x0001))).isEqualTo("20261126-032633-0001");
    }

    @Test
    void idsThatCannotNameAFileAreRejected() {
        for (String bad : new String[]{"", "-x", "a/b", "a b", "x".repeat(101)}) {
            assertThatThrownBy(() -> RunIds.requireValid(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(RunIds.requireValid("20261126-032633-7f3a")).isEqualTo("20261126-032633-7f3a");
    }

    private record FixedRandom(int value) implements RandomGenerator {
        @Override
        public long nextLong() {
            return value;
        }

        @Override
        public int nextInt(int bound) {
            return value;
        }
    }
}
