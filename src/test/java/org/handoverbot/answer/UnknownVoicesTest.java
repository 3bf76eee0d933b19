package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.handoverbot.knowledge.Quote;
import org.junit.jupiter.api.Test;

class UnknownVoicesTest {

    private static Quote said(long id, String speaker, String text) {
        return new Quote(id, 1, null, speaker, null, text, Set.of(), List.of("ain-al-asad"), null);
    }

    private static final Quote COMMITTEE = said(1, "اللجنة العسكرية العليا لإنهاء مهمة التحالف الدولي في العراق",
            "القوات العراقية تتولى منذ الآن وحدها مسؤولية القاعدة");
    private static final Quote OFFICER = said(2, "ضابط في الفرقة السادسة", "الموقع أخلي في وقت سابق من اليوم");
    private static final Quote OTHER_OFFICER = said(3, "ضابط في قيادة عمليات كركوك", "القاعدة باتت تحت سيطرتنا");

    @Test
    void aVoiceTheGazetteerDoesNotKnowIsFoundByTheWordsAskedInItsStoredName() {
        assertThat(UnknownVoices.quotesOf("اللجنة العسكرية العليا", List.of(COMMITTEE, OFFICER)))
                .containsExactly(COMMITTEE);
    }

    @Test
    void theVoiceNamedAgainWithTheArticleIsTheOneFirstNamedWithout() {
        Quote official = said(5, "مسؤول في وزارة البيشمركة", "لا موعد محدداً لمغادرتها");
        assertThat(UnknownVoices.quotesOf("المسؤول في وزارة البيشمركة", List.of(official, OFFICER)))
                .containsExactly(official);
    }

    @Test
    void wordsThatFitTwoVoicesLendNeitherOnesWords() {
        assertThat(UnknownVoices.quotesOf("ضابط في", List.of(OFFICER, OTHER_OFFICER))).isEmpty();
    }

    @Test
    void oneWordOrWordsOutOfOrderNameNoOne() {
        assertThat(UnknownVoices.quotesOf("ضابط", List.of(OFFICER))).isEmpty();
        assertThat(UnknownVoices.quotesOf("العليا العسكرية اللجنة", List.of(COMMITTEE))).isEmpty();
    }

    @Test
    void aVoiceTheGazetteerKnowsIsNotMatchedByName() {
        Quote known = new Quote(4, 1, "khafaji", "اللواء تحسين الخفاجي", null, "نص", Set.of(), List.of(), null);
        assertThat(UnknownVoices.quotesOf("تحسين الخفاجي", List.of(known))).isEmpty();
    }
}
