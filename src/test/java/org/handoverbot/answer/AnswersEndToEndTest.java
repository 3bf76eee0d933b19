package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.H2KnowledgeBase;
import org.handoverbot.knowledge.InputFiles;
import org.handoverbot.knowledge.KnowledgeIngester;
import org.handoverbot.knowledge.NewEventsListener;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.QuestionUnderstander;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questions through the whole path: the real understander, the seed article stored in a real H2 file by the
 * real ingester, and the dialogue. The store holds the article alone, as before any timeline record exists.
 */
class AnswersEndToEndTest {

    static final String ARTICLE = "/seeds/alhal-qaim-2020-03-19.txt";

    @TempDir
    static Path dir;

    static Database database;
    static AnswerDialogue dialogue;
    static String articleText;
    static long chats = 100;

    final PlainTextRenderer plain = new PlainTextRenderer();
    final TelegramHtmlRenderer html = new TelegramHtmlRenderer();

    @BeforeAll
    static void storeTheArticle() throws IOException {
        Gazetteer gazetteer = Gazetteer.load();
        database = Database.open("jdbc:h2:file:" + dir.resolve("kb").toAbsolutePath());
        new KnowledgeIngester(database, gazetteer, NewEventsListener.NONE).ingest(InputFiles.articleResource(ARTICLE));
        QuestionUnderstander understander = QuestionUnderstander.load(gazetteer);
        dialogue = new AnswerDialogue(new H2KnowledgeBase(database, gazetteer), gazetteer, understander::understand,
                Optional.empty(), new ConversationMemory(), QuestionUnderstander.CONFIDENCE_THRESHOLD);
        try (InputStream in = AnswersEndToEndTest.class.getResourceAsStream(ARTICLE)) {
            articleText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** Asks in a new chat and checks what every reply must be: quotes verbatim, Telegram-safe, Arabic. */
    String ask(String question) {
        return ask(chats++, question);
    }

    String ask(long chat, String question) {
        Reply reply = dialogue.onText(chat, question);
        assertThat(reply.blocks()).isNotEmpty();
        for (Reply.Block block : reply.blocks()) {
            if (block instanceof Reply.Quotation q) {
                String words = q.text().endsWith(QuoteShortener.OMISSION)
                        ? q.text().substring(0, q.text().length() - QuoteShortener.OMISSION.length()) : q.text();
                assertThat(articleText).as("quoted verbatim from the article").contains(words);
            }
        }
        for (String message : html.render(reply)) {
            assertThat(message.length()).isLessThan(4096);
            assertThat(message.replaceAll("</?(b|blockquote)>", "")).doesNotContain("<", ">");
        }
        String text = plain.render(reply);
        assertThat(text.replaceAll("https?://\\S+", "").replace("/subscribe", "").replace("/unsubscribe", "")
                .replace("/timeline", "").replace("/source", "").replace("/help", "").replace("/start", "")
                .replace("TELEGRAM_BOT_TOKEN", "")).as("Arabic only").doesNotContainPattern("[A-Za-z]{2,}");
        return text;
    }

    @Test
    void eventDateHasWeekdayBothMonthsAndTheArticlesSources() {
        assertThat(ask("متى تم تسليم قاعدة القائم؟")).contains("قاعدة القائم").contains("الخميس 19 آذار (مارس) 2020")
                .contains("وكالة الأنباء العراقية").contains("مصدر مسؤول").contains("كما أورد موقع الحل نت");
    }

    @Test
    void partiesAndStatus() {
        assertThat(ask("من سلم قاعدة القائم ولمن؟"))
                .startsWith("تسليم قاعدة القائم: من التحالف الدولي إلى القوات الأمنية العراقية، يوم الخميس 19 آذار (مارس) 2020");
        assertThat(ask("هل تم تسليم القائم بالكامل؟")).contains("بالكامل").contains("بحسب");
    }

    @Test
    void sourceNamesTheCitedAgencyAndTheArticlesOwnSentence() {
        assertThat(ask("ما مصدر خبر تسليم القائم؟")).contains("مصادر خبر قاعدة القائم")
                .contains("بحسب وكالة الأنباء العراقية، نقلاً عن مصدر مسؤول، كما أورد موقع الحل نت")
                .contains("— من نص موقع الحل نت");
    }

    @Test
    void statementsAreQuotedVerbatimWithSpeakerAndTitle() {
        assertThat(ask("ماذا قال الخفاجي؟")).contains("من تصريحات اللواء تحسين الخفاجي")
                .contains("— اللواء تحسين الخفاجي، المتحدث الرسمي لقيادة العمليات المشتركة");
        assertThat(ask("ماذا قال كاغيتر؟")).contains("«أجريت مناقشات مهمة مع اللواء تحسين الخفاجي");
        assertThat(ask("ماذا قالت وكالة الأنباء العراقية؟")).contains("مما نُقل عن وكالة الأنباء العراقية")
                .contains("«قوات التحالف الدولي سلّمت صباح اليوم الخميس قاعدة “القائم” العسكرية بالكامل");
        assertThat(ask("ماذا قال وزير الدفاع؟")).contains("لا تحفظ مصادري تصريحاً لـ«وزير الدفاع»")
                .doesNotContain("«انسحاب");
        assertThat(ask("ماذا قال التحالف الدولي؟")).contains("مما نُقل عن التحالف الدولي").contains("مايلز");
    }

    @Test
    void reasonEquipmentAttacksAndLocation() {
        assertThat(ask("لماذا انسحب التحالف من القائم؟")).contains("«السبب الحقيقي وراء الانسحاب");
        assertThat(ask("ما مصير المعدات في قاعدة القائم؟")).contains("«تلك المعدات بعضها إدارية");
        assertThat(ask("هل تعرضت قواعد لهجمات صاروخية؟")).contains("24").contains("خلال أقل من 6 أشهر");
        assertThat(ask("أين تقع قاعدة القائم؟")).contains("تقع قاعدة القائم في محافظة الأنبار");
    }

    @Test
    void theNextStepIsAPlanNotAHandover() {
        String next = ask("ما هي الخطوة التالية بعد القائم؟");
        assertThat(next).contains("الخطوة التالية بحسب اللواء تحسين الخفاجي").contains("قاعدة القيارة")
                .contains("ولا تذكر مصادري حتى الآن أنها نُفّذت").doesNotContain("ثم نُفّذت");
        String qayyarah = ask("متى سلمت القيارة؟");
        assertThat(qayyarah).contains("لا تذكر مصادري أن قاعدة القيارة سُلّمت حتى الآن")
                .contains("«انسحاب تلك القوات من القائم هو البداية، والخطوة التالية قد تكون الانسحاب من القيارة")
                .doesNotContain("سُلّمت قاعدة القيارة").doesNotContain("19 آذار");
    }

    @Test
    void aBaseWithoutRecordsNeverGetsAlQaimsFacts() {
        for (String question : List.of("شوكت سلموا عين الاسد", "متى سلمت قاعدة بلد؟", "من استلم عين الأسد؟")) {
            assertThat(ask(question)).contains("لا تتوفر في مصادري معلومات").doesNotContain("آذار").doesNotContain("القائم");
        }
        assertThat(ask("ما قيمة المعدات التي سلمت في التاجي؟")).contains("لا تتوفر في مصادري معلومات عن معدات قاعدة التاجي");
    }

    @Test
    void followUpsAnswerAboutTheBaseOfTheConversation() {
        long chat = 1;
        ask(chat, "متى تم تسليم قاعدة القائم؟");
        assertThat(ask(chat, "ومن تسلمها؟")).startsWith("(عن قاعدة القائم، كما في سؤالك السابق)")
                .contains("القوات الأمنية العراقية");
        assertThat(ask(chat, "وما مصدر الخبر؟")).contains("وكالة الأنباء العراقية");
        assertThat(ask(2, "ومن تسلمها؟")).contains("عن أي قاعدة تسأل؟");
        ask(3, "شوكت سلموا عين الاسد");
        assertThat(ask(3, "ومن تسلمها؟")).contains("عين الأسد").doesNotContain("القائم");
    }

    @Test
    void timelineCountOrdinalAndCompareOverWhatIsStored() {
        assertThat(ask("اعرض كل عمليات التسليم بالترتيب")).contains("1. قاعدة القائم").contains("أُعلن ولم تذكر مصادري تنفيذه بعد");
        assertThat(ask("كم قاعدة سلم التحالف في 2020؟")).contains("قاعدة واحدة");
        assertThat(ask("ما هي القاعدة الثالثة التي تم تسليمها؟")).contains("فلا أعرف القاعدة الثالثة");
        assertThat(ask("ما الفرق بين تسليم القائم وتسليم عين الأسد؟")).contains("الخميس 19 آذار (مارس) 2020")
                .contains("لا تتوفر في مصادري معلومات عن تسليم قاعدة عين الأسد");
        assertThat(ask("ماذا حدث في نيسان 2020؟")).contains("لا تذكر مصادري أحداثاً في نيسان (أبريل) 2020");
        assertThat(ask("ماذا حدث في آذار 2020؟")).contains("الثلاثاء 17 آذار (مارس) 2020").contains("الخميس 19 آذار (مارس) 2020");
    }

    @Test
    void greetingHelpOutOfScopeAndSubscriptionsWithoutAlerts() {
        assertThat(ask("السلام عليكم")).contains("أهلاً بك");
        assertThat(ask("ماذا تستطيع أن تفعل؟")).contains("أمثلة").contains("متى سُلّمت قاعدة القائم؟");
        assertThat(ask("من فاز بكأس العالم؟")).contains("خارج ما أعرفه");
        assertThat(ask("اشترك في التنبيهات عن عين الأسد")).contains("التنبيهات غير مفعّلة").contains("عين الأسد");
        assertThat(ask("أوقف التنبيهات")).contains("لا اشتراك لإيقافه");
    }

    @Test
    void hostileInputGetsAPoliteReplyAndLosesNothing() {
        assertThat(ask("<script>alert(1)</script> متى سلمت القائم؟")).contains("19 آذار");
        assertThat(html.render(dialogue.onText(9, "<b>متى</b> & سلمت القائم؟")).get(0)).doesNotContain("<script");
        assertThat(ask("'; DROP TABLE event; --")).isNotBlank();
        assertThat(ask("' OR 1=1 -- متى سلمت القائم")).isNotBlank();
        assertThat(ask("ق".repeat(5000))).contains("رسالتك أطول");
        assertThat(ask("🙂🚀🇮🇶")).contains("لم أجد في رسالتك كلمات");
        assertThat(ask("   ")).contains("لم تصلني أي كلمات");
        assertThat(ask("متى تم تسليم قاعدة القائم؟")).contains("الخميس 19 آذار (مارس) 2020");
    }

    @Test
    void manyChatsAtOnceEachKeepTheirOwnBase() throws Exception {
        List<String> bases = List.of("القائم", "عين الأسد");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> followUps = new java.util.ArrayList<>();
            for (int chat = 0; chat < 40; chat++) {
                long id = 5000 + chat;
                String base = bases.get(chat % 2);
                followUps.add(pool.submit(() -> {
                    dialogue.onText(id, "متى سلمت " + base + "؟");
                    return plain.render(dialogue.onText(id, "ومن تسلمها؟"));
                }));
            }
            for (int chat = 0; chat < 40; chat++) {
                String reply = followUps.get(chat).get(30, java.util.concurrent.TimeUnit.SECONDS);
                if (chat % 2 == 0) {
                    assertThat(reply).contains("قاعدة القائم").contains("19 آذار");
                } else {
                    assertThat(reply).contains("عين الأسد").contains("لا تتوفر في مصادري معلومات").doesNotContain("القائم");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void buttonsAndCommands() {
        Reply date = dialogue.onText(4, "متى تم تسليم قاعدة القائم؟");
        assertThat(date.buttons()).extracting(Reply.Button::callbackData).contains("src;s=al-qaim", "timeline");
        assertThat(plain.render(dialogue.onButton(4, "src:al-qaim"))).contains("مصادر خبر قاعدة القائم");
        assertThat(plain.render(dialogue.onButton(4, "said:al-qaim"))).contains("من التصريحات عن قاعدة القائم");
        assertThat(plain.render(dialogue.onButton(4, "old-format-button"))).contains("هذا الزر قديم");
        assertThat(plain.render(dialogue.onCommand(4, "source", ""))).contains("مصادر الجواب");
        assertThat(plain.render(dialogue.onCommand(4, "/timeline", ""))).contains("1. قاعدة القائم");
        assertThat(plain.render(dialogue.onCommand(4, "start", ""))).contains("أهلاً بك").contains("أمثلة");
        assertThat(plain.render(dialogue.onCommand(4, "subscribe", "كوكب المريخ"))).contains("لا أعرف قاعدة باسم");
    }
}
