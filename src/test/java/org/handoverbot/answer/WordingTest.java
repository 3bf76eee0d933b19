package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.handoverbot.knowledge.Figure;
import org.handoverbot.nlp.Gazetteer;
import org.junit.jupiter.api.Test;

/** Numbers, figures and names as Arabic replies write them. */
class WordingTest {

    @Test
    void countedNounsAgreeWithTheirNumberAndTheDualWithItsRole() {
        assertThat(ArabicCounts.bases(1, ArabicCounts.Case.OBLIQUE)).isEqualTo("قاعدة واحدة");
        assertThat(ArabicCounts.bases(2, ArabicCounts.Case.NOMINATIVE)).isEqualTo("قاعدتان");
        assertThat(ArabicCounts.bases(2, ArabicCounts.Case.OBLIQUE)).isEqualTo("قاعدتين");
        assertThat(ArabicCounts.bases(8, ArabicCounts.Case.OBLIQUE)).isEqualTo("8 قواعد");
        assertThat(ArabicCounts.bases(11, ArabicCounts.Case.OBLIQUE)).isEqualTo("11 قاعدة");
        assertThat(ArabicCounts.days(2129, ArabicCounts.Case.OBLIQUE)).isEqualTo("2,129 يوماً");
        assertThat(ArabicCounts.days(100, ArabicCounts.Case.OBLIQUE)).isEqualTo("100 يوم");
        assertThat(ArabicCounts.ordinal(3)).isEqualTo("الثالثة");
        assertThat(ArabicCounts.ordinal(12)).isEqualTo("الثانية عشرة");
    }

    @Test
    void figuresKeepTheSourcesAmountAndQualifier() {
        assertThat(FigureWords.phrase(new Figure("equipment_value_usd", "347000000", null)))
                .isEqualTo("قيمة المعدات والممتلكات المسلّمة: 347 مليون دولار");
        assertThat(FigureWords.phrase(new Figure("equipment_value_usd", "1000000", "نحو")))
                .isEqualTo("قيمة المعدات والممتلكات المسلّمة: نحو مليون دولار");
        assertThat(FigureWords.phrase(new Figure("troops_left", "300", "نحو"))).isEqualTo("الجنود المغادرون: نحو 300 جندي");
        assertThat(FigureWords.phrase(new Figure("attack_count", "24", "خلال أقل من 6 أشهر")))
                .isEqualTo("عدد الهجمات المماثلة: 24 (خلال أقل من 6 أشهر)");
        assertThat(FigureWords.phrase(new Figure("something_new", "250-350", null))).isEqualTo("رقم ورد في المصدر: 250-350");
        assertThat(FigureWords.phrase(new Figure("equipment_value_usd", "3000000", null)))
                .isEqualTo("قيمة المعدات والممتلكات المسلّمة: 3 ملايين دولار");
        assertThat(FigureWords.phrase(new Figure("equipment_value_usd", "2500000000", null)))
                .isEqualTo("قيمة المعدات والممتلكات المسلّمة: 2.5 مليار دولار");
        assertThat(FigureWords.phrase(new Figure("equipment_value_usd", "50", null)))
                .isEqualTo("قيمة المعدات والممتلكات المسلّمة: 50 دولاراً");
    }

    @Test
    void aNoteThatStatesTheFigureStandsAlone() {
        assertThat(FigureWords.phrase(new Figure("troops_left", "300", "نحو 300 عسكري غادروا القاعدة.")))
                .isEqualTo("نحو 300 عسكري غادروا القاعدة");
        assertThat(FigureWords.phrase(new Figure("equipment_value_usd", "1000000", "معدات بقيمة نحو مليون دولار تُركت")))
                .isEqualTo("معدات بقيمة نحو مليون دولار تُركت");
        assertThat(FigureWords.phrase(new Figure("unit_size", "250-350", "وحدة من 250 إلى 350 عسكرياً بقيت")))
                .isEqualTo("وحدة من 250 إلى 350 عسكرياً بقيت");
        assertThat(FigureWords.phrase(new Figure("handovers_that_month", "2", "ثاني عملية نقل خلال الشهر نفسه")))
                .isEqualTo("ثاني عملية نقل خلال الشهر نفسه");
    }

    @Test
    void namesComeFromTheGazetteerInArabic() {
        Names names = new Names(Gazetteer.load());
        assertThat(names.baseLabel("al-qaim")).isEqualTo("قاعدة القائم");
        assertThat(names.baseLabel("victory")).isEqualTo("قاعدة فكتوري (مطار بغداد)");
        assertThat(names.baseLabel("mosul-sqoor")).isEqualTo("موقع الصقور في الموصل");
        assertThat(names.province("taji")).contains("محافظة بغداد");
        assertThat(names.name("coalition")).contains("التحالف الدولي");
        assertThat(names.name("french-contingent")).isEmpty();
    }
}
