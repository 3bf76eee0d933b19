package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class ArabicDatesTest {

    @Test
    void writesWeekdayDayBothMonthNamesAndYear() {
        assertThat(ArabicDates.format(LocalDate.of(2020, 3, 19))).isEqualTo("الخميس 19 آذار (مارس) 2020");
        assertThat(ArabicDates.format(LocalDate.of(2020, 8, 23))).isEqualTo("الأحد 23 آب (أغسطس) 2020");
        assertThat(ArabicDates.format(LocalDate.of(2026, 1, 17))).isEqualTo("السبت 17 كانون الثاني (يناير) 2026");
    }

    @Test
    void writesAMonthOfAYear() {
        assertThat(ArabicDates.format(YearMonth.of(2020, 4))).isEqualTo("نيسان (أبريل) 2020");
    }

    @Test
    void everyMonthHasTwoDifferentNamesFromTheLocaleData() {
        for (Month m : Month.values()) {
            assertThat(ArabicDates.month(m)).matches("\\p{IsArabic}[\\p{IsArabic} ]* \\(\\p{IsArabic}+\\)");
        }
    }

    @Test
    void keepsLatinDigitsAsTheSourcesWriteThem() {
        assertThat(ArabicDates.format(LocalDate.of(2020, 4, 7))).contains("7").contains("2020").doesNotContain("٢");
    }
}
