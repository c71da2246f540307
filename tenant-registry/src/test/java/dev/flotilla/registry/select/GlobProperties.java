package dev.flotilla.registry.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** The hand-written glob matches exactly what the regex it replaced ({@code *} as {@code .*}, {@code ?} as {@code .}) matched. */
class GlobProperties {

    @Property(tries = 3000)
    void matchesLikeTheRegex(@ForAll @StringLength(max = 8) @CharRange(from = 'a', to = 'c') @CharRange(from = '*', to = '*')
                             @CharRange(from = '?', to = '?') String glob,
                             @ForAll @StringLength(max = 10) @CharRange(from = 'a', to = 'c') String id) {
        assertThat(Glob.compile(glob).matches(id)).as("%s ~ %s", glob, id).isEqualTo(regex(glob).matcher(id).matches());
    }

    private static Pattern regex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
