package dev.flotilla.engine.script.updown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UpDownNamingTest {

    @Test
    void aPatternWithoutTheRequiredGroupsIsRejectedNamingThem() {
        assertThatThrownBy(() -> UpDownNaming.of("(\\d+)_(?<name>.+)\\.(up|down)\\.sql"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("up/down naming pattern '(\\d+)_(?<name>.+)\\.(up|down)\\.sql' has no named group"
                        + " version, direction; it needs (?<version>...), (?<name>...) and (?<direction>...),"
                        + " and may have (?<dialect>...) and (?<autocommit>...)");
    }

    @Test
    void aPatternThatDoesNotCompileIsRejected() {
        assertThatThrownBy(() -> UpDownNaming.of("(?<version>\\d+"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("up/down naming pattern '(?<version>\\d+' is not a valid regular expression: Unclosed group");
    }

    @Test
    void namingsAreEqualWhenTheirPatternsAre() {
        assertThat(UpDownNaming.of(UpDownNaming.AUTHELIA.pattern().pattern())).isEqualTo(UpDownNaming.AUTHELIA);
        assertThat(new UpDownNaming(Pattern.compile(UpDownNaming.POPX.pattern().pattern(), Pattern.CASE_INSENSITIVE)))
                .isNotEqualTo(UpDownNaming.POPX);
    }

    @Test
    void popxDoesNotTakeAutocommitForADialect() {
        var m = UpDownNaming.POPX.pattern().matcher("1_x.autocommit.up.sql");
        assertThat(m.matches()).isTrue();
        assertThat(m.group("dialect")).isNull();
        assertThat(m.group("autocommit")).isEqualTo(".autocommit");
    }
}
