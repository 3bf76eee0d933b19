package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.handoverbot.answer.EventSentences;
import org.handoverbot.answer.Names;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.TelegramHtmlRenderer;
import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventKind;
import org.handoverbot.knowledge.EventStatus;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.Gazetteer;
import org.junit.jupiter.api.Test;

class AlertComposerTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final Source SEED = new Source(1, "الحل نت", LocalDate.of(2020, 3, 19), null,
            "وكالة الأنباء العراقية", "مصدر مسؤول", "سلم التحالف الدولي قاعدة القائم", 1L);
    private static final Quote KHAFAJI = new Quote(5, 1, "khafaji", "تحسين الخفاجي",
            "المتحدث الرسمي لقيادة العمليات المشتركة",
            "القوات الأمنية العراقية قادرة على مسك الأرض", Set.of("handover", "reason"), List.of("al-qaim"), SEED);

    private final AlertComposer composer = new AlertComposer(GAZETTEER);
    private final TelegramHtmlRenderer renderer = new TelegramHtmlRenderer();

    private String shown(Event event, Optional<Quote> quote) {
        Reply reply = composer.compose(event, quote);
        assertThat(renderer.render(reply)).hasSize(1);
        return text(reply);
    }

    private static String plain(Reply.Paragraph paragraph) {
        StringBuilder out = new StringBuilder();
        paragraph.spans().forEach(span -> out.append(span.text()));
        return out.toString();
    }

    /** What a reader sees, block by block, without markup. */
    private static String text(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (Reply.Block block : reply.blocks()) {
            if (block instanceof Reply.Quotation q) {
                out.append('«').append(q.text()).append("» — ").append(q.attribution());
            } else {
                ((Reply.Paragraph) block).spans().forEach(span -> out.append(span.text()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void aHandoverAlertSaysWhatHappenedInTheAnswersOwnSentenceWithTheSourceAndTheQuote() {
        Event qaim = new Event(1, EventKind.HANDOVER, EventStatus.DONE, "al-qaim", "coalition", "iraqi-forces",
                LocalDate.of(2020, 3, 19), true, null, List.of(), "تسليم القائم", null, List.of(SEED));

        String text = shown(qaim, Optional.of(KHAFAJI));

        assertThat(text).startsWith("🔔 تنبيه: سُلّمت قاعدة القائم في محافظة الأنبار من التحالف الدولي إلى القوات الأمنية "
                        + "العراقية يوم الخميس 19 آذار (مارس) 2020 بالكامل.")
                .contains(plain(new EventSentences(new Names(GAZETTEER)).whatHappened(qaim, List.of())))
                .contains("بحسب وكالة الأنباء العراقية، نقلاً عن مصدر مسؤول، كما أورد موقع الحل نت.")
                .contains("القوات الأمنية العراقية قادرة على مسك الأرض")
                .contains("تحسين الخفاجي، المتحدث الرسمي لقيادة العمليات المشتركة")
                .contains("/unsubscribe");
    }

    @Test
    void aPlannedHandoverIsNeverToldAsDoneAndAMissingDateIsNotGuessed() {
        Event next = new Event(2, EventKind.HANDOVER, EventStatus.PLANNED, "qayyarah", "coalition", "iraqi-forces",
                null, null, null, List.of(), "الخطوة المقبلة", null, List.of(SEED));

        String text = shown(next, Optional.empty());

        assertThat(text).contains("الخطوة التالية بحسب مصدر مسؤول: تسليم قاعدة القيارة. وهي خطوة أُعلن عنها ولم تكن قد نُفّذت")
                .contains("ولا تذكر مصادري موعداً لها.")
                .doesNotContain("سُلّمت ")
                .doesNotContain("2020");
    }

    @Test
    void aNameThatAlreadySaysWhatThePlaceIsIsNotPrefixedAndMarkupInSourcesIsEscaped() {
        Source report = new Source(2, "Al-Masdar <News> & co", LocalDate.of(2020, 3, 31), "https://www.almasdarnews.com/a?x=1&y=2",
                null, null, null, null);
        Event mosul = new Event(3, EventKind.HANDOVER, EventStatus.DONE, "mosul-sqoor", "coalition", "iraqi-forces",
                LocalDate.of(2020, 3, 30), null, 4, List.of(), "الصقور", null, List.of(report));

        Reply reply = composer.compose(mosul, Optional.empty());
        List<String> html = renderer.render(reply);
        String text = text(reply);

        assertThat(text).contains("سُلّمت موقع الصقور في الموصل في محافظة نينوى من التحالف الدولي إلى القوات الأمنية العراقية يوم")
                .contains("Al-Masdar <News> & co")
                .contains("https://www.almasdarnews.com/a?x=1&y=2");
        assertThat(html.get(0)).contains("&lt;News&gt; &amp; co");
    }
}
