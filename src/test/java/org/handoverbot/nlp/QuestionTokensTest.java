package org.handoverbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionTokensTest {

    private static final QuestionTokens READER = new QuestionTokens(Gazetteer.load());

    private static Entities entities(String text) {
        return READER.read(text).entities();
    }

    @Test
    void iraqiMonthWithYearIsADate() {
        assertThat(entities("ماذا حدث في نيسان 2020؟").date()).isEqualTo(new DateMention(2020, 4, null));
    }

    @Test
    void aYearAloneIsADateWithOnlyTheYear() {
        assertThat(entities("كم قاعدة سلم التحالف في 2020؟").date()).isEqualTo(new DateMention(2020, null, null));
        assertThat(entities("شو صار بـ٢٠٢٠").date()).isEqualTo(new DateMention(2020, null, null));
    }

    @Test
    void dayMonthAndYearAreReadInIraqiAndEgyptianNames() {
        assertThat(entities("احداث 19 آذار 2020").date()).isEqualTo(new DateMention(2020, 3, 19));
        assertThat(entities("ماذا جرى في ابريل ٢٠٢٠").date()).isEqualTo(new DateMention(2020, 4, null));
        assertThat(entities("شنو صار بتموز").date()).isEqualTo(new DateMention(null, 7, null));
    }

    @Test
    void twoWordMonthsAreNotMistakenForOrdinals() {
        Entities e = entities("ماذا حدث في كانون الثاني 2026؟");
        assertThat(e.date()).isEqualTo(new DateMention(2026, 1, null));
        assertThat(e.ordinal()).isNull();
    }

    @Test
    void numericDatesAreRead() {
        assertThat(entities("شنو صار يوم 19/3/2020").date()).isEqualTo(new DateMention(2020, 3, 19));
        assertThat(entities("2020-08-23؟").date()).isEqualTo(new DateMention(2020, 8, 23));
    }

    @Test
    void shortMonthNamesThatAreAlsoWordsNeedANumberBesideThem() {
        assertThat(entities("اب الجندي وين؟").date()).isNull();
        assertThat(entities("شنو صار في آب 2020").date()).isEqualTo(new DateMention(2020, 8, null));
    }

    @Test
    void ordinalsInEverySpelling() {
        assertThat(entities("ما هي القاعدة الأولى؟").ordinal()).isEqualTo(1);
        assertThat(entities("ما هي القاعدة الاولى؟").ordinal()).isEqualTo(1);
        assertThat(entities("أول قاعدة سلموها").ordinal()).isEqualTo(1);
        assertThat(entities("القاعدة الثانية").ordinal()).isEqualTo(2);
        assertThat(entities("القاعدة الثالثة التي تم تسليمها").ordinal()).isEqualTo(3);
        assertThat(entities("والعاشرة؟").ordinal()).isEqualTo(10);
        assertThat(entities("القاعدة رقم 3").ordinal()).isEqualTo(3);
        assertThat(entities("القاعدة رقم ٧ شنو؟").ordinal()).isEqualTo(7);
        assertThat(entities("التسليم رقم ثلاثة").ordinal()).isEqualTo(3);
    }

    @Test
    void theLastOneIsMarkedLast() {
        assertThat(entities("آخر قاعدة تم تسليمها؟").ordinal()).isEqualTo(Entities.LAST);
        assertThat(entities("اخر قاعدة").ordinal()).isEqualTo(Entities.LAST);
        assertThat(entities("القاعدة الأخيرة").ordinal()).isEqualTo(Entities.LAST);
    }

    @Test
    void namesBecomePlaceholdersForTheClassifier() {
        assertThat(READER.read("شوكت سلموا وبالقايم في نيسان 2020؟").classifierTokens())
                .containsExactly("شوكت", "سلموا", "BASE", "في", "DATE");
        assertThat(READER.read("شنو گال تحسين الخفاجي عن قاعدة عين الأسد").classifierTokens())
                .containsExactly("شنو", "قال", "PERSON", "عن", "قاعده", "BASE");
    }

    @Test
    void basesPeopleAndOrganisationsAreListedOnceInOrder() {
        Entities e = entities("قارن القائم وعين الاسد والقائم، ماذا قال الخفاجي والتحالف؟");
        assertThat(e.bases()).containsExactly("al-qaim", "ain-al-asad");
        assertThat(e.people()).containsExactly("khafaji");
        assertThat(e.organisations()).containsExactly("coalition");
    }
}
