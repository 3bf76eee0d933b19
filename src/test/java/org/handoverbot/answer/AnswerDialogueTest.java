package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.handoverbot.nlp.DateMention;
import org.handoverbot.nlp.Entities;
import org.handoverbot.nlp.Frame;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.Intent;
import org.handoverbot.nlp.Understanding;
import org.junit.jupiter.api.Test;

/** The composers' rules over fixed records, with questions understood as the test says. */
class AnswerDialogueTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private final PlainTextRenderer plain = new PlainTextRenderer();
    private final Map<String, Understanding> understood = new HashMap<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private AnswerDialogue dialogue(FixedKnowledge knowledge) {
        return new AnswerDialogue(knowledge, GAZETTEER, q -> understood.getOrDefault(q,
                new Understanding(q, Intent.OUT_OF_SCOPE, 0.9, Entities.NONE)), Optional.empty(),
                new ConversationMemory(clock, Duration.ofMinutes(30), 100), 0.5);
    }

    private void means(String question, Intent intent, List<String> bases) {
        means(question, intent, new Entities(bases, List.of(), List.of(), null, null));
    }

    private void means(String question, Intent intent, Entities entities) {
        understood.put(question, new Understanding(question, intent, 0.9, entities));
    }

    private String ask(AnswerDialogue d, long chat, String question) {
        return plain.render(d.onText(chat, question));
    }

    @Test
    void aHandoverDateComesWithWeekdayBothMonthNamesAndItsSources() {
        means("متى سلمت القائم؟", Intent.EVENT_DATE, List.of("al-qaim"));
        String reply = ask(dialogue(FixedKnowledge.seeds()), 1, "متى سلمت القائم؟");
        assertThat(reply).contains("قاعدة القائم").contains("الخميس 19 آذار (مارس) 2020").contains("بالكامل")
                .contains("بحسب وكالة الأنباء العراقية، نقلاً عن مصدر مسؤول، كما أورد موقع الحل نت")
                .contains("المصدر نيوز");
    }

    @Test
    void aBaseWithoutRecordsGetsNoInformationAndNeverAnotherBasesDate() {
        means("متى سلمت عين الاسد؟", Intent.EVENT_DATE, List.of("ain-al-asad"));
        String reply = ask(dialogue(FixedKnowledge.articleOnly()), 1, "متى سلمت عين الاسد؟");
        assertThat(reply).contains("لا تتوفر في مصادري معلومات").contains("عين الأسد")
                .doesNotContain("2020").doesNotContain("القائم");
    }

    @Test
    void aPlannedStepIsToldAsAnnouncedNotDone() {
        means("متى سلمت القيارة؟", Intent.EVENT_DATE, List.of("qayyarah"));
        String reply = ask(dialogue(FixedKnowledge.articleOnly()), 1, "متى سلمت القيارة؟");
        assertThat(reply).contains("لا تذكر مصادري أن قاعدة القيارة سُلّمت حتى الآن")
                .contains("الخطوة التالية بحسب الخفاجي")
                .contains("«انسحاب تلك القوات من القائم هو البداية، والخطوة التالية قد تكون الانسحاب من القيارة، بحسب جدولٍ زمني»")
                .doesNotContain("سُلّمت قاعدة القيارة");
    }

    @Test
    void aPlanLaterCarriedOutIsToldAsBothAnnouncementAndHandover() {
        means("ما الخطوة التالية؟", Intent.NEXT_STEP, List.of());
        String reply = ask(dialogue(FixedKnowledge.seeds()), 1, "ما الخطوة التالية؟");
        assertThat(reply).contains("الخطوة التالية بحسب الخفاجي").contains("ثم نُفّذت هذه الخطوة")
                .contains("الخميس 26 آذار (مارس) 2020").contains("ميليتري تايمز");
    }

    @Test
    void followUpsResolveToTheBaseOfTheLastAnswer() {
        AnswerDialogue d = dialogue(FixedKnowledge.seeds());
        means("متى سلمت التاجي؟", Intent.EVENT_DATE, List.of("taji"));
        means("ومن تسلمها؟", Intent.PARTIES, List.of());
        means("وما مصدر الخبر؟", Intent.SOURCE, List.of());
        ask(d, 7, "متى سلمت التاجي؟");
        assertThat(ask(d, 7, "ومن تسلمها؟")).contains("قاعدة التاجي").contains("القوات الأمنية العراقية");
        assertThat(ask(d, 7, "وما مصدر الخبر؟")).contains("يو بي آي").contains("https://www.upi.com/x");
        assertThat(ask(d, 8, "ومن تسلمها؟")).contains("عن أي قاعدة تسأل؟");
    }

    @Test
    void aFollowUpOnAnAttackOnAnUnnamedBaseStaysWithThatAttack() {
        AnswerDialogue d = dialogue(FixedKnowledge.seeds());
        means("هل كان هناك هجوم؟", Intent.ATTACKS, List.of());
        means("ومتى حدث؟", Intent.EVENT_DATE, List.of());
        ask(d, 9, "هل كان هناك هجوم؟");
        assertThat(ask(d, 9, "ومتى حدث؟")).contains("هجوم صاروخي استهدف قاعدة عراقية").contains("ولا تذكر مصادري تاريخ ذلك")
                .doesNotContain("عن أي قاعدة تسأل؟");
    }

    @Test
    void contextIsForgottenAfterThirtyMinutes() {
        AnswerDialogue d = dialogue(FixedKnowledge.seeds());
        means("متى سلمت التاجي؟", Intent.EVENT_DATE, List.of("taji"));
        means("ومن تسلمها؟", Intent.PARTIES, List.of());
        ask(d, 7, "متى سلمت التاجي؟");
        now.set(now.get().plus(Duration.ofMinutes(31)));
        assertThat(ask(d, 7, "ومن تسلمها؟")).contains("عن أي قاعدة تسأل؟");
    }

    @Test
    void anUnknownPlaceNamedInAFollowUpIsNotAnsweredWithTheRememberedBase() {
        AnswerDialogue d = dialogue(FixedKnowledge.seeds());
        means("متى سلمت القائم؟", Intent.EVENT_DATE, List.of("al-qaim"));
        // the understander tags the place it does not know; the dialogue must not lend it the remembered base
        understood.put("ومتى سلمت قاعدة الحرية؟", new Understanding("ومتى سلمت قاعدة الحرية؟", Intent.EVENT_DATE, 0.9,
                Entities.NONE, Frame.basic(Intent.EVENT_DATE, Entities.NONE).withUnknownPlace("قاعدة الحرية")));
        ask(d, 3, "متى سلمت القائم؟");
        assertThat(ask(d, 3, "ومتى سلمت قاعدة الحرية؟")).contains("لا تتوفر في مصادري معلومات عن قاعدة الحرية")
                .doesNotContain("2020");
    }

    @Test
    void equipmentQuotesOfOneBaseAreNotLentToTheNextStep() {
        means("ما المعدات في القيارة؟", Intent.EQUIPMENT, List.of("qayyarah"));
        means("ما المعدات في القائم؟", Intent.EQUIPMENT, List.of("al-qaim"));
        means("ما قيمة المعدات في التاجي؟", Intent.EQUIPMENT, List.of("taji"));
        AnswerDialogue d = dialogue(FixedKnowledge.seeds());
        assertThat(ask(d, 1, "ما المعدات في القيارة؟")).contains("لا تتوفر في مصادري معلومات عن معدات قاعدة القيارة");
        assertThat(ask(d, 1, "ما المعدات في القائم؟")).contains("«تلك المعدات بعضها إدارية")
                .contains("— اللواء تحسين الخفاجي، المتحدث الرسمي لقيادة العمليات المشتركة");
        assertThat(ask(d, 1, "ما قيمة المعدات في التاجي؟")).contains("347 مليون دولار").contains("يو بي آي");
    }

    @Test
    void theTimelineListsEveryHandoverInDateOrder() {
        means("الجدول", Intent.TIMELINE, List.of());
        String reply = ask(dialogue(FixedKnowledge.seeds()), 1, "الجدول");
        assertThat(reply).contains("(4 قواعد)");
        assertThat(reply.indexOf("قاعدة القائم")).isLessThan(reply.indexOf("قاعدة القيارة"));
        assertThat(reply.indexOf("قاعدة القيارة")).isLessThan(reply.indexOf("قاعدة التاجي"));
        assertThat(reply.indexOf("قاعدة التاجي")).isLessThan(reply.indexOf("قاعدة عين الأسد"));
        assertThat(reply).doesNotContain("أُعلن ولم تذكر مصادري تنفيذه");
    }

    @Test
    void countsOrdinalsAndComparisons() {
        AnswerDialogue d = dialogue(FixedKnowledge.seeds());
        means("كم قاعدة في 2020؟", Intent.COUNT, new Entities(List.of(), List.of(), List.of(), new DateMention(2020, null, null), null));
        means("الثانية؟", Intent.ORDINAL, new Entities(List.of(), List.of(), List.of(), null, 2));
        means("الاخيرة؟", Intent.ORDINAL, new Entities(List.of(), List.of(), List.of(), null, Entities.LAST));
        means("الفرق؟", Intent.COMPARE, List.of("al-qaim", "ain-al-asad"));
        assertThat(ask(d, 1, "كم قاعدة في 2020؟")).contains("3 قواعد").contains("في عام 2020").doesNotContain("عين الأسد");
        assertThat(ask(d, 1, "الثانية؟")).contains("القاعدة الثانية").contains("قاعدة القيارة").contains("بحسب عدّ المصادر");
        assertThat(ask(d, 1, "الاخيرة؟")).contains("آخر قاعدة").contains("قاعدة عين الأسد").contains("الجمعة 16 كانون الثاني (يناير) 2026");
        assertThat(ask(d, 1, "الفرق؟")).contains("سُلّمت قاعدة القائم قبل قاعدة عين الأسد بـ")
                .contains(String.format(java.util.Locale.ROOT, "%,d", java.time.temporal.ChronoUnit.DAYS.between(
                        java.time.LocalDate.of(2020, 3, 19), java.time.LocalDate.of(2026, 1, 16))) + " يوماً").contains("5 سنوات");
    }

    @Test
    void aPeriodWithNothingStoredIsSaidPlainly() {
        means("ماذا حدث في حزيران 2021؟", Intent.TIMELINE,
                new Entities(List.of(), List.of(), List.of(), new DateMention(2021, 6, null), null));
        assertThat(ask(dialogue(FixedKnowledge.seeds()), 1, "ماذا حدث في حزيران 2021؟"))
                .contains("لا تذكر مصادري أحداثاً في حزيران (يونيو) 2021");
    }

    @Test
    void lowConfidenceGetsAShortClarificationWithSuggestedQuestions() {
        understood.put("اممم", new Understanding("اممم", Intent.STATUS, 0.2, Entities.NONE));
        Reply reply = dialogue(FixedKnowledge.seeds()).onText(1, "اممم");
        assertThat(plain.render(reply)).startsWith("لم أفهم سؤالك تماماً");
        assertThat(reply.buttons()).hasSizeBetween(2, 3);
    }

    @Test
    void buttonsLeadToTheNextQuestionAndOldOnesArePolite() {
        AnswerDialogue d = dialogue(FixedKnowledge.seeds());
        assertThat(plain.render(d.onButton(1, "src:al-qaim"))).contains("مصادر خبر قاعدة القائم")
                .contains("https://www.almasdarnews.com");
        assertThat(plain.render(d.onButton(1, "said:khafaji"))).contains("من تصريحات اللواء تحسين الخفاجي");
        assertThat(plain.render(d.onButton(1, "src:no-such-base"))).contains("هذا الزر قديم");
        assertThat(plain.render(d.onButton(1, "<script>"))).contains("هذا الزر قديم");
    }

    @Test
    void badInputGetsAPoliteReply() {
        AnswerDialogue d = dialogue(FixedKnowledge.seeds());
        assertThat(ask(d, 1, "")).contains("لم تصلني أي كلمات");
        assertThat(ask(d, 1, "🙂🙂🙂")).contains("لم أجد في رسالتك كلمات");
        assertThat(ask(d, 1, "ا".repeat(5000))).contains("رسالتك أطول");
    }

    @Test
    void aFailingStoreBecomesAnApologyNotAnException() {
        means("متى سلمت القائم؟", Intent.EVENT_DATE, List.of("al-qaim"));
        AnswerDialogue d = new AnswerDialogue(new FixedKnowledge(List.of(), List.of()) {
            @Override
            public List<org.handoverbot.knowledge.Event> eventsAbout(String baseId) {
                throw new org.handoverbot.knowledge.StoreException("down", null);
            }
        }, GAZETTEER, understood::get, Optional.empty());
        assertThat(plain.render(d.onText(1, "متى سلمت القائم؟"))).contains("تعذّر عليّ الوصول إلى مصادري");
    }

    @Test
    void commandsAnswerWithoutAQuestion() {
        AnswerDialogue d = dialogue(FixedKnowledge.seeds());
        assertThat(plain.render(d.onCommand(1, "/source", ""))).contains("لم أذكر لك مصدراً بعد");
        assertThat(plain.render(d.onCommand(1, "timeline", ""))).contains("عمليات تسليم القواعد");
        assertThat(plain.render(d.onCommand(1, "source", ""))).contains("مصادر الجواب").contains("الحل نت");
        assertThat(plain.render(d.onCommand(1, "help", ""))).contains("متى سُلّمت قاعدة القائم؟");
        assertThat(plain.render(d.onCommand(1, "subscribe", "القائم"))).contains("التنبيهات غير مفعّلة");
        assertThat(plain.render(d.onCommand(1, "frobnicate", ""))).contains("لا أعرف الأمر");
    }
}
