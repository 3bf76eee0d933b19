package org.handoverbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionUnderstanderTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final QuestionUnderstander UNDERSTANDER = QuestionUnderstander.load(GAZETTEER);

    private static Understanding understand(String text) {
        return UNDERSTANDER.understand(text);
    }

    @Test
    void iraqiWhenQuestionAboutAMisspelledBaseIsAnEventDate() {
        Understanding u = understand("شوكت سلموا القايم");
        assertThat(u.intent()).isEqualTo(Intent.EVENT_DATE);
        assertThat(u.entities().bases()).containsExactly("al-qaim");
        assertThat(QuestionUnderstander.isConfident(u)).isTrue();
    }

    @Test
    void aBaseCarryingCliticsIsStillFound() {
        assertThat(understand("شنو صار وبالقائم؟").entities().bases()).containsExactly("al-qaim");
    }

    @Test
    void aFollowUpNamesNoBase() {
        Understanding u = understand("ومن تسلمها؟");
        assertThat(u.intent()).isEqualTo(Intent.PARTIES);
        assertThat(u.entities().namesNoBase()).isTrue();
    }

    @Test
    void weatherIsOutOfScope() {
        assertThat(understand("شلون الجو باچر بالبصرة؟").intent()).isEqualTo(Intent.OUT_OF_SCOPE);
    }

    @Test
    void aMonthAndYearMakeATimelineQuestionWithADate() {
        Understanding u = understand("ماذا حدث في نيسان 2020؟");
        assertThat(u.intent()).isEqualTo(Intent.TIMELINE);
        assertThat(u.entities().date()).isEqualTo(new DateMention(2020, 4, null));
    }

    @Test
    void ordinalsAndTheLastOneAreRead() {
        Understanding third = understand("ما هي القاعدة الثالثة التي تم تسليمها؟");
        assertThat(third.intent()).isEqualTo(Intent.ORDINAL);
        assertThat(third.entities().ordinal()).isEqualTo(3);
        assertThat(understand("آخر قاعدة تم تسليمها؟").entities().ordinal()).isEqualTo(Entities.LAST);
    }

    @Test
    void emptyAndEmojiOnlyMessagesAreNotUnderstood() {
        for (String text : new String[] {"", "   ", "😀😀", "؟؟؟", null}) {
            Understanding u = understand(text);
            assertThat(QuestionUnderstander.isConfident(u)).as("%s", text).isFalse();
        }
    }
}
