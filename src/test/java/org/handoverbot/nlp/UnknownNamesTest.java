package org.handoverbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names the gazetteer does not know, as frame slots: a place after a place word, a speaker after a verb of saying. */
class UnknownNamesTest {

    private static final QuestionTokens READER = new QuestionTokens(Gazetteer.load());
    private static final FrameReader FRAMES = new FrameReader(FrameRules.load());

    private static Frame frame(String question, Intent intent) {
        return FRAMES.read(question, READER.read(question), intent);
    }

    private static String place(String question) {
        return frame(question, Intent.EVENT_DATE).unknownPlace();
    }

    private static String speaker(String question) {
        return frame(question, Intent.STATEMENT).unknownSpeaker();
    }

    @Test
    void findsAnUnknownPlaceButNotOrdinalsOrKnownBases() {
        assertThat(place("متى سلمت قاعدة الحرية؟")).isEqualTo("قاعدة الحرية");
        assertThat(place("ومتى سلمت بقاعدة الحرية؟")).isEqualTo("قاعدة الحرية");
        assertThat(place("متى انسحبوا من قاعدة فكتوريا؟")).isEqualTo("قاعدة فكتوريا");
        assertThat(place("ومعسكر الرشيد؟")).isEqualTo("معسكر الرشيد");
        assertThat(place("ما هي القاعدة الثالثة التي تم تسليمها؟")).isNull();
        assertThat(place("متى سلمت قاعدة القائم؟")).isNull();
        assertThat(place("متى سلمت قاعدة بلد الجوية؟")).isNull();
        assertThat(place("متى سلموا قاعدة سبايكر؟")).isEqualTo("قاعدة سبايكر");
        assertThat(place("اول قاعدة انسلمت شنو")).isNull();
        assertThat(place("آخر قاعدة تم تسليمها")).isNull();
        assertThat(place("هل سلموا قاعدة عسكرية اخرى؟")).isNull();
        assertThat(place("كم قاعدة سلمت؟")).isNull();
    }

    @Test
    void findsAnUnknownSpeakerButNotKnownOnesOrGenericWords() {
        assertThat(speaker("ماذا قال وزير الدفاع؟")).isEqualTo("وزير الدفاع");
        assertThat(speaker("ماذا قال وزير الدفاع الأمريكي عن القائم؟")).isEqualTo("وزير الدفاع الأمريكي");
        assertThat(speaker("ماذا قال أمين عام الناتو؟")).isEqualTo("أمين عام الناتو");
        assertThat(speaker("شنو كال محمد الحلبوسي عن الانسحاب")).isEqualTo("محمد الحلبوسي");
        assertThat(speaker("ماذا قال محافظ الانبار عن القائم؟")).isEqualTo("محافظ الانبار");
        assertThat(speaker("شنو قالوا بالانبار؟")).isNull();
        assertThat(speaker("ماذا قال الخفاجي؟")).isNull();
        assertThat(speaker("ماذا قال المسؤولون عن الانسحاب؟")).isNull();
        assertThat(speaker("ماذا قال المتحدث باسم التحالف؟")).isNull();
        assertThat(speaker("ماذا قالوا؟")).isNull();
        assertThat(speaker("ماذا قال اللواء تحسين الخفاجي عن القيارة؟")).isNull();
    }
}
