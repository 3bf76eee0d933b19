package org.handoverbot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArabicTextTest {

    @Test
    void hamzaFormsTaMarbutaAndAlifMaqsuraAreFolded() {
        assertThat(ArabicText.normalize("أإآ القاعدة الأولى")).isEqualTo("ااا القاعده الاولي");
        assertThat(ArabicText.normalize("مسؤول قائم")).isEqualTo(ArabicText.normalize("مسوول قايم"));
    }

    @Test
    void tatweelAndDiacriticsDisappear() {
        assertThat(ArabicText.normalize("متـــى")).isEqualTo("متي");
        assertThat(ArabicText.normalize("مَتَى سُلِّمَتْ")).isEqualTo("متي سلمت");
    }

    @Test
    void arabicIndicAndPersianDigitsBecomeAscii() {
        assertThat(ArabicText.normalize("٢٠٢٠ و ۲۰۲۶")).isEqualTo("2020 و 2026");
    }

    @Test
    void iraqiLettersFoldToTheirStandardForms() {
        assertThat(ArabicText.normalize("گال حچى")).isEqualTo("قال حكي");
    }

    @Test
    void punctuationIsSplitOffEvenWithoutSpaces() {
        assertThat(ArabicText.tokens("القائم،متى؟")).containsExactly("القايم", "،", "متي", "؟");
        assertThat(ArabicText.words("«القائم»، متى؟")).containsExactly("القايم", "متي");
    }

    @Test
    void nothingReadableGivesNoWords() {
        assertThat(ArabicText.words(null)).isEmpty();
        assertThat(ArabicText.words("😀 ؟!")).isEmpty();
    }
}
