package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplyCatalogueTest {

    private final ReplyCatalogue catalogue = ReplyCatalogue.arabic();

    @Test
    void countsAgreeByCldrPluralCategoriesWithLatinDigits() {
        assertThat(catalogue.format("count.bases", "count", 0)).isEqualTo("لا قاعدة");
        assertThat(catalogue.format("count.bases", "count", 1)).isEqualTo("قاعدة واحدة");
        assertThat(catalogue.format("count.bases", "count", 2)).isEqualTo("قاعدتين");
        assertThat(catalogue.format("count.bases", "count", 3)).isEqualTo("3 قواعد");
        assertThat(catalogue.format("count.bases", "count", 11)).isEqualTo("11 قاعدة");
        assertThat(catalogue.format("count.bases", "count", 100)).isEqualTo("100 قاعدة");
    }

    @Test
    void anUnknownKeyOrAMissingSlotFailsFast() {
        assertThatThrownBy(() -> catalogue.text("no.such.key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalogue.text("count.bases")).hasMessageContaining("count");
    }

    @Test
    void everyPatternCompiles() {
        assertThat(catalogue.keys()).isNotEmpty().allSatisfy(k -> assertThat(catalogue.pattern(k)).isNotBlank());
    }
}
