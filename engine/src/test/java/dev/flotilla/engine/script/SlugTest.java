package dev.flotilla.engine.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected values are what Alembic's rule gives in Python 3. */
class SlugTest {

    @Test
    void wordsAreJoinedByUnderscoresAndLowerCased() {
        assertThat(Slug.of("Add accounts table")).isEqualTo("add_accounts_table");
    }

    @Test
    void punctuationSeparatesWordsAndIsDropped() {
        assertThat(Slug.of("Add 'accounts' table, with e-mail & phone!")).isEqualTo("add_accounts_table_with_e_mail_phone");
        assertThat(Slug.of("x_y  z")).isEqualTo("x_y_z");
        assertThat(Slug.of("!!!")).isEmpty();
    }

    @Test
    void lettersOfEveryScriptAreWordCharacters() {
        assertThat(Slug.of("Ärger mit Übergrößen")).isEqualTo("ärger_mit_übergrößen");
        assertThat(Slug.of("добавить таблицу счетов")).isEqualTo("добавить_таблицу_счетов");
        assertThat(Slug.of("添加账户表")).isEqualTo("添加账户表");
        assertThat(Slug.of("café au lait — naïve résumé")).isEqualTo("café_au_lait_naïve_résumé");
    }

    @Test
    void aLongSlugIsCutAt40CharactersBackToTheLastWholeWord() {
        assertThat(Slug.of("add a very long message about the accounts table and its indexes"))
                .isEqualTo("add_a_very_long_message_about_the_");
        assertThat(Slug.of("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii")).isEqualTo("aaaa_bbbb_cccc_dddd_eeee_ffff_gggg_hhhh_");
    }

    @Test
    void exactly40CharactersAreKeptWhole() {
        assertThat(Slug.of("a".repeat(40))).isEqualTo("a".repeat(40));
    }

    @Test
    void aLongSingleWordIsCutAt40AndGetsAnUnderscore() {
        assertThat(Slug.of("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"))
                .isEqualTo("abcdefghijklmnopqrstuvwxyzabcdefghijklmn_");
        assertThat(Slug.of("a".repeat(40) + " b")).isEqualTo("a".repeat(40) + "_");
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        String boldA = "\uD835\uDC00"; // MATHEMATICAL BOLD CAPITAL A, outside the BMP

        assertThat(Slug.of(boldA.repeat(41))).isEqualTo(boldA.repeat(40) + "_");
    }
}
