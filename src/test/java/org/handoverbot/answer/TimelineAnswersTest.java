package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.H2KnowledgeBase;
import org.handoverbot.knowledge.KnowledgeBase;
import org.handoverbot.knowledge.KnowledgeIngester;
import org.handoverbot.knowledge.NewEventsListener;
import org.handoverbot.knowledge.SeedLoader;
import org.handoverbot.knowledge.Source;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.QuestionUnderstander;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The questions the sourced timeline makes possible, through the whole path with every seed loaded (the article
 * and the timeline records) into a real H2 file. Expected facts are the checked ones of the timeline.
 */
class TimelineAnswersTest {

    @TempDir
    static Path dir;

    static Database database;
    static KnowledgeBase knowledge;
    static AnswerDialogue dialogue;
    static Set<String> latinNames = new HashSet<>();
    static long chats = 1000;

    final PlainTextRenderer plain = new PlainTextRenderer();

    @BeforeAll
    static void loadSeeds() {
        Gazetteer gazetteer = Gazetteer.load();
        database = Database.open("jdbc:h2:file:" + dir.resolve("kb").toAbsolutePath());
        new SeedLoader(new KnowledgeIngester(database, gazetteer, NewEventsListener.NONE)).load();
        knowledge = new H2KnowledgeBase(database, gazetteer);
        dialogue = new AnswerDialogue(knowledge, gazetteer, QuestionUnderstander.load(gazetteer)::understand,
                Optional.empty(), new ConversationMemory(), QuestionUnderstander.CONFIDENCE_THRESHOLD);
        // Publishers and the agencies they cite keep their own (Latin) names; nothing else may be Latin.
        for (Event e : knowledge.events()) {
            for (Source s : e.sources()) {
                latinNames.add(s.publisher());
                if (s.citedSource() != null) {
                    latinNames.add(s.citedSource());
                }
            }
            e.figures().forEach(f -> latinWords(f.note()));
        }
    }

