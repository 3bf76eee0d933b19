package org.handoverbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionUnderstanderTest {

    private static final QuestionUnderstander UNDERSTANDER = QuestionUnderstander.load(Gazetteer.load());

    private static Understanding understand(String text) {
        return UNDERSTANDER.understand(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            شوكت سلموا القايم                          | event_date
            امتى التحالف سلّم قاعدة عين الأسد؟          | event_date
            القائم متى؟                                | event_date
            منو استلم القاعدة من الامريكان؟             | parties
            مين اللي استلم التاجي؟                      | parties
            بعدهم الامريكان بحرير؟                       | status
            شنو گال الخفاجي؟                            | statement
            شو حكى المتحدث باسم التحالف؟                 | statement
            ليش انسحبوا من القائم                        | reason
            ليه سابوا القاعدة؟                          | reason
            علاش خرجو الامريكان؟                         | reason
            وين تقع قاعدة القيارة؟                       | location
            فين القاعدة دي؟                              | location
            شكد قاعدة سلموا؟                             | count
            كم قاعدة سلم التحالف في 2020؟               | count
            ما هي القاعدة الثالثة التي تم تسليمها؟       | ordinal
            آخر قاعدة تم تسليمها؟                        | ordinal
            ما الفرق بين تسليم القائم وتسليم عين الأسد؟ | compare
            ماذا حدث في نيسان 2020؟                      | timeline
            اكو هجوم صاروخي على القاعدة؟                 | attacks
            شنو المعدات اللي تركوها؟                     | equipment
            شنو القاعدة الجاية؟                          | next_step
            منو نشر هذا الخبر؟                           | source
            """)
    void dialectQuestionsFindTheirIntent(String question, String label) {
        assertThat(understand(question).intent().label()).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"متـــى تـم تسليـم القائـم", "مَتَى سُلِّمَتْ قَاعِدَةُ القَائِم", "متي سلموا القايم",
            "شوكت سلموا قاعده القائم", "متى تم تسليم القائم؟؟؟"})
    void noisySpellingsOfTheSameQuestionGetTheSameIntentAndBase(String question) {
        Understanding u = understand(question);
        assertThat(u.intent()).isEqualTo(Intent.EVENT_DATE);
        assertThat(u.entities().bases()).containsExactly("al-qaim");
    }

    @Test
    void aMisspelledBaseAndArabicIndicDigitsAreStillRead() {
        Understanding u = understand("شنو صار بالقايم بـ٢٠٢٠");
        assertThat(u.entities().bases()).containsExactly("al-qaim");
        assertThat(u.entities().date()).isEqualTo(new DateMention(2020, null, null));
    }

    @Test
    void aBaseCarryingCliticsIsStillFound() {
        assertThat(understand("وبالقائم شنو صار؟").entities().bases()).containsExactly("al-qaim");
        assertThat(understand("وللقيارة؟").entities().bases()).containsExactly("qayyarah");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ومن تسلمها؟ | parties
            وليش؟       | reason
            ومتى؟       | event_date
            ووينها؟     | location
            """)
    void followUpsFindTheirIntentAndNameNoBase(String question, String label) {
        Understanding u = understand(question);
        assertThat(u.intent().label()).isEqualTo(label);
        assertThat(u.entities().namesNoBase()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"شلون الجو باچر بالبصرة؟", "كيف الطقس اليوم", "هل ستمطر غدا؟", "شكد سعر الدولار؟",
            "منو ربح مباراة الزوراء والشرطة؟", "كيف اسوي برياني؟", "translate this to arabic"})
    void offTopicQuestionsAreNeverAnsweredAsHandoverQuestions(String question) {
        Understanding u = understand(question);
        assertThat(u.intent() == Intent.OUT_OF_SCOPE || !QuestionUnderstander.isConfident(u))
                .as("%s -> %s %.2f", question, u.intent(), u.confidence()).isTrue();
    }

    @Test
    void subscribingAndUnsubscribingAreTold() {
        assertThat(understand("نبهني عند تسليم أي قاعدة").intent()).isEqualTo(Intent.SUBSCRIBE);
        Understanding about = understand("نبهني عن عين الأسد");
        assertThat(about.intent()).isEqualTo(Intent.SUBSCRIBE);
        assertThat(about.entities().bases()).containsExactly("ain-al-asad");
        assertThat(understand("/subscribe").intent()).isEqualTo(Intent.SUBSCRIBE);
        assertThat(understand("الغي الاشتراك").intent()).isEqualTo(Intent.UNSUBSCRIBE);
    }

    @Test
    void aConfidentAnswerIsAtOrAboveTheThreshold() {
        Understanding u = understand("شوكت سلموا القائم؟");
        assertThat(u.confidence()).isGreaterThanOrEqualTo(QuestionUnderstander.CONFIDENCE_THRESHOLD);
        assertThat(QuestionUnderstander.isConfident(u)).isTrue();
    }

    @Test
    void emptyAndEmojiOnlyMessagesAreNotUnderstood() {
        for (String text : new String[] {"", "   ", "😀😀", "؟؟؟", null}) {
            Understanding u = understand(text);
            assertThat(QuestionUnderstander.isConfident(u)).as("%s", text).isFalse();
            assertThat(u.entities()).isEqualTo(Entities.NONE);
        }
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {"<script>alert('x')</script> متى سلموا القائم",
            "'; DROP TABLE events; --", "SELECT * FROM subscribers WHERE 1=1",
            "\u0000\u0001\u202e\u200f\ufeff", "\ud83d", "%s %n %d {0} ${jndi:ldap://x}", "رقم", "رقم 999999999999",
            "2020/13/45", "99/99/9999", "كانون", "آب", "ـــــ", "ًٌٍَُِّْ", "http://example.com/?q=القائم"})
    void hostileInputNeverThrows(String text) {
        Understanding u = understand(text);
        assertThat(u.intent()).isNotNull();
        assertThat(u.confidence()).isBetween(0.0, 1.0);
        assertThat(u.question()).isEqualTo(text);
    }

    @Test
    void aVeryLongMessageIsReadWithoutTrouble() {
        String longText = "متى سلموا القائم؟ ".repeat(300) + "😀".repeat(1000);
        assertThat(longText.length()).isGreaterThan(5_000);
        Understanding u = understand(longText);
        assertThat(u.intent()).isEqualTo(Intent.EVENT_DATE);
        assertThat(u.question()).isEqualTo(longText);
    }

    @Test
    void randomCharactersNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int k = 0; k < length; k++) {
                // Arabic block, ASCII, digits, marks, surrogates: whatever a client may send.
                int block = random.nextInt(4);
                char c = switch (block) {
                    case 0 -> (char) (0x0600 + random.nextInt(0x100));
                    case 1 -> (char) (0x20 + random.nextInt(0x5f));
                    case 2 -> (char) (0xD800 + random.nextInt(0x800));
                    default -> (char) random.nextInt(0x10000);
                };
                text.append(c);
            }
            Understanding u = understand(text.toString());
            assertThat(u.intent()).isNotNull();
        }
    }

    @Test
    void oneUnderstanderServesManyThreadsWithTheSameAnswers() throws Exception {
        List<String> questions = List.of("شوكت سلموا القايم", "ليش انسحبوا؟", "كم قاعدة سلموا في 2020",
                "آخر قاعدة؟", "شلون الجو اليوم", "وين تقع القيارة؟", "ماذا حدث في نيسان 2020؟");
        List<Understanding> expected = questions.stream().map(UNDERSTANDER::understand).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int q = 0; q < questions.size(); q++) {
                            if (!UNDERSTANDER.understand(questions.get(q)).equals(expected.get(q))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
