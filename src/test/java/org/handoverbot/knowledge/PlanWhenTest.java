package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanWhenTest {

    @Test
    void aTimeStillToComeThatNamesNoDayIsGivenAsWritten() {
        assertThat(PlanWhen.in("سيتسلّم قاعدة فكتوري قرب مطار بغداد الدولي من القوات الأمريكية خلال أيلول المقبل."))
                .contains("خلال أيلول المقبل");
        assertThat(PlanWhen.in("ستغادر موقعها الأسبوع المقبل.")).contains("الأسبوع المقبل");
        assertThat(PlanWhen.in("سيتسلّم مقر التحالف خلال الأيام القليلة المقبلة، في إطار إنهاء المهمة"))
                .contains("خلال الأيام القليلة المقبلة");
        assertThat(PlanWhen.in("ستسلم القاعدة قريباً")).contains("قريباً");
    }

    @Test
    void aTimeStopsAtTheClauseBeforeIt() {
        assertThat(PlanWhen.in("ستنسحب القوات من القاعدة، خلال الشهر المقبل")).contains("خلال الشهر المقبل");
        assertThat(PlanWhen.in("ستنسحب من القيارة، المقبلة")).isEmpty();
    }

    @Test
    void wordsThatNameNoTimeStillToComeGiveNone() {
        assertThat(PlanWhen.in("الخطوة التالية قد تكون الانسحاب من القيارة، بحسب جدولٍ زمني")).isEmpty();
        assertThat(PlanWhen.in("الخطوة المقبلة")).isEmpty();
        assertThat(PlanWhen.in(null)).isEmpty();
    }
}