    private static void latinWords(String text) {
        if (text != null) {
            Matcher m = Pattern.compile("[A-Za-z][A-Za-z .-]*[A-Za-z]").matcher(text);
            while (m.find()) {
                latinNames.add(m.group());
            }
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    String ask(String question) {
        return ask(chats++, question);
    }

    String ask(long chat, String question) {
        Reply reply = dialogue.onText(chat, question);
        String text = plain.render(reply);
        String rest = text.replaceAll("https?://\\S+", "");
        for (String name : latinNames) {
            rest = rest.replace(name, "");
        }
        assertThat(rest).as("Arabic apart from publishers' names").doesNotContainPattern("[A-Za-z]{2,}");
        new TelegramHtmlRenderer().render(reply).forEach(m -> assertThat(m.length()).isLessThan(4096));
        return text;
    }

    @Test
    void theTimelineListsTheNineHandoversInOrderWithTheirPublishers() {
        String timeline = ask("اعرض كل عمليات التسليم بالترتيب");
        List<String> rows = List.of(
                "1. قاعدة القائم (محافظة الأنبار): الخميس 19 آذار (مارس) 2020",
                "2. قاعدة القيارة (محافظة نينوى): الخميس 26 آذار (مارس) 2020",
                "3. قاعدة كي وان (محافظة كركوك): الأحد 29 آذار (مارس) 2020",
                "4. موقع الصقور في الموصل (محافظة نينوى): الاثنين 30 آذار (مارس) 2020",
                "5. قاعدة التقدم (الحبانية) (محافظة الأنبار): السبت 4 نيسان (أبريل) 2020",
                "6. قاعدة أبو غريب (محافظة بغداد): الثلاثاء 7 نيسان (أبريل) 2020",
                "7. قاعدة بسماية (محافظة بغداد): السبت 25 تموز (يوليو) 2020",
                "8. قاعدة التاجي (محافظة بغداد): الأحد 23 آب (أغسطس) 2020",
                "9. قاعدة عين الأسد (محافظة الأنبار): الجمعة 16 كانون الثاني (يناير) 2026");
        int at = -1;
        for (String row : rows) {
            int next = timeline.indexOf(row);
            assertThat(next).as(row).isGreaterThan(at);
            at = next;
        }
        assertThat(timeline).contains("(9 قواعد)").contains("Military Times").contains("UPI")
                .doesNotContain("أُعلن ولم تذكر مصادري تنفيذه");
        assertThat(plain.render(dialogue.onCommand(1, "timeline", ""))).isEqualTo(timeline);
        Reply sources = dialogue.onCommand(1, "source", "");
        List<String> messages = new TelegramHtmlRenderer().render(sources);
        assertThat(messages).allSatisfy(m -> assertThat(m.length()).isLessThan(4096));
        assertThat(String.join("\n", messages)).contains("https://www.upi.com/").contains("https://www.rudaw.net/")
                .contains("كما أورد موقع الحل نت");
    }

    /**
     * Issue 15's must-show: every handover of the timeline, asked in the Hijri calendar as a user asks it ("متى
     * سلموا كي وان بالهجري؟"), answered with its day and the Umm al-Qura date ICU's own formatter gives for it
     * (CLDR's "ar@calendar=islamic-umalqura", apart from the bot's calendar arithmetic).
     */
    @Test
    void everyHandoverOfTheTimelineAskedInTheHijriCalendarHasIcusUmmAlQuraDate() {
        com.ibm.icu.text.SimpleDateFormat icu = new com.ibm.icu.text.SimpleDateFormat("d MMMM y",
                new com.ibm.icu.util.ULocale("ar@calendar=islamic-umalqura;numbers=latn"));
        icu.setTimeZone(com.ibm.icu.util.TimeZone.GMT_ZONE);
        Names names = new Names(Gazetteer.load());
        List<Event> handovers = knowledge.events().stream().filter(EventQueries::isDoneHandover)
                .filter(e -> e.date() != null && e.baseId() != null).toList();
        assertThat(handovers).hasSizeGreaterThanOrEqualTo(9);
        for (Event e : handovers) {
            com.ibm.icu.util.Calendar noon = com.ibm.icu.util.Calendar.getInstance(com.ibm.icu.util.TimeZone.GMT_ZONE,
                    com.ibm.icu.util.ULocale.ROOT);
            noon.clear();
            noon.set(e.date().getYear(), e.date().getMonthValue() - 1, e.date().getDayOfMonth(), 12, 0);
            assertThat(ask("متى سلموا " + names.base(e.baseId()) + " بالهجري؟")).as(e.baseId())
                    .contains(ArabicDates.format(e.date()) + "، الموافق " + icu.format(noon.getTime()) + " هـ (تقويم أم القرى)");
        }
    }

    @Test
    void eachRowIsAnsweredWithDateProvinceOrdinalAndSource() {
        assertThat(ask("متى سلمت كي وان؟")).contains("الأحد 29 آذار (مارس) 2020").contains("محافظة كركوك")
                .contains("القاعدة الثالثة").contains("Rudaw").contains("نقلاً عن Anadolu");
        assertThat(ask("متى سلمت بسماية")).contains("السبت 25 تموز (يوليو) 2020").contains("القاعدة السابعة")
                .contains("الجمعة 24 تموز (يوليو) 2020: سقط هجوم صاروخي على قاعدة بسماية").contains("Islam Times");
        assertThat(ask("ما مصدر خبر كي وان")).contains("https://www.rudaw.net/english/middleeast/iraq/290320201");
        assertThat(ask("شوكت سلموا عين الاسد")).contains("الجمعة 16 كانون الثاني (يناير) 2026")
                .contains("السبت 17 كانون الثاني (يناير) 2026: أعلن الجيش العراقي سيطرته الكاملة").contains("The Independent");
    }

    @Test
    void alQaimIsOneEventWithTheArticleAndTheReportAsSources() {
        assertThat(knowledge.events().stream().filter(e -> "al-qaim".equals(e.baseId())
                && EventQueries.isDoneHandover(e))).hasSize(1);
        assertThat(ask("متى تم تسليم قاعدة القائم؟")).contains("الخميس 19 آذار (مارس) 2020")
                .contains("كما أورد موقع الحل نت؛ وأورده أيضاً تقرير Al-Masdar News");
    }

    @Test
    void qayyarahWasAnnouncedThenDone() {
        assertThat(ask("متى سلمت القيارة؟")).contains("الخميس 26 آذار (مارس) 2020")
                .contains("وكان تسليمها قد أُعلن قبل ذلك خطوةً تالية").contains("الخفاجي");
        assertThat(ask("ما هي الخطوة التالية بعد القائم؟")).contains("الخطوة التالية بحسب اللواء تحسين الخفاجي")
                .contains("ثم نُفّذت هذه الخطوة").contains("الخميس 26 آذار (مارس) 2020")
                .doesNotContain("ولا تذكر مصادري حتى الآن أنها نُفّذت");
    }

    @Test
    void countingOrderingAndComparing() {
        assertThat(ask("كم قاعدة سلم التحالف في 2020؟")).contains("8 قواعد").doesNotContain("عين الأسد");
        assertThat(ask("ما هي القاعدة الثالثة التي تم تسليمها؟")).contains("بحسب عدّ المصادر نفسها").contains("قاعدة كي وان");
        assertThat(ask("آخر قاعدة تم تسليمها؟")).contains("قاعدة عين الأسد").contains("2026");
        assertThat(ask("ما الفرق بين تسليم القائم وتسليم عين الأسد؟"))
                .contains("سُلّمت قاعدة القائم قبل قاعدة عين الأسد بـ2,129 يوماً (5 سنوات و9 أشهر و28 يوماً)");
        assertThat(ask("ماذا حدث في نيسان 2020؟")).contains("السبت 4 نيسان (أبريل) 2020").contains("الثلاثاء 7 نيسان (أبريل) 2020")
                .doesNotContain("آذار (مارس) 2020:");
    }

    @Test
    void equipmentFiguresAreTheReportsOwn() {
        assertThat(ask("ما قيمة المعدات التي سلمت في التاجي؟")).contains("347 مليون دولار").contains("UPI");
        assertThat(ask("ما قيمة المعدات في كي وان؟")).contains("مليون دولار").doesNotContain("347");
    }

    @Test
    void aBaseWithNoRecordIsStillNoInformation() {
        assertThat(ask("متى سلمت قاعدة بلد؟")).contains("لا تتوفر في مصادري معلومات عن تسليم قاعدة بلد")
                .doesNotContain("2020").doesNotContain("2026");
        assertThat(ask("متى سلمت قاعدة حرير؟")).contains("لا تتوفر في مصادري معلومات").contains("حرير");
    }
}
