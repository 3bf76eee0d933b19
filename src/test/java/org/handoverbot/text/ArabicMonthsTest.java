package org.handoverbot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArabicMonthsTest {

    @Test
    void marchHasItsIraqiAndItsEgyptianName() {
        assertThat(ArabicMonths.names(List.of(ArabicMonths.LEVANT, ArabicMonths.EGYPT))).contains(
                new ArabicMonths.Name(Month.MARCH, List.of("اذار")),
                new ArabicMonths.Name(Month.MARCH, List.of("مارس")));
    }

    @Test
    void aTwoWordNameKeepsBothWordsNormalised() {
        assertThat(ArabicMonths.names(List.of(ArabicMonths.LEVANT)))
                .contains(new ArabicMonths.Name(Month.OCTOBER, List.of("تشرين", "الاول")));
    }

    @Test
    void maghrebiNamesComeOnlyFromTheirLocales() {
        assertThat(ArabicMonths.names(List.of(ArabicMonths.MOROCCO)))
                .contains(new ArabicMonths.Name(Month.AUGUST, List.of("غشت")));
        assertThat(ArabicMonths.names(List.of(ArabicMonths.LEVANT, ArabicMonths.EGYPT)))
                .noneMatch(name -> name.words().equals(List.of("غشت")));
    }
}
