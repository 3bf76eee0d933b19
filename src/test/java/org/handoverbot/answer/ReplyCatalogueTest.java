package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplyCatalogueTest {

    private final ReplyCatalogue catalogue = ReplyCatalogue.arabic();

    @Test
    void countsAgreeByCldrPluralCategoriesWithLatinDigits() {
        assertThat(catalogue.format("count.bases", "count", 0, "case", "oblique")).isEqualTo("لا قاعدة");
        assertThat(catalogue.format("count.bases", "count", 1, "case", "oblique")).isEqualTo("قاعدة واحدة");
        assertThat(catalogue.format("count.bases", "count", 2, "case", "oblique")).isEqualTo("قاعدتين");
        assertThat(catalogue.format("count.bases", "count", 2, "case", "nominative")).isEqualTo("قاعدتان");
        assertThat(catalogue.format("count.bases", "count", 3, "case", "oblique")).isEqualTo("3 قواعد");
        assertThat(catalogue.format("count.bases", "count", 11, "case", "oblique")).isEqualTo("11 قاعدة");
        assertThat(catalogue.format("count.bases", "count", 100, "case", "oblique")).isEqualTo("100 قاعدة");
    }

    @Test
    void anUnknownKeyOrAMissingSlotFailsFast() {
        assertThatThrownBy(() -> catalogue.text("no.such.key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalogue.text("count.bases")).hasMessageContaining("count");
        assertThatThrownBy(() -> catalogue.format("count.bases", "count", 2, "count", 3)).hasMessageContaining("twice");
    }

    @Test
    void marksInThePatternBecomeBoldSpansButMarksInAValueStayText() {
        assertThat(catalogue.spans("service.unknown_place", "place", "قاعدة <b>الحرية</b>")).containsExactly(
                new Reply.Span("لا تتوفر في مصادري معلومات عن ", false),
                new Reply.Span("قاعدة <b>الحرية</b>", true),
                new Reply.Span(".", false));
        assertThat(catalogue.format("service.unknown_place", "place", "قاعدة الحرية"))
                .isEqualTo("لا تتوفر في مصادري معلومات عن قاعدة الحرية.");
    }

    @Test
    void listsAndOrdinalsComeFromCldr() {
        assertThat(catalogue.list(java.util.List.of("القائم", "التاجي", "بلد"))).isEqualTo("القائم والتاجي وبلد");
        assertThat(catalogue.orList(java.util.List.of("القائم", "التاجي"))).isEqualTo("القائم أو التاجي");
        assertThat(catalogue.ordinal(11, true)).isEqualTo("الحادية عشرة");
    }

    @Test
    void aSecondLanguageIsASecondFileWithItsOwnPluralRules() {
        ReplyCatalogue english = ReplyCatalogue.load("/replies-second-language/en.properties", com.ibm.icu.util.ULocale.ENGLISH);
        assertThat(english.format("count.bases", "count", 1, "case", "oblique")).isEqualTo("one base");
        assertThat(english.format("count.bases", "count", 2, "case", "oblique")).isEqualTo("2 bases");
        assertThat(english.format("count.bases", "count", 1100, "case", "oblique")).isEqualTo("1,100 bases");
        assertThat(english.spans("service.unknown_place", "place", "al-Hurriya"))
                .contains(new Reply.Span("al-Hurriya", true));
        assertThat(catalogue.keys()).containsAll(english.keys());
        english.keys().forEach(k -> assertThat(catalogue.slotsOf(k)).containsAll(english.slotsOf(k)));
    }

    /** Patterns of plain text slots take a shortcut past ICU's formatter: it must give exactly ICU's spans. */
    @Test
    void theShortcutForPlainPatternsGivesWhatIcuGives() {
        int compared = 0;
        for (String key : catalogue.keys()) {
            java.util.Map<String, Object> slots = new java.util.LinkedHashMap<>();
            boolean textOnly = true;
            for (String slot : catalogue.slotsOf(key)) {
                textOnly &= !catalogue.pattern(key).matches("(?s).*\\{\\s*" + slot + "\\s*,.*");
                slots.put(slot, "<b>" + slot + "</b> ");
            }
            if (textOnly) {
                assertThat(catalogue.spans(key, slots)).as(key).isEqualTo(catalogue.spansByIcu(key, slots));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(60);
    }

    @Test
    void everyPatternCompiles() {
        assertThat(catalogue.keys()).isNotEmpty().allSatisfy(k -> assertThat(catalogue.pattern(k)).isNotBlank());
    }
}
