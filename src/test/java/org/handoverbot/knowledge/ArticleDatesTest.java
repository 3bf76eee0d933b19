package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.handoverbot.text.ArabicText;
import org.junit.jupiter.api.Test;

class ArticleDatesTest {

    private static final LocalDate THURSDAY = LocalDate.of(2020, 3, 19);

    private static Optional<LocalDate> day(String sentence, LocalDate published) {
        return ArticleDates.first(ArabicText.words(sentence), published);
    }

    @Test
    void todayWithItsWeekdayIsThePublishedDay() {
        assertThat(day("تسلّمت القوات الأمنية العراقية، اليوم الخميس، قاعدة القائم", THURSDAY)).contains(THURSDAY);
        assertThat(day("سلّمت صباح اليوم الخميس قاعدة القائم", THURSDAY)).contains(THURSDAY);
    }

    @Test
    void aWeekdayCalledLastIsTheOneBeforeThePublishedDay() {
        assertThat(day("كشف التحالف الدولي، الثلاثاء الماضي، عن بدء الحوار", THURSDAY)).contains(LocalDate.of(2020, 3, 17));
        assertThat(day("الخميس الماضي", THURSDAY)).contains(LocalDate.of(2020, 3, 12));
        assertThat(day("أمس", THURSDAY)).contains(LocalDate.of(2020, 3, 18));
    }

    @Test
    void todayWithTheWrongWeekdayStaysUnknownRatherThanGuessed() {
        assertThat(day("اليوم الجمعة", THURSDAY)).isEmpty();
    }

    @Test
    void explicitDatesAreReadWithIraqiAndEgyptianMonthNames() {
        assertThat(day("في 26 آذار 2020 تسلّمت القوات", THURSDAY)).contains(LocalDate.of(2020, 3, 26));
        assertThat(day("يوم 19 مارس", THURSDAY)).contains(LocalDate.of(2020, 3, 19));
        assertThat(day("في 23 اب 2020", THURSDAY)).contains(LocalDate.of(2020, 8, 23));
        assertThat(day("في ٢٥ تموز/يوليو ٢٠٢٠", THURSDAY)).contains(LocalDate.of(2020, 7, 25));
        assertThat(day("في 16 كانون الثاني 2026", THURSDAY)).contains(LocalDate.of(2026, 1, 16));
    }

    @Test
    void spelledOutDaysOfTheCurrentMonthAreRead() {
        assertThat(day("في التاسع عشر من الشهر الجاري", THURSDAY)).contains(THURSDAY);
        assertThat(day("في الحادي والعشرين من آذار", THURSDAY)).contains(LocalDate.of(2020, 3, 21));
        assertThat(day("في الرابع من نيسان", THURSDAY)).contains(LocalDate.of(2020, 4, 4));
    }

    @Test
    void tomorrowAndTheDayAfterAreCountedFromThePublishedDayAndAWeekdayBesideThemMustAgree() {
        LocalDate wednesday = LocalDate.of(2020, 3, 25);
        assertThat(day("ستسلّم القوات قاعدة القيارة غداً الخميس", wednesday)).contains(LocalDate.of(2020, 3, 26));
        assertThat(day("وغداً تنسحب القوات", wednesday)).contains(LocalDate.of(2020, 3, 26));
        assertThat(day("بعد غدٍ الجمعة", wednesday)).contains(LocalDate.of(2020, 3, 27));
        assertThat(day("يوم الأحد المقبل", wednesday)).contains(LocalDate.of(2020, 3, 29));
        // "غداً السبت" in an article of a Wednesday: a contradiction, better unknown than wrong
        assertThat(day("غداً السبت", wednesday)).isEmpty();
        // "لامس" (touched) is no "أمس"
        assertThat(day("لامس الجنود الحدود", wednesday)).isEmpty();
    }

    @Test
    void aDayCalledNextInAMonthAlreadyPastThisYearIsNextYears() {
        LocalDate december = LocalDate.of(2025, 12, 20);
        assertThat(day("يوم 15 كانون الثاني المقبل", december)).contains(LocalDate.of(2026, 1, 15));
    }

    @Test
    void aDayMonthsAheadWithoutAYearIsLastYearsUnlessCalledNext() {
        LocalDate april = LocalDate.of(2020, 4, 5);
        assertThat(day("تم تسليم معسكر التاجي يوم 23 آب الماضي", april)).contains(LocalDate.of(2019, 8, 23));
        assertThat(day("في 23 آب المقبل", april)).contains(LocalDate.of(2020, 8, 23));
    }

    @Test
    void aMonthWithoutADayOrAnImpossibleDayIsNoDate() {
        assertThat(day("في نيسان 2020", THURSDAY)).isEmpty();
        assertThat(day("في 30 شباط 2020", THURSDAY)).isEmpty();
        assertThat(day("خلال أقل من 6 أشهر", THURSDAY)).isEmpty();
        assertThat(day("ستنسحب خلال أسابيع", THURSDAY)).isEmpty();
    }
}
